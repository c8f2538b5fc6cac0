import { eq } from "drizzle-orm";
import { backups, type BackupVerification } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findBackup, requireCompleted, type BackupRow } from "./backups.ts";
import type { BackupKeyRing } from "./keys.ts";
import { checkBackup } from "./read-backup.ts";

/**
 * `POST /v1/backups/{id}/verify`: reads every part back from R2, decrypts it, and checks every
 * hash and row count against the manifest; the verdict is kept on the backup (and audited).
 */
export async function verifyBackup(db: Database, bucket: R2Bucket, ring: BackupKeyRing, actor: Actor, backupId: string): Promise<BackupRow> {
  const backup = await withTenant(db, actor.tenantId, (tx) => findBackup(tx, backupId));
  requireCompleted(backup);
  const verdict = await checkBackup(bucket, ring, actor.tenantId, backupId);
  const verification: BackupVerification = { ...verdict, at: new Date().toISOString() };
  return withTenant(db, actor.tenantId, async (tx) => {
    const [updated] = await tx.update(backups).set({ verification }).where(eq(backups.id, backupId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "backups.verify", entityType: "backup", entityId: backupId, changes: { ok: verdict.ok, problems: verdict.problems.length } });
    return updated!;
  });
}
