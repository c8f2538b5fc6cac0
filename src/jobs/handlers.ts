import type { JobHandlers } from "./consume.ts";
import { parseEnv } from "../env.ts";
import { validateImport } from "../customers/import/validate-import.ts";
import { openDatabase } from "../platform/db.ts";
import { runNightly } from "./nightly.ts";

/** The handler of every job kind; the type makes a missing kind a compile error. */
export const jobHandlers: JobHandlers = {
  "nightly.run": (job, ctx) => runNightly(ctx, job.scheduledAt),
  "import.validate": async (job, ctx) => {
    const handle = openDatabase(parseEnv(ctx.env));
    try {
      await validateImport(handle.db, ctx.env.IMPORTS, job.tenantId, job.importId, ctx.log);
    } finally {
      await handle.close();
    }
  },
};
