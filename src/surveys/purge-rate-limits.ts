import { sql } from "drizzle-orm";
import { parseEnv } from "../env.ts";
import type { NightlyTask } from "../jobs/nightly.ts";
import { openDatabase } from "../platform/db.ts";
import { withoutTenant } from "../platform/with-tenant.ts";

/** Nightly: drops the widget's rate-limit windows older than an hour, across every tenant. */
export const purgeWidgetRateLimits: NightlyTask = {
  name: "surveys.purge_widget_rate_limits",
  async run(ctx) {
    const handle = openDatabase(parseEnv(ctx.env));
    try {
      const rows = await withoutTenant(handle.db, (tx) => tx.execute<{ purged: number }>(sql`select purge_widget_rate_limits() as purged`));
      ctx.log.info("widget rate limits purged", { purged: Number(rows.rows[0]?.purged ?? 0) });
    } finally {
      await handle.close();
    }
  },
};
