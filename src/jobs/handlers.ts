import type { JobContext, JobHandlers } from "./consume.ts";
import type { JobMessage } from "./messages.ts";
import { parseEnv } from "../env.ts";
import { processImport, type ImportMode } from "../customers/import/process-import.ts";
import { openDatabase } from "../platform/db.ts";
import { runNightly } from "./nightly.ts";

/** The handler of every job kind; the type makes a missing kind a compile error. */
export const jobHandlers: JobHandlers = {
  "nightly.run": (job, ctx) => runNightly(ctx, job.scheduledAt),
  "import.validate": (job, ctx) => importJob(job, ctx, "validate"),
  "import.run": (job, ctx) => importJob(job, ctx, "apply"),
};

/**
 * Runs one invocation's share of an import; when the file is not finished, queues the same job
 * again, which carries on from where this one committed.
 */
async function importJob(job: Extract<JobMessage, { kind: "import.validate" | "import.run" }>, ctx: JobContext, mode: ImportMode): Promise<void> {
  const handle = openDatabase(parseEnv(ctx.env));
  let next: "done" | "more";
  try {
    next = await processImport(handle.db, ctx.env.IMPORTS, job.tenantId, job.importId, mode, ctx.log);
  } finally {
    await handle.close();
  }
  if (next === "more") await ctx.env.JOBS.send({ kind: job.kind, tenantId: job.tenantId, importId: job.importId });
}
