import { sql } from "drizzle-orm";
import { parseEnv } from "../env.ts";
import { inScope, type NightlyTask } from "../jobs/nightly.ts";
import { openDatabase } from "../platform/db.ts";
import { withoutTenant, withTenant } from "../platform/with-tenant.ts";
import { requestRun } from "./runs.ts";

/**
 * Nightly: asks for a segmentation run for every tenant that has orders, so recency, P(alive)
 * and churn risk move with the calendar even when no data changed. Requests are debounced like
 * those after data changes: a tenant with a run already waiting or under way gets no second one. Tenants are
 * listed through `active_tenant_ids()`, a function of the migrations, since the list spans
 * tenants; whether each has orders is read inside its own tenant scope.
 */
export const scheduleSegmentationRuns: NightlyTask = {
  name: "segmentation.scheduled_runs",
  async run(ctx, night) {
    const handle = openDatabase(parseEnv(ctx.env));
    try {
      const { rows } = await withoutTenant(handle.db, (tx) => tx.execute<{ id: string }>(sql`select id from active_tenant_ids() as id`));
      let requested = 0;
      for (const tenantId of inScope(night, rows.map((row) => row.id))) {
        const due = await withTenant(handle.db, tenantId, async (tx) => {
          const { rows: due } = await tx.execute(sql`select 1 where exists (select 1 from orders) and not exists (select 1 from segmentation_runs where status = 'running')`);
          return due.length > 0;
        });
        if (due && (await requestRun(handle.db, ctx.env.JOBS, tenantId, "schedule"))) requested += 1;
      }
      ctx.log.info("scheduled segmentation runs requested", { tenants: rows.length, requested });
    } finally {
      await handle.close();
    }
  },
};
