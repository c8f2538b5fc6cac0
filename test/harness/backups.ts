import { env } from "cloudflare:test";
import { backups, type BackupOptions } from "../../src/db/schema/index.ts";
import { parseEnv } from "../../src/env.ts";
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
  return withDatabase((db) => runBackupStep({ db, bucket: env.BACKUPS, keys: parseEnv(env).BACKUP_KEYS, log }, tenantId, backupId));
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
