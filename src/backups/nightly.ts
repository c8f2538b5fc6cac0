import { sql } from "drizzle-orm";
import { parseEnv } from "../env.ts";
import { inScope, type NightlyTask } from "../jobs/nightly.ts";
import { openDatabase, type Database } from "../platform/db.ts";
import { describeError } from "../platform/error-text.ts";
import { withoutTenant } from "../platform/with-tenant.ts";
import { applyRetention } from "./apply-retention.ts";
import { enqueueBackup } from "./backups.ts";

/** Every tenant's id, through the SECURITY DEFINER function of the migrations (no tenant is entered yet). */
export async function activeTenantIds(db: Database): Promise<string[]> {
  const result = await withoutTenant(db, (tx) => tx.execute<{ id: string }>(sql`select id from active_tenant_ids() as id`));
  return result.rows.map((row) => row.id);
}

/**
 * The nightly backup run: for each tenant, retention first (old backups deleted), then one
 * backup queued. A tenant that fails is logged and the others go on; the task fails at the end
 * so the nightly job is retried (a retried night queues a second backup, which retention thins).
 */
export const nightlyBackups: NightlyTask = {
  name: "backups",
  async run(ctx, night) {
    const handle = openDatabase(parseEnv(ctx.env));
    const failed: string[] = [];
    try {
      const tenantIds = inScope(night, await activeTenantIds(handle.db));
      for (const tenantId of tenantIds) {
        try {
          await applyRetention(handle.db, ctx.env.BACKUPS, tenantId);
          await enqueueBackup(handle.db, ctx.env.JOBS, tenantId, { trigger: "nightly" });
        } catch (error) {
          failed.push(tenantId);
          ctx.log.error("nightly backup not queued", { tenantId, error: describeError(error) });
        }
      }
      ctx.log.info("nightly backups queued", { tenants: tenantIds.length, failed: failed.length });
    } finally {
      await handle.close();
    }
    if (failed.length) throw new Error(`backups not queued for ${failed.length} tenants`);
  },
};
