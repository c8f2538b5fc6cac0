import { sql } from "drizzle-orm";
import { isDowngrade, RFM_SEGMENTS } from "../../analytics/index.ts";
import type { Transaction } from "../../platform/db.ts";
import type { RunContext } from "../run-context.ts";

export type Transitions = { previousRunId: string | null; counts: Array<{ from: string; to: string; customers: number }>; downgrades: number };

const DOWNGRADES = RFM_SEGMENTS.flatMap((from) => RFM_SEGMENTS.filter((to) => isDowngrade(from, to)).map((to) => sql`(${from}, ${to})`));

/**
 * Compares this run's segments with the tenant's previous finished run: the transition matrix
 * (customers per from-to pair), and a `segment.downgraded` event for each customer whose segment
 * got worse, for outbound webhooks and the dashboard.
 */
export async function compareWithPrevious(tx: Transaction, run: RunContext): Promise<Transitions> {
  const { rows: previous } = await tx.execute<{ id: string }>(sql`
    select id from segmentation_runs where status = 'done' and id <> ${run.runId} order by finished_at desc limit 1`);
  const previousRunId = previous[0]?.id ?? null;
  if (!previousRunId) return { previousRunId, counts: [], downgrades: 0 };
  // As in the RFM stage: both sides are whole runs, which nested loops would join quadratically.
  await tx.execute(sql`set local enable_nestloop = off`);
  const { rows: counts } = await tx.execute<{ from: string; to: string; customers: number }>(sql`
    select p.segment as from, c.segment as to, count(*)::int as customers
      from customer_scores c join customer_scores p on p.customer_id = c.customer_id and p.run_id = ${previousRunId}
     where c.run_id = ${run.runId} group by 1, 2 order by 1, 2`);
  const { rowCount } = await tx.execute(sql`
    insert into segment_events (tenant_id, run_id, customer_id, kind, from_segment, to_segment)
    select ${run.tenantId}, ${run.runId}, c.customer_id, 'segment.downgraded', p.segment, c.segment
      from customer_scores c join customer_scores p on p.customer_id = c.customer_id and p.run_id = ${previousRunId}
     where c.run_id = ${run.runId} and (p.segment, c.segment) in (values ${sql.join(DOWNGRADES, sql`, `)})`);
  return { previousRunId, counts: counts.map((row) => ({ ...row, customers: Number(row.customers) })), downgrades: rowCount ?? 0 };
}
