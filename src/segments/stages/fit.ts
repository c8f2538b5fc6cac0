import { sql } from "drizzle-orm";
import { buildSecondOrderCurve, fitGammaGamma, fitGroupedBgNbd, type BgNbdFit, type GammaGammaFit, type SecondOrderCurve } from "../../analytics/index.ts";
import type { Insufficient } from "../../analytics/index.ts";
import type { Transaction } from "../../platform/db.ts";
import { DAYS_PER_WEEK, type RunContext } from "../run-context.ts";

/** Customers read for the spend model and the second-order curve: enough for stable fits, bounded memory. */
const SAMPLE = 50_000;

export type FittedModels = {
  timeUnit: "week";
  bgNbd: BgNbdFit & { penalty?: number };
  gammaGamma: GammaGammaFit & { penalty?: number };
  secondOrder: SecondOrderCurve | Insufficient;
};

/**
 * L2 penalties tried, smallest first, when the plain maximum-likelihood fit runs off to a limiting
 * case (with a year of data, nobody may seem to drop out): the first fit that converges is kept,
 * and its penalty is reported with it. If none converges, the plain fit's honest failure stands.
 */
export const PENALTIES = [0, 0.001, 0.01, 0.1];

function fitWithPenalty<F extends { status: string }>(fit: (penalty: number) => F): F & { penalty?: number } {
  const plain = fit(0);
  if (plain.status !== "not-converged") return plain;
  for (const penalty of PENALTIES.slice(1)) {
    const penalised = fit(penalty);
    if (penalised.status === "ok") return { ...penalised, penalty };
  }
  return plain;
}

/**
 * Fits the run's models: BG/NBD on every customer's (x, t_x, T), grouped by the database so the
 * fit costs one term per distinct history; Gamma-Gamma on repeat buyers' mean repeat spend; and
 * the second-order curve for one-time buyers' churn risk. The last two read a deterministic
 * sample (by a hash of the customer id) when a tenant has more customers than they need.
 */
export async function fitModels(tx: Transaction, run: RunContext): Promise<FittedModels> {
  // As in the RFM stage: the sample joins every order, which nested loops would make quadratic.
  await tx.execute(sql`set local enable_nestloop = off`);
  const { rows: histories } = await tx.execute<{ x: number; tx_days: number; age_days: number; weight: number }>(sql`
    select purchase_days - 1 as x, tx_days, age_days, count(*)::int as weight
      from customer_scores where run_id = ${run.runId} group by 1, 2, 3`);
  const grouped = histories.map((h) => ({ x: Number(h.x), tx: Number(h.tx_days) / DAYS_PER_WEEK, T: Number(h.age_days) / DAYS_PER_WEEK, weight: Number(h.weight) }));
  const bgNbd = fitWithPenalty((penalty) => fitGroupedBgNbd(grouped, { timeUnit: "week", penalty }));
  const { rows: spenders } = await tx.execute<{ x: number; mean: number }>(sql`
    select purchase_days - 1 as x, repeat_spend_minor::float8 / (purchase_days - 1) as mean
      from customer_scores
     where run_id = ${run.runId} and purchase_days > 1 and repeat_spend_minor > 0
     order by hashtext(customer_id::text) limit ${SAMPLE}`);
  const spend = spenders.map((row) => ({ x: Number(row.x), meanSpend: Number(row.mean) }));
  const gammaGamma = fitWithPenalty((penalty) => fitGammaGamma(spend, { penalty }));
  const { rows: returns } = await tx.execute<{ age_days: number; second: number | null }>(sql`
    with sample as (
      select customer_id, age_days from customer_scores where run_id = ${run.runId} order by hashtext(customer_id::text) limit ${SAMPLE}
    ), days as (
      select o.customer_id, (o.ordered_at at time zone ${run.timeZone})::date as day
        from orders o join sample s using (customer_id)
       where o.status <> 'cancelled' and o.currency = ${run.currency} and o.ordered_at <= ${run.asOf}
       group by 1, 2
    ), ranked as (
      select customer_id, day, day - min(day) over (partition by customer_id) as since_first, row_number() over (partition by customer_id order by day) as n from days
    )
    select s.age_days, r.since_first as second from sample s left join ranked r on r.customer_id = s.customer_id and r.n = 2`);
  const secondOrder = buildSecondOrderCurve(returns.map((row) => ({ ageDays: Number(row.age_days), daysToSecondOrder: row.second === null ? null : Number(row.second) })));
  return { timeUnit: "week", bgNbd, gammaGamma, secondOrder };
}
