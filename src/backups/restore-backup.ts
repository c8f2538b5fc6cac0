import { eq, sql } from "drizzle-orm";
import { backups, type BackupRestore } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { describeError } from "../platform/error-text.ts";
import { ConflictError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { applyRestore, CustomerNotInBackup } from "./apply-restore.ts";
import { enqueueBackup, findBackup, requireCompleted, type BackupRow } from "./backups.ts";
import type { BackupKeyRing } from "./keys.ts";
import { BackupDamaged, checkBackup, readManifest } from "./read-backup.ts";

/** How often a restore waiting for its safety backup looks again. */
const SAFETY_POLL_SECONDS = 2;

export type RestoreInput = { into: "same" | "new"; customerId?: string };

/**
 * `POST /v1/backups/{id}/restore`: records the request on the backup (audited) and queues it.
 * A restore already applying is a conflict; one still waiting is replaced by the new request.
 */
export async function requestRestore(db: Database, jobs: Queue<JobMessage>, actor: Actor, backupId: string, input: RestoreInput): Promise<BackupRow> {
  const row = await withTenant(db, actor.tenantId, async (tx) => {
    const backup = await findBackup(tx, backupId);
    requireCompleted(backup);
    if (backup.restore?.status === "applying") throw new ConflictError("A restore of this backup is being applied; wait for it to finish.");
    const restore: BackupRestore = { status: "queued", into: input.into, ...(input.customerId ? { customerId: input.customerId } : {}), ...(input.into === "new" ? { targetTenantId: crypto.randomUUID() } : {}), requestedAt: new Date().toISOString() };
    const [updated] = await tx.update(backups).set({ restore }).where(eq(backups.id, backupId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "backups.restore", entityType: "backup", entityId: backupId, changes: { into: input.into, customerId: input.customerId ?? null } });
    return updated!;
  });
  await jobs.send({ kind: "backup.restore", tenantId: actor.tenantId, backupId });
  return row;
}

async function setRestore(db: Database, tenantId: string, backupId: string, change: Partial<BackupRestore>): Promise<void> {
  await withTenant(db, tenantId, (tx) => tx.update(backups).set({ restore: sql`${backups.restore} || ${JSON.stringify(change)}::jsonb` }).where(eq(backups.id, backupId)));
}

/**
 * Advances a restore: verify the whole backup first (a missing or changed part fails the
 * restore before anything is touched); into the same tenant, take a safety backup and wait for
 * it; then apply in one transaction. Returns the delay after which it wants to run again, if any.
 */
export async function advanceRestore(
  services: { db: Database; bucket: R2Bucket; keys: BackupKeyRing; jobs: Queue<JobMessage>; log: Logger },
  tenantId: string,
  backupId: string,
): Promise<void> {
  const { db, bucket, keys, jobs, log } = services;
  const backup = await withTenant(db, tenantId, (tx) => findBackup(tx, backupId));
  const restore = backup.restore;
  if (!restore || restore.status === "completed" || restore.status === "failed") return;
  const fail = (error: string) => setRestore(db, tenantId, backupId, { status: "failed", error, finishedAt: new Date().toISOString() });

  if (restore.status === "queued" || restore.status === "verifying") {
    await setRestore(db, tenantId, backupId, { status: "verifying" });
    const verdict = await checkBackup(bucket, keys, tenantId, backupId);
    if (!verdict.ok) return fail(`verification failed, nothing was changed: ${verdict.problems.join("; ")}`);
    if (restore.into === "new") return applyAndFinish();
    const safety = await enqueueBackup(db, jobs, tenantId, { trigger: "pre_restore" });
    await setRestore(db, tenantId, backupId, { status: "safety_backup", safetyBackupId: safety.id });
    await jobs.send({ kind: "backup.restore", tenantId, backupId }, { delaySeconds: SAFETY_POLL_SECONDS });
    return;
  }
  if (restore.status === "safety_backup") {
    const safety = await withTenant(db, tenantId, (tx) => findBackup(tx, restore.safetyBackupId!));
    if (safety.status === "failed") return fail("the safety backup failed, nothing was changed");
    if (safety.status !== "completed") {
      await jobs.send({ kind: "backup.restore", tenantId, backupId }, { delaySeconds: SAFETY_POLL_SECONDS });
      return;
    }
    return applyAndFinish();
  }
  if (restore.status === "applying") return applyAndFinish();

  async function applyAndFinish(): Promise<void> {
    await setRestore(db, tenantId, backupId, { status: "applying" });
    try {
      const manifest = await readManifest(bucket, tenantId, backupId);
      const target = restore!.into === "new" ? { into: "new" as const, tenantId: restore!.targetTenantId ?? crypto.randomUUID() } : { into: "same" as const, customerId: restore!.customerId };
      const rows = await applyRestore(db, bucket, keys, manifest, target);
      await setRestore(db, tenantId, backupId, { status: "completed", rows, finishedAt: new Date().toISOString(), ...(target.into === "new" ? { targetTenantId: target.tenantId } : {}) });
      log.info("restore completed", { backupId, into: target.into, rows });
    } catch (error) {
      if (error instanceof BackupDamaged) return fail(`verification failed, nothing was changed: ${error.problems.join("; ")}`);
      if (error instanceof CustomerNotInBackup) return fail(error.message);
      log.warn("restore failed", { backupId, error: describeError(error) });
      await setRestore(db, tenantId, backupId, { error: "applying failed; it will be retried" });
      throw error;
    }
  }
}

/** After the last retry: the restore is failed, its last error kept. */
export async function failRestore(db: Database, tenantId: string, backupId: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(backups)
      .set({ restore: sql`${backups.restore} || jsonb_build_object('status', 'failed', 'finishedAt', ${new Date().toISOString()}::text)` })
      .where(sql`${backups.id} = ${backupId} and ${backups.restore}->>'status' <> 'completed'`),
  );
}
