import { sql } from "drizzle-orm";
import { associationRules, type AssociationRule } from "../../analytics/index.ts";
import type { Transaction } from "../../platform/db.ts";
import type { RunContext } from "../run-context.ts";

/** The most recent orders mined: enough baskets for stable shares, bounded work. */
const BASKETS = 30_000;
/** A rule must rest on at least this many baskets. */
const MIN_BASKETS = 5;
const OPTIONS = { minConfidence: 0.05, maxLength: 3 };
const KEEP = 200;

export type ProductRules = { baskets: number; minSupport: number; minConfidence: number; rules: AssociationRule[] };

/**
 * Frequently bought together: FP-Growth over the items (SKU, or title when there is none) of the
 * most recent orders up to the as-of date, rules with support, confidence and lift, the
 * strongest kept (the dashboard shows them per product). The support threshold is five
 * baskets whatever their number (the sample of orders bounds the work); only rules with lift above 1
 * (bought together more often than chance) are kept.
 */
export async function mineRules(tx: Transaction, run: RunContext): Promise<ProductRules> {
  // Under row-level security the planner takes the orders' filter for a handful of rows, and
  // would sort every order rather than walk the (tenant, ordered_at) index back from the as-of
  // date; each basket is then read by the order-lines key.
  await tx.execute(sql`set local enable_sort = off`);
  const { rows } = await tx.execute<{ items: string[] }>(sql`
    select l.items
      from (select id from orders where status <> 'cancelled' and ordered_at <= ${run.asOf} order by ordered_at desc limit ${BASKETS}) o
     cross join lateral (select array_agg(distinct coalesce(l.sku, l.title)) as items from order_lines l where l.order_id = o.id) l
     where l.items is not null`);
  const baskets = rows.map((row) => row.items);
  const minSupport = MIN_BASKETS / Math.max(1, baskets.length);
  const rules = baskets.length ? associationRules(baskets, { minSupport, minConfidence: OPTIONS.minConfidence, maxLength: OPTIONS.maxLength }).filter((rule) => rule.lift > 1).slice(0, KEEP) : [];
  return { baskets: baskets.length, minSupport, minConfidence: OPTIONS.minConfidence, rules };
}
