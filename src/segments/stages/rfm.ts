import { sql } from "drizzle-orm";
import type { WeightedHistory } from "../../analytics/index.ts";
import type { Transaction } from "../../platform/db.ts";
import { DAYS_PER_WEEK, type RunContext } from "../run-context.ts";
import { RFM_SEGMENT_GRID } from "../../analytics/index.ts";
import { customerMeasures } from "./customer-measures.ts";

/** The R x FM grid as SQL rows, generated from the analytics table so SQL and code cannot disagree. */
const SEGMENT_ROWS = sql.join(
  RFM_SEGMENT_GRID.flatMap((row, r) => row.map((segment, fm) => sql`(${r + 1}::int, ${fm + 1}::int, ${segment}::text)`)),
  sql`, `,
);

/** Customers read for the spend model, the second-order curve and (the first of them) the clusters: enough for stable fits, bounded memory. */
export const SAMPLE = 50_000;

/** One customer of the sample, in the order of a hash of their id (deterministic, unrelated to anything measured). */
export type SampledCustomer = { ageDays: number; secondDays: number | null; recencyDays: number; orders: number; monetaryMinor: number };

/** What the models and the clusters are fitted on, and how each customer will be scored. */
export type CustomerMeasures = {
  customers: number;
  histories: WeightedHistory[];
  spenders: Array<{ x: number; meanSpend: number }>;
  sample: SampledCustomer[];
};

type MeasuresRow = {
  customers: number;
  histories: Array<[number, number, number, number]> | null;
  spenders: Array<[number, number]> | null;
  sample: Array<[number, number | null, number, number, number]> | null;
};

/**
 * Scores every customer with an order by the run's as-of date set-wise in one statement: their
 * measures (`customerMeasures`), R, F and M as quintiles with ties sharing a score
 * (1 + floor(5 · (rank − 1) / n)) and the segment from the R x FM grid, written as their score rows
 * in customer id order, the order the scoring chunks read and update them.
 * The same statement reads what the models and clusters are fitted on: the (x, t_x, T)
 * histories grouped with a count, so the BG/NBD fit costs one term per distinct history, and a
 * deterministic sample (by a hash of the customer id) for the spend model, the second-order
 * curve and the clusters.
 */
export async function measureCustomers(tx: Transaction, run: RunContext): Promise<CustomerMeasures> {
  // Under row-level security the planner misjudges the aggregates' sizes and would pick nested
  // loops, quadratic in customers; every join here is customers to customers, so hash them.
  // The sorts of a million orders fit in memory.
  await tx.execute(sql`set local enable_nestloop = off`);
  await tx.execute(sql`set local work_mem = '128MB'`);
  const { rows } = await tx.execute<MeasuresRow>(sql`
    with ${customerMeasures(run)}, scored as (
      select m.*,
             1 + floor(5 * (rank() over (order by recency_days desc) - 1)::numeric / count(*) over ())::int as r,
             1 + floor(5 * (rank() over (order by orders) - 1)::numeric / count(*) over ())::int as f,
             1 + floor(5 * (rank() over (order by monetary) - 1)::numeric / count(*) over ())::int as m_score
        from measured m
    ), written as (
      insert into customer_scores (tenant_id, run_id, customer_id, orders, purchase_days, tx_days, age_days, first_order_at, last_order_at,
                                   recency_days, monetary_minor, repeat_spend_minor, r, f, m, segment)
      select ${run.tenantId}, ${run.runId}, s.customer_id, s.orders, s.purchase_days, s.tx_days, s.age_days, s.first_order_at, s.last_order_at,
             s.recency_days, s.monetary, s.repeat_net, s.r, s.f, s.m_score, g.segment
        from scored s
        join (values ${SEGMENT_ROWS}) as g(r, fm, segment) on g.r = s.r and g.fm = floor((s.f + s.m_score) / 2)
       order by s.customer_id
      on conflict do nothing
      returning 1
    )
    select (select count(*)::int from written) as customers,
           (select json_agg(json_build_array(x, tx_days, age_days, weight))
              from (select purchase_days - 1 as x, tx_days, age_days, count(*)::int as weight from measured group by 1, 2, 3) g) as histories,
           (select json_agg(json_build_array(x, mean) order by h)
              from (select purchase_days - 1 as x, repeat_net::float8 / (purchase_days - 1) as mean, hashtext(customer_id::text) as h
                      from measured where purchase_days > 1 and repeat_net > 0 order by h limit ${SAMPLE}) s) as spenders,
           (select json_agg(json_build_array(age_days, second_days, recency_days, orders, monetary::float8) order by h)
              from (select age_days, second_days, recency_days, orders, monetary, hashtext(customer_id::text) as h
                      from measured order by h limit ${SAMPLE}) s) as sample`);
  const row = rows[0]!;
  const customers = Number(row.customers);
  return {
    customers,
    histories: (row.histories ?? []).map(([x, tx, T, weight]) => ({ x, tx: tx / DAYS_PER_WEEK, T: T / DAYS_PER_WEEK, weight })),
    spenders: (row.spenders ?? []).map(([x, meanSpend]) => ({ x, meanSpend })),
    sample: (row.sample ?? []).map(([ageDays, secondDays, recencyDays, orders, monetaryMinor]) => ({ ageDays, secondDays, recencyDays, orders, monetaryMinor })),
  };
}

/** Orders in one currency that a run left out because the tenant counts another. */
export type OtherCurrency = { currency: string; orders: number };

/**
 * Counts, per currency, the orders up to the run's as-of date that scoring leaves out because
 * they are not in the tenant's currency (cancelled ones aside, as scoring skips them anyway), so
 * a run with few or no customers scored says why.
 */
export async function countOtherCurrencies(tx: Transaction, run: RunContext): Promise<OtherCurrency[]> {
  const { rows } = await tx.execute<{ currency: string; orders: number }>(sql`
    select o.currency, count(*)::int as orders
      from orders o
     where o.customer_id is not null and o.status <> 'cancelled' and o.currency <> ${run.currency} and o.ordered_at <= ${run.asOf}
     group by o.currency
     order by count(*) desc, o.currency`);
  return rows.map((row) => ({ currency: row.currency, orders: Number(row.orders) }));
}

/** Clears a run's scores, so a stage that failed part-way starts clean. */
export async function clearScores(tx: Transaction, run: RunContext): Promise<void> {
  await tx.execute(sql`delete from customer_scores where run_id = ${run.runId}`);
}
