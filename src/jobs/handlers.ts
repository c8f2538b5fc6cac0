import type { JobContext, JobHandlers } from "./consume.ts";
import type { JobMessage } from "./messages.ts";
import { backupKeys, parseEnv } from "../env.ts";
import { processImport, type ImportMode } from "../customers/import/process-import.ts";
import { openDatabase, type Database } from "../platform/db.ts";
import { advanceRun } from "../segments/advance-run.ts";
import { requestRun } from "../segments/runs.ts";
import { deliverResponseWebhook } from "../surveys/response-webhook.ts";
import { processDelivery } from "../webhooks/process-delivery.ts";
import { runNightly } from "./nightly.ts";
import { runBackupStep } from "../backups/run-backup.ts";
import { advanceRestore } from "../backups/restore-backup.ts";

/** The handler of every job kind; the type makes a missing kind a compile error. */
export const jobHandlers: JobHandlers = {
  "nightly.run": (job, ctx) => runNightly(ctx, job.scheduledAt, job.tenantIds),
  "import.validate": (job, ctx) => importJob(job, ctx, "validate"),
  "import.run": (job, ctx) => importJob(job, ctx, "apply"),
  "webhook.process": (job, ctx) =>
    withDatabase(ctx, async (db) => {
      const outcome = await processDelivery(db, job.tenantId, job.deliveryId, ctx.log);
      if (outcome?.orders?.length || outcome?.refunds?.length) await requestRun(db, ctx.env.JOBS, job.tenantId, "data_change");
    }),
  "segmentation.run": (job, ctx) => withDatabase(ctx, (db) => advanceRun(db, ctx.env.JOBS, job.tenantId, job.runId, ctx.log)),
  "backup.run": (job, ctx) => backupJob(job, ctx),
  "backup.restore": (job, ctx) =>
    withDatabase(ctx, (db) => advanceRestore({ db, bucket: ctx.env.BACKUPS, keys: backupKeys(parseEnv(ctx.env)), jobs: ctx.env.JOBS, log: ctx.log }, job.tenantId, job.backupId)),
  "survey.response.webhook": (job, ctx) => withDatabase(ctx, (db) => deliverResponseWebhook(db, job.tenantId, job.responseId, ctx.log)),
};

/**
 * Runs one invocation's share of a backup; the rest goes to a new message. A message that finds
 * another invocation holding the backup comes back when that one's lease ends.
 */
async function backupJob(job: Extract<JobMessage, { kind: "backup.run" }>, ctx: JobContext): Promise<void> {
  const step = await withDatabase(ctx, (db) => runBackupStep({ db, bucket: ctx.env.BACKUPS, keys: backupKeys(parseEnv(ctx.env)), log: ctx.log }, job.tenantId, job.backupId));
  if (step.outcome === "more") await ctx.env.JOBS.send(job);
  if (step.outcome === "wait") await ctx.env.JOBS.send(job, { delaySeconds: step.retryInSeconds });
}

async function withDatabase<T>(ctx: JobContext, work: (db: Database) => Promise<T>): Promise<T> {
  const handle = openDatabase(parseEnv(ctx.env));
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * Runs one invocation's share of an import; when the file is not finished, queues the same job
 * again, which carries on from where this one committed. A finished run asks for a (debounced)
 * segmentation run, since the customer base changed.
 */
async function importJob(job: Extract<JobMessage, { kind: "import.validate" | "import.run" }>, ctx: JobContext, mode: ImportMode): Promise<void> {
  const next = await withDatabase(ctx, async (db) => {
    const step = await processImport(db, ctx.env.IMPORTS, job.tenantId, job.importId, mode, ctx.log);
    if (step === "done" && mode === "apply") await requestRun(db, ctx.env.JOBS, job.tenantId, "data_change");
    return step;
  });
  if (next === "more") await ctx.env.JOBS.send({ kind: job.kind, tenantId: job.tenantId, importId: job.importId });
}
