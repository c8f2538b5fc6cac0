import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partKey } from "../../src/backups/layout.ts";
import { backups, customers } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { call } from "../harness/api.ts";
import { tableHashes, wipeTenant } from "../harness/backup-contents.ts";
import { backupRow, restoreAsQueue, takeBackup } from "../harness/backups.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer, type Fixture } from "../harness/fixture.ts";
import { createFullTenant } from "../harness/full-tenant.ts";
import { expectJson } from "../harness/responses.ts";

type Backup = { id: string; verification: { ok: boolean; problems: string[] } | null; restore: { status: string; error?: string; targetTenantId?: string; rows?: number } | null };

async function restoreThroughApi(fx: Fixture, backupId: string, body: Record<string, unknown>): Promise<NonNullable<Backup["restore"]>> {
  await expectJson(await call("POST", `/v1/backups/${backupId}/restore`, { token: fx.owner.tokens.accessToken, body }), 202);
  for (let attempt = 0; attempt < 300; attempt++) {
    const backup = await expectJson<Backup>(await call("GET", `/v1/backups/${backupId}`, { token: fx.owner.tokens.accessToken }));
    if (backup.restore?.status === "completed" || backup.restore?.status === "failed") return backup.restore;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the restore did not finish");
}

async function safetyBackups(tenantId: string): Promise<number> {
  const rows = await withDatabase((db) => withTenant(db, tenantId, (tx) => tx.select({ id: backups.id }).from(backups).where(eq(backups.trigger, "pre_restore"))));
  return rows.length;
}

describe("a backup restored", () => {
  it("brings back every row of every table after the tenant is wiped", async () => {
    const fx = await createFullTenant();
    const before = await tableHashes(fx.tenantId);
    const { backupId } = await takeBackup(fx.tenantId, { partBytes: 512, batchRows: 5 });
    expect((await backupRow(fx.tenantId, backupId)).progress.parts).toBeGreaterThan(Object.keys(before).length);

    await wipeTenant(fx.tenantId);
    await insertCustomer(fx.tenantId, "Written after the disaster");
    expect(await tableHashes(fx.tenantId)).not.toEqual(before);

    const restore = await restoreAsQueue(fx.tenantId, backupId, { into: "same" });
    expect(restore).toMatchObject({ status: "completed" });
    expect(restore.safetyBackupId).toBeDefined();
    expect(await tableHashes(fx.tenantId)).toEqual(before);
  });

  it("into a new tenant copies the data under new ids, leaving staff and credentials behind", async () => {
    const fx = await createFullTenant();
    const before = await tableHashes(fx.tenantId);
    const { backupId } = await takeBackup(fx.tenantId);
    const restore = await restoreThroughApi(fx, backupId, { into: "new" });
    expect(restore.status, restore.error).toBe("completed");
    const copy = await tableHashes(restore.targetTenantId!);
    for (const table of ["customers", "orders", "order_lines", "refunds", "interactions", "customer_scores", "segment_events", "imports"]) {
      expect(copy[table]!.rows, table).toBe(before[table]!.rows);
    }
    for (const table of ["users", "sessions", "api_keys", "audit_log"]) expect(copy[table]!.rows, table).toBe(0);
    const ids = async (tenantId: string) => (await withDatabase((db) => withTenant(db, tenantId, (tx) => tx.select({ id: customers.id }).from(customers)))).map((row) => row.id);
    const original = new Set(await ids(fx.tenantId));
    expect((await ids(restore.targetTenantId!)).filter((id) => original.has(id))).toEqual([]);
    expect(await tableHashes(fx.tenantId)).toEqual({ ...before, audit_log: (await tableHashes(fx.tenantId)).audit_log });
  });

  it("of one customer replaces that customer's rows and nobody else's", async () => {
    const fx = await createFullTenant();
    const [first, second] = fx.customerIds as [string, string];
    const { backupId } = await takeBackup(fx.tenantId);
    await withDatabase((db) =>
      withTenant(db, fx.tenantId, async (tx) => {
        await tx.update(customers).set({ displayName: "Changed" }).where(eq(customers.id, first));
        await tx.update(customers).set({ displayName: "Also changed" }).where(eq(customers.id, second));
        await tx.execute(sql`delete from orders where customer_id = ${first}`);
      }),
    );
    const restore = await restoreThroughApi(fx, backupId, { into: "same", customerId: first });
    expect(restore.status, restore.error).toBe("completed");
    const rows = await withDatabase((db) =>
      withTenant(db, fx.tenantId, (tx) => tx.execute<{ id: string; name: string; orders: number; lines: number }>(sql`
        select c.id, c.display_name as name, (select count(*)::int from orders o where o.customer_id = c.id) as orders,
               (select count(*)::int from order_lines l join orders o on o.id = l.order_id where o.customer_id = c.id) as lines
          from customers c where c.id in (${first}, ${second})`)),
    );
    const byId = Object.fromEntries(rows.rows.map((row) => [row.id, row]));
    expect(byId[first]).toMatchObject({ name: "Customer 1", orders: 1, lines: 2 });
    expect(byId[second]).toMatchObject({ name: "Also changed" });
  });
});

describe("a damaged backup", () => {
  for (const damage of ["a flipped byte", "a missing part"] as const) {
    it(`with ${damage} fails verify and restore, and the restore changes nothing`, async () => {
      const fx = await createFullTenant();
      const { backupId } = await takeBackup(fx.tenantId, { partBytes: 512, batchRows: 5 });
      const key = partKey(fx.tenantId, backupId, 2);
      if (damage === "a missing part") await env.BACKUPS.delete(key);
      else {
        const bytes = new Uint8Array(await (await env.BACKUPS.get(key))!.arrayBuffer());
        bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
        await env.BACKUPS.put(key, bytes);
      }
      const verified = await expectJson<Backup>(await call("POST", `/v1/backups/${backupId}/verify`, { token: fx.owner.tokens.accessToken }));
      expect(verified.verification!.ok).toBe(false);
      expect(verified.verification!.problems.join()).toMatch(damage === "a missing part" ? /part 2 .* missing/ : /part 2 .* does not match/);

      await withDatabase((db) => withTenant(db, fx.tenantId, (tx) => tx.update(customers).set({ displayName: "After the backup" }).where(eq(customers.id, fx.customerIds[0]!))));
      const before = await tableHashes(fx.tenantId);
      const restore = await restoreThroughApi(fx, backupId, { into: "same" });
      expect(restore.status).toBe("failed");
      expect(restore.error).toMatch(/verification failed, nothing was changed/);
      const after = await tableHashes(fx.tenantId);
      expect({ ...after, audit_log: null }).toEqual({ ...before, audit_log: null });
      expect(await safetyBackups(fx.tenantId)).toBe(0);
    });
  }
});
