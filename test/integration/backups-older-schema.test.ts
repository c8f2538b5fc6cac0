import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { NOT_COPIED_TO_NEW_TENANT } from "../../src/backups/tables.ts";
import { tenants, users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { call } from "../harness/api.ts";
import { tableHashes } from "../harness/backup-contents.ts";
import { restoreAsQueue, takeBackup } from "../harness/backups.ts";
import { withDatabase } from "../harness/database.ts";
import { createFullTenant } from "../harness/full-tenant.ts";
import { rewriteAsSchema } from "../harness/older-backup.ts";
import { expectJson } from "../harness/responses.ts";

/** The schema before 0029 added `tenants.locale` (not null, default en-GB) and `users.language` (nullable). */
const BEFORE_LOCALE = "0028_surveys_row_level_security_and_widget_origins.sql";

/** The tenant's own row without the columns a restore into a new tenant rewrites. */
async function tenantRow(tenantId: string): Promise<Record<string, unknown>> {
  const result = await withDatabase((db) =>
    withTenant(db, tenantId, (tx) => tx.execute<{ row: Record<string, unknown> }>(sql`select to_jsonb(t) - 'id' - 'slug' - 'name' as row from tenants t where t.id = ${tenantId}`)),
  );
  return result.rows[0]!.row;
}

describe("a backup from an older schema", () => {
  it("restores with the defaults of the columns added since and without those dropped since, into the same tenant and a new one", async () => {
    const fx = await createFullTenant();
    const before = await tableHashes(fx.tenantId);
    const ownRow = await tenantRow(fx.tenantId);
    expect(ownRow.locale).toBe("en-GB");
    const { backupId } = await takeBackup(fx.tenantId, { partBytes: 512, batchRows: 2 });
    const manifest = await rewriteAsSchema(fx.tenantId, backupId, BEFORE_LOCALE, {
      tenants: { drop: ["locale"] },
      users: { drop: ["language"] },
      customers: { add: { loyalty_tier: "gold" } },
    });
    expect(manifest.parts.filter((part) => part.table === "users").length).toBeGreaterThan(1);
    const verified = await expectJson<{ verification: { ok: boolean; problems: string[] } }>(await call("POST", `/v1/backups/${backupId}/verify`, { token: fx.owner.tokens.accessToken }));
    expect(verified.verification).toMatchObject({ ok: true, problems: [] });

    await withDatabase((db) =>
      withTenant(db, fx.tenantId, async (tx) => {
        await tx.update(tenants).set({ locale: "de-DE" }).where(eq(tenants.id, fx.tenantId));
        await tx.update(users).set({ language: "zh-CN" });
      }),
    );

    const copy = await restoreAsQueue(fx.tenantId, backupId, { into: "new" });
    expect(copy.status, copy.error).toBe("completed");
    expect(await tenantRow(copy.targetTenantId!)).toEqual(ownRow);
    const copied = await tableHashes(copy.targetTenantId!);
    for (const [table, { rows }] of Object.entries(before)) expect(copied[table]!.rows, table).toBe(NOT_COPIED_TO_NEW_TENANT.has(table) ? 0 : rows);

    const restore = await restoreAsQueue(fx.tenantId, backupId, { into: "same" });
    expect(restore.status, restore.error).toBe("completed");
    expect((await tenantRow(fx.tenantId)).locale).toBe("en-GB");
    const after = await tableHashes(fx.tenantId);
    expect({ ...after, audit_log: null }).toEqual({ ...before, audit_log: null });
  });
});
