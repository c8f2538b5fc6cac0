import type { JobContext, JobHandlers } from "./consume.ts";
import { parseEnv } from "../env.ts";
import { processImport, type ImportMode } from "../customers/import/process-import.ts";
import { openDatabase, type Database } from "../platform/db.ts";
import { processDelivery } from "../webhooks/process-delivery.ts";
import { runNightly } from "./nightly.ts";

/** The handler of every job kind; the type makes a missing kind a compile error. */
export const jobHandlers: JobHandlers = {
  "nightly.run": (job, ctx) => runNightly(ctx, job.scheduledAt),
  "import.validate": (job, ctx) => importJob(job, ctx, "validate"),
  "import.run": (job, ctx) => importJob(job, ctx, "apply"),
  "webhook.process": (job, ctx) => withDatabase(ctx, (db) => processDelivery(db, job.tenantId, job.deliveryId, ctx.log)),
};

async function withDatabase(ctx: JobContext, work: (db: Database) => Promise<void>): Promise<void> {
  const handle = openDatabase(parseEnv(ctx.env));
  try {
    await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function importJob(job: { tenantId: string; importId: string }, ctx: JobContext, mode: ImportMode): Promise<void> {
  await withDatabase(ctx, (db) => processImport(db, ctx.env.IMPORTS, job.tenantId, job.importId, mode, ctx.log));
}
