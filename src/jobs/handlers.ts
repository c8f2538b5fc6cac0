import type { JobHandlers } from "./consume.ts";
import { runNightly } from "./nightly.ts";

/** The handler of every job kind; the type makes a missing kind a compile error. */
export const jobHandlers: JobHandlers = {
  "nightly.run": (job, ctx) => runNightly(ctx, job.scheduledAt),
};
