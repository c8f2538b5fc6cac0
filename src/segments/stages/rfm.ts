import { sql } from "drizzle-orm";
import { RFM_SEGMENT_GRID } from "../../analytics/index.ts";
import type { Transaction } from "../../platform/db.ts";
import type { RunContext } from "../run-context.ts";

/** The R x FM grid as SQL rows, generated from the analytics table so SQL and code cannot disagree. */
const SEGMENT_ROWS = sql.join(
  RFM_SEGMENT_GRID.flatMap((row, r) => row.map((segment, fm) => sql`(${r + 1}::int, ${fm + 1}::int, ${segment}::text)`)),
  sql`, `,
);

/**
 * Scores every customer with an order by the run's as-of date, set-wise in one statement (one
 * pass of aggregates per customer, no self-join): orders
 * in the tenant's currency, cancelled ones left out, net of refunds (and of returns recorded on
 * their own); purchase days counted in the tenant's time zone; R, F and M as quintiles with ties
 * sharing a score (1 + floor(5 · rank / n)); the segment from the R x FM grid.
 */
export async function scoreRfm(tx: Transaction, run: RunContext): Promise<number> {
  // Under row-level security the planner misjudges the aggregates' sizes and would pick nested
  // loops, quadratic in customers; every join here is customers to customers, so hash them.
  await tx.execute(sql`set local enable_nestloop = off`);
  const { rowCount } = await tx.execute(sql`
    with bought as (
      select o.customer_id, o.ordered_at, (o.ordered_at at time zone ${run.timeZone})::date as day,
             o.total_minor - o.refunded_minor as net
        from orders o
       where o.customer_id is not null and o.status <> 'cancelled' and o.currency = ${run.currency} and o.ordered_at <= ${run.asOf}
    ), returned as (
      select r.customer_id, sum(r.amount_minor) as amount
        from refunds r
       where r.order_id is null and r.customer_id is not null and r.currency = ${run.currency} and r.refunded_at <= ${run.asOf}
       group by r.customer_id
    ), days as (
      select customer_id, day, count(*)::int as orders, sum(net) as net, min(ordered_at) as first_at, max(ordered_at) as last_at,
             min(day) over (partition by customer_id) as first_day
        from bought group by customer_id, day
    ), per_customer as (
      select customer_id, sum(orders)::int as orders, min(first_at) as first_order_at, max(last_at) as last_order_at, sum(net) as gross,
             count(*)::int as purchase_days, min(day) as first_day, max(day) as last_day,
             sum(net) filter (where day > first_day) as repeat_net
        from days group by customer_id
    ), measured as (
      select c.customer_id, c.orders, c.first_order_at, c.last_order_at, c.gross - coalesce(ret.amount, 0) as monetary, c.purchase_days,
             (c.last_day - c.first_day) as tx_days,
             ((${run.asOf}::timestamptz at time zone ${run.timeZone})::date - c.first_day) as age_days,
             greatest(0, ((${run.asOf}::timestamptz at time zone ${run.timeZone})::date - c.last_day)) as recency_days,
             coalesce(c.repeat_net, 0) as repeat_net
        from per_customer c left join returned ret on ret.customer_id = c.customer_id
    ), scored as (
      select m.*,
             1 + floor(5 * (rank() over (order by recency_days desc) - 1)::numeric / count(*) over ())::int as r,
             1 + floor(5 * (rank() over (order by orders) - 1)::numeric / count(*) over ())::int as f,
             1 + floor(5 * (rank() over (order by monetary) - 1)::numeric / count(*) over ())::int as m_score
        from measured m
    )
    insert into customer_scores (tenant_id, run_id, customer_id, orders, purchase_days, tx_days, age_days, first_order_at, last_order_at,
                                 recency_days, monetary_minor, repeat_spend_minor, r, f, m, segment)
    select ${run.tenantId}, ${run.runId}, s.customer_id, s.orders, s.purchase_days, s.tx_days, s.age_days, s.first_order_at, s.last_order_at,
           s.recency_days, s.monetary, s.repeat_net, s.r, s.f, s.m_score, g.segment
      from scored s
      join (values ${SEGMENT_ROWS}) as g(r, fm, segment) on g.r = s.r and g.fm = floor((s.f + s.m_score) / 2)
    on conflict do nothing`);
  return rowCount ?? 0;
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
