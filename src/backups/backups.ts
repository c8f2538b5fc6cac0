import { desc, eq, sql } from "drizzle-orm";
import { backups, type BackupOptions } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";

export type BackupRow = typeof backups.$inferSelect;

/** Queues a backup of the tenant: the row first (so progress is visible at once), then its job. */
export async function enqueueBackup(
  db: Database,
  jobs: Queue<JobMessage>,
  tenantId: string,
  input: { trigger: "manual" | "nightly" | "pre_restore"; createdBy?: string; options?: BackupOptions },
  audit?: (tx: Transaction, backup: BackupRow) => Promise<void>,
): Promise<BackupRow> {
  const backup = await withTenant(db, tenantId, async (tx) => {
    const [created] = await tx.insert(backups).values({ tenantId, trigger: input.trigger, createdBy: input.createdBy, options: input.options ?? {} }).returning();
    await audit?.(tx, created!);
    return created!;
  });
  await jobs.send({ kind: "backup.run", tenantId, backupId: backup.id });
  return backup;
}

/** `POST /v1/backups`: a backup now, on a staff member's or key's request (audited). */
export async function requestBackup(db: Database, jobs: Queue<JobMessage>, actor: Actor): Promise<BackupRow> {
  const who = auditActorOf(actor);
  return enqueueBackup(db, jobs, actor.tenantId, { trigger: "manual", createdBy: who.id }, (tx, backup) =>
    recordAudit(tx, actor.tenantId, who, { action: "backups.create", entityType: "backup", entityId: backup.id }),
  );
}

export async function listBackups(db: Database, actor: Actor, page: { before?: string; limit: number }): Promise<{ items: BackupRow[]; next: string | null }> {
  const rows = await withTenant(db, actor.tenantId, (tx) =>
    tx
      .select()
      .from(backups)
      .where(page.before ? sql`(${backups.createdAt}, ${backups.id}) < (select b.created_at, b.id from backups b where b.id = ${page.before})` : undefined)
      .orderBy(desc(backups.createdAt), desc(backups.id))
      .limit(page.limit + 1),
  );
  const items = rows.slice(0, page.limit);
  return { items, next: rows.length > page.limit ? items.at(-1)!.id : null };
}

export async function findBackup(tx: Transaction, backupId: string): Promise<BackupRow> {
  const [row] = await tx.select().from(backups).where(eq(backups.id, backupId));
  if (!row) throw new NotFoundError("backup", backupId);
  return row;
}

export async function getBackup(db: Database, actor: Actor, backupId: string): Promise<BackupRow> {
  return withTenant(db, actor.tenantId, (tx) => findBackup(tx, backupId));
}

/** A backup that restore, verify or download may read: only a completed one has a manifest. */
export function requireCompleted(backup: BackupRow): void {
  if (backup.status !== "completed") throw new ConflictError(`Backup ${backup.id} is ${backup.status}; only a completed backup can be read.`);
}

/** After the last retry: the backup is failed with its last error, and the objects it wrote stay until retention removes them. */
export async function failBackup(db: Database, tenantId: string, backupId: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(backups)
      .set({ status: "failed", finishedAt: new Date(), error: sql`coalesce(${backups.error}, 'failed')` })
      .where(sql`${backups.id} = ${backupId} and ${backups.status} <> 'completed'`),
  );
}
