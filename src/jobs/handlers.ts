import type { JobContext, JobHandlers } from "./consume.ts";
import type { JobMessage } from "./messages.ts";
import { parseEnv } from "../env.ts";
import { processImport, type ImportMode } from "../customers/import/process-import.ts";
import { openDatabase, type Database } from "../platform/db.ts";
import { advanceRun } from "../segments/advance-run.ts";
import { requestRun } from "../segments/runs.ts";
import { deliverResponseWebhook } from "../surveys/response-webhook.ts";
import { processDelivery } from "../webhooks/process-delivery.ts";
import { runNightly } from "./nightly.ts";

/** The handler of every job kind; the type makes a missing kind a compile error. */
export const jobHandlers: JobHandlers = {
  "nightly.run": (job, ctx) => runNightly(ctx, job.scheduledAt),
  "import.validate": (job, ctx) => importJob(job, ctx, "validate"),
  "import.run": (job, ctx) => importJob(job, ctx, "apply"),
  "webhook.process": (job, ctx) =>
    withDatabase(ctx, async (db) => {
      const outcome = await processDelivery(db, job.tenantId, job.deliveryId, ctx.log);
      if (outcome?.orders?.length || outcome?.refunds?.length) await requestRun(db, ctx.env.JOBS, job.tenantId, "data_change");
    }),
  "segmentation.run": (job, ctx) => withDatabase(ctx, (db) => advanceRun(db, ctx.env.JOBS, job.tenantId, job.runId, ctx.log)),
  "survey.response.webhook": (job, ctx) => withDatabase(ctx, (db) => deliverResponseWebhook(db, job.tenantId, job.responseId, ctx.log)),
};

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
