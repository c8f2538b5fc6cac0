import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { backups, type BackupOptions, type BackupRestore } from "../../src/db/schema/index.ts";
import { advanceRestore } from "../../src/backups/restore-backup.ts";
import type { JobMessage } from "../../src/jobs/messages.ts";
import { backupKeys, parseEnv } from "../../src/env.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { runBackupStep, type BackupStep } from "../../src/backups/run-backup.ts";
import { withDatabase } from "./database.ts";

const log = createLogger({ test: "backups" }, "warn");

/** A backup row, queued but with no message sent: tests drive its invocations themselves. */
export async function insertBackup(tenantId: string, options: BackupOptions = {}): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [row] = await tx.insert(backups).values({ tenantId, trigger: "manual", options }).returning({ id: backups.id });
      return row!.id;
    }),
  );
}

/** One queue invocation of a backup, on a connection of its own. */
export async function backupStep(tenantId: string, backupId: string): Promise<BackupStep> {
  return withDatabase((db) => runBackupStep({ db, bucket: env.BACKUPS, keys: backupKeys(parseEnv(env)), log }, tenantId, backupId));
}

/** A completed backup of the tenant, taken invocation after invocation as the queue would; returns its id and how many invocations it took. */
export async function takeBackup(tenantId: string, options: BackupOptions = {}): Promise<{ backupId: string; invocations: number }> {
  const backupId = await insertBackup(tenantId, options);
  for (let invocations = 1; invocations < 10_000; invocations++) {
    const step = await backupStep(tenantId, backupId);
    if (step.outcome === "done") return { backupId, invocations };
    if (step.outcome === "wait") throw new Error("the backup is held by another invocation");
  }
  throw new Error("the backup did not finish");
}

/** The backup row as stored. */
export async function backupRow(tenantId: string, backupId: string) {
  const [row] = await withDatabase((db) => withTenant(db, tenantId, (tx) => tx.select().from(backups).where(eq(backups.id, backupId))));
  return row!;
}

/** A queue that records what is sent instead of delivering it, so a test drives each job itself. */
function recordingQueue(): { jobs: Queue<JobMessage>; sent: JobMessage[] } {
  const sent: JobMessage[] = [];
  return { jobs: { send: async (message: JobMessage) => void sent.push(message) } as unknown as Queue<JobMessage>, sent };
}

/**
 * Restores a backup as the queue would, invocation by invocation, running the safety backup it
 * asks for in between; returns the restore's final record. For tenants whose owner cannot call
 * the API any more (their rows are gone).
 */
export async function restoreAsQueue(tenantId: string, backupId: string, restore: Pick<BackupRestore, "into" | "customerId">): Promise<BackupRestore> {
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) => tx.update(backups).set({ restore: { status: "queued", ...restore, requestedAt: new Date().toISOString() } }).where(eq(backups.id, backupId))),
  );
  const { jobs, sent } = recordingQueue();
  for (let invocation = 0; invocation < 20; invocation++) {
    await withDatabase((db) => advanceRestore({ db, bucket: env.BACKUPS, keys: backupKeys(parseEnv(env)), jobs, log }, tenantId, backupId));
    for (const job of sent.splice(0)) {
      if (job.kind === "backup.run") while ((await backupStep(job.tenantId, job.backupId)).outcome !== "done");
    }
    const row = await backupRow(tenantId, backupId);
    if (row.restore?.status === "completed" || row.restore?.status === "failed") return row.restore;
  }
  throw new Error("the restore did not finish");
}
