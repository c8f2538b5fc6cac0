import { sql, type SQL } from "drizzle-orm";
import type { RunContext } from "../run-context.ts";

/**
 * The `measured` CTE (with those it reads from): one row per customer with an order by the
 * run's as-of date, from one sort of their orders: a window gives each order its customer's
 * first purchase day, then one aggregate per customer, no self-join. Orders in the
 * tenant's currency, cancelled ones left out, net of refunds (and of returns recorded on their
 * own); purchase days counted in the tenant's time zone. Columns: customer_id, orders,
 * first_order_at, last_order_at, monetary, purchase_days, tx_days, age_days, recency_days,
 * repeat_net, second_days (days from the first purchase day to the second, null for a one-time
 * buyer).
 */
export function customerMeasures(run: RunContext): SQL {
  const asOfDay = sql`(${run.asOf}::timestamptz at time zone ${run.timeZone})::date`;
  return sql`
    bought as (
      select o.customer_id, o.ordered_at, (o.ordered_at at time zone ${run.timeZone})::date as day,
             o.total_minor - o.refunded_minor as net
        from orders o
       where o.customer_id is not null and o.status <> 'cancelled' and o.currency = ${run.currency} and o.ordered_at <= ${run.asOf}
    ), returned as (
      select r.customer_id, sum(r.amount_minor) as amount
        from refunds r
       where r.order_id is null and r.customer_id is not null and r.currency = ${run.currency} and r.refunded_at <= ${run.asOf}
       group by r.customer_id
    ), dated as (
      select b.*, min(b.day) over (partition by b.customer_id) as first_day from bought b
    ), per_customer as (
      select customer_id, count(*)::int as orders, min(ordered_at) as first_order_at, max(ordered_at) as last_order_at, sum(net) as gross,
             count(distinct day)::int as purchase_days, min(day) as first_day, max(day) as last_day,
             sum(net) filter (where day > first_day) as repeat_net, min(day) filter (where day > first_day) as second_day
        from dated group by customer_id
    ), measured as (
      select c.customer_id, c.orders, c.first_order_at, c.last_order_at, c.gross - coalesce(ret.amount, 0) as monetary, c.purchase_days,
             (c.last_day - c.first_day) as tx_days,
             (${asOfDay} - c.first_day) as age_days,
             greatest(0, (${asOfDay} - c.last_day)) as recency_days,
             coalesce(c.repeat_net, 0) as repeat_net,
             (c.second_day - c.first_day) as second_days
        from per_customer c left join returned ret on ret.customer_id = c.customer_id
    )`;
}

