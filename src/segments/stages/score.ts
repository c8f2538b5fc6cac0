import { sql } from "drizzle-orm";
import {
  applyStandardisation,
  classifyLoyalty,
  conditionalExpectedPurchases,
  customerPortrait,
  expectedTimeToNextPurchase,
  oneTimeBuyerRisk,
  predictClv,
  probabilityAlive,
} from "../../analytics/index.ts";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Transaction } from "../../platform/db.ts";
import { latestSurveyScores, type CustomerSurveyScores } from "../../surveys/customer-survey-scores.ts";
import { DAYS_PER_WEEK, type RunContext } from "../run-context.ts";
import { featureRow, type Clustering } from "./cluster.ts";
import type { FittedModels } from "./fit.ts";

/** A next order further away than this is not a date worth showing: the customer is not expected back. */
const NEXT_ORDER_HORIZON_WEEKS = 5 * 52;

/** CLV horizon and discounting: one year in monthly periods at 10% a year. */
const CLV = { horizon: 52, periodLength: 52 / 12, discountRate: 0.1 / 12 };

const NO_ANSWERS: CustomerSurveyScores = { nps: null, csat: null };

type ScoreRow = {
  customer_id: string;
  orders: number;
  purchase_days: number;
  tx_days: number;
  age_days: number;
  recency_days: number;
  monetary_minor: number;
  repeat_spend_minor: number;
  segment: string;
};

/** A probability or count as a 4-byte float stores it: six significant digits, and 0 for what would underflow. */
function stored(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.abs(value) < 1e-30 ? 0 : Number(value.toPrecision(6));
}

function nearest(centroids: number[][], point: number[]): number {
  let best = 0;
  let bestDistance = Infinity;
  centroids.forEach((centroid, index) => {
    const distance = centroid.reduce((sum, value, i) => sum + (value - point[i]!) ** 2, 0);
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

/**
 * Scores one chunk of customers (after `after`, in id order) with the fitted models: P(alive),
 * expected purchases in 30, 90 and 365 days, the expected next-order date (none beyond five
 * years), CLV over a year,
 * churn risk (1 − P(alive), or for one-time buyers the second-order hazard), the nearest
 * cluster, the loyalty quadrant (attitude from the customer's latest NPS or CSAT answer up to the
 * as-of date, read for the whole chunk in one statement) and the portrait's weighted tags.
 * Written in one statement.
 * Returns the last id scored, or null when no customer was left.
 */
export async function scoreChunk(tx: Transaction, run: RunContext, models: FittedModels, clustering: Clustering, after: string | null, size: number): Promise<{ last: string | null; scored: number }> {
  const { rows } = await tx.execute<ScoreRow>(sql`
    select customer_id, orders, purchase_days, tx_days, age_days, recency_days, monetary_minor, repeat_spend_minor, segment
      from customer_scores
     where run_id = ${run.runId} ${after ? sql`and customer_id > ${after}` : sql``}
     order by customer_id limit ${size}`);
  if (rows.length === 0) return { last: null, scored: 0 };
  const bg = models.bgNbd.status === "ok" ? models.bgNbd.params : null;
  const gg = models.gammaGamma.status === "ok" ? models.gammaGamma.params : null;
  const curve = models.secondOrder.status === "ok" ? models.secondOrder : null;
  const answers = await latestSurveyScores(tx, sql`select unnest(${boundArray(rows.map((row) => row.customer_id), "uuid")})`, run.asOf);
  const scored = rows.map((row) => {
    const x = Number(row.purchase_days) - 1;
    const history = { x, tx: Number(row.tx_days) / DAYS_PER_WEEK, T: Number(row.age_days) / DAYS_PER_WEEK };
    const monetary = Number(row.monetary_minor);
    const meanSpend = x > 0 ? Number(row.repeat_spend_minor) / x : monetary / Math.max(1, Number(row.orders));
    const pAlive = bg ? probabilityAlive(bg, history) : null;
    const expectedWeeks = bg ? expectedTimeToNextPurchase(bg, history) : null;
    const nextWeeks = expectedWeeks !== null && Number.isFinite(expectedWeeks) && expectedWeeks <= NEXT_ORDER_HORIZON_WEEKS ? expectedWeeks : null;
    const predicted = bg && gg && meanSpend > 0 ? Math.round(predictClv({ bgNbd: bg, gammaGamma: gg }, { ...history, meanSpend }, CLV)) : null;
    const clv = predicted !== null && Number.isSafeInteger(predicted) ? predicted : null;
    const churnRisk = x === 0 && curve ? oneTimeBuyerRisk(curve, Number(row.age_days)) : pAlive === null ? null : 1 - pAlive;
    const features = { recencyDays: Number(row.recency_days), orders: Number(row.orders), monetaryMinor: monetary, ageDays: Number(row.age_days) };
    const cluster = clustering.status === "ok" ? nearest(clustering.centroids, applyStandardisation(featureRow(features), clustering.means, clustering.sds)) : null;
    const { nps, csat } = answers.get(row.customer_id) ?? NO_ANSWERS;
    const loyalty = classifyLoyalty({ nps, csat, orders: Number(row.orders), tenureDays: Number(row.age_days) }).type;
    const traits = cluster !== null && clustering.status === "ok" ? (clustering.descriptions[cluster]?.traits ?? []) : [];
    const portrait = customerPortrait({ segment: row.segment, clusterTraits: traits, valuePercentile: null, loyalty, pAlive, churnRisk, products: [], keywords: [] });
    const tags = portrait.map(({ tag, weight }) => ({ tag, weight }));
    return {
      customer_id: row.customer_id,
      p_alive: stored(pAlive),
      expected_30: bg ? stored(conditionalExpectedPurchases(bg, history, 30 / DAYS_PER_WEEK)) : null,
      expected_90: bg ? stored(conditionalExpectedPurchases(bg, history, 90 / DAYS_PER_WEEK)) : null,
      expected_365: bg ? stored(conditionalExpectedPurchases(bg, history, 365 / DAYS_PER_WEEK)) : null,
      next_order_at: nextWeeks === null ? null : new Date(run.asOf.getTime() + nextWeeks * DAYS_PER_WEEK * 86_400_000).toISOString(),
      clv_minor: clv,
      churn_risk: stored(churnRisk),
      cluster,
      loyalty,
      tags,
    };
  });
  await tx.execute(sql`
    update customer_scores s
       set p_alive = v.p_alive, expected30 = v.expected_30, expected90 = v.expected_90, expected365 = v.expected_365,
           next_order_at = v.next_order_at, clv_minor = v.clv_minor, churn_risk = v.churn_risk, cluster = v.cluster,
           loyalty = v.loyalty, tags = v.tags
      from jsonb_to_recordset(${JSON.stringify(scored)}::jsonb) as v(customer_id uuid, p_alive real, expected_30 real, expected_90 real, expected_365 real,
           next_order_at timestamptz, clv_minor bigint, churn_risk real, cluster smallint, loyalty text, tags jsonb)
     where s.run_id = ${run.runId} and s.customer_id = v.customer_id`);
  return { last: rows.at(-1)!.customer_id, scored: rows.length };
}
