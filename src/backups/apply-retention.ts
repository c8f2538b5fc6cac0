import { and, eq, inArray, sql } from "drizzle-orm";
import { backups, tenants } from "../db/schema/index.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { backupPrefix, deletePrefix } from "./layout.ts";
import { backupsToKeep } from "./retention.ts";

/** Failed backups are kept this long for their error, then removed with their partial objects. */
const FAILED_KEPT_DAYS = 7;

/**
 * Applies the tenant's retention policy (settings: `backupRetention`): completed backups it does
 * not keep, and failed ones older than a week, lose their objects (listed page by page) and then
 * their rows. Returns the ids removed.
 */
export async function applyRetention(db: Database, bucket: R2Bucket, tenantId: string): Promise<string[]> {
  const { doomed } = await withTenant(db, tenantId, async (tx) => {
    const [tenant] = await tx.select({ policy: tenants.backupRetention }).from(tenants);
    const completed = await tx.select({ id: backups.id, at: backups.createdAt }).from(backups).where(eq(backups.status, "completed"));
    const keep = backupsToKeep(completed, tenant!.policy);
    const failed = await tx
      .select({ id: backups.id })
      .from(backups)
      .where(and(eq(backups.status, "failed"), sql`${backups.createdAt} < now() - make_interval(days => ${FAILED_KEPT_DAYS})`));
    return { doomed: [...completed.filter((backup) => !keep.has(backup.id)).map((backup) => backup.id), ...failed.map((backup) => backup.id)] };
  });
  for (const id of doomed) await deletePrefix(bucket, backupPrefix(tenantId, id));
  if (doomed.length) await withTenant(db, tenantId, (tx) => tx.delete(backups).where(inArray(backups.id, doomed)));
  return doomed;
}
