import { sql } from "drizzle-orm";
import {
  applyStandardisation,
  classifyLoyalty,
  conditionalExpectedPurchasesAt,
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

/** The horizons of the stored expected purchases (expected30, expected90, expected365), in the models' weeks. */
const EXPECTATION_WEEKS = [30, 90, 365].map((days) => days / DAYS_PER_WEEK);

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

/** A list as one bound parameter of an array type. */
const asArray = (values: ReadonlyArray<string | number | null>, type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Scores one chunk of customers (after `after`, in id order) with the fitted models: P(alive),
 * expected purchases in 30, 90 and 365 days, the expected next-order date (none beyond five
 * years), CLV over a year, churn risk (1 − P(alive), or for one-time buyers the second-order
 * hazard), the nearest cluster, the loyalty quadrant (attitude from the customer's latest NPS or
 * CSAT answer up to the as-of date, read for the whole chunk in one statement) and the
 * portrait's weighted tags. Written in one statement, each column one array parameter and each
 * distinct set of tags sent once. Returns the last id scored, or null when no customer was left.
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
  const columns = {
    pAlive: [] as Array<number | null>,
    expected30: [] as Array<number | null>,
    expected90: [] as Array<number | null>,
    expected365: [] as Array<number | null>,
    nextOrderAt: [] as Array<string | null>,
    clv: [] as Array<number | null>,
    churnRisk: [] as Array<number | null>,
    cluster: [] as Array<number | null>,
    loyalty: [] as string[],
    tags: [] as number[],
  };
  const tagSets = new Map<string, number>();
  for (const row of rows) {
    const x = row.purchase_days - 1;
    const history = { x, tx: row.tx_days / DAYS_PER_WEEK, T: row.age_days / DAYS_PER_WEEK };
    const monetary = Number(row.monetary_minor);
    const meanSpend = x > 0 ? Number(row.repeat_spend_minor) / x : monetary / Math.max(1, row.orders);
    const pAlive = bg ? probabilityAlive(bg, history) : null;
    const expected = bg ? conditionalExpectedPurchasesAt(bg, history, EXPECTATION_WEEKS) : null;
    const expectedWeeks = bg ? expectedTimeToNextPurchase(bg, history) : null;
    const nextWeeks = expectedWeeks !== null && Number.isFinite(expectedWeeks) && expectedWeeks <= NEXT_ORDER_HORIZON_WEEKS ? expectedWeeks : null;
    const predicted = bg && gg && meanSpend > 0 ? Math.round(predictClv({ bgNbd: bg, gammaGamma: gg }, { ...history, meanSpend }, CLV)) : null;
    const churnRisk = x === 0 && curve ? oneTimeBuyerRisk(curve, row.age_days) : pAlive === null ? null : 1 - pAlive;
    const features = { recencyDays: row.recency_days, orders: row.orders, monetaryMinor: monetary, ageDays: row.age_days };
    const cluster = clustering.status === "ok" ? nearest(clustering.centroids, applyStandardisation(featureRow(features), clustering.means, clustering.sds)) : null;
    const { nps, csat } = answers.get(row.customer_id) ?? NO_ANSWERS;
    const loyalty = classifyLoyalty({ nps, csat, orders: row.orders, tenureDays: row.age_days }).type;
    const traits = cluster !== null && clustering.status === "ok" ? (clustering.descriptions[cluster]?.traits ?? []) : [];
    const portrait = customerPortrait({ segment: row.segment, clusterTraits: traits, valuePercentile: null, loyalty, pAlive, churnRisk, products: [], keywords: [] });
    const tags = JSON.stringify(portrait.map(({ tag, weight }) => ({ tag, weight })));
    let tagSet = tagSets.get(tags);
    if (tagSet === undefined) tagSets.set(tags, (tagSet = tagSets.size + 1));
    columns.pAlive.push(stored(pAlive));
    columns.expected30.push(expected ? stored(expected[0]!) : null);
    columns.expected90.push(expected ? stored(expected[1]!) : null);
    columns.expected365.push(expected ? stored(expected[2]!) : null);
    columns.nextOrderAt.push(nextWeeks === null ? null : new Date(run.asOf.getTime() + nextWeeks * DAYS_PER_WEEK * 86_400_000).toISOString());
    columns.clv.push(predicted !== null && Number.isSafeInteger(predicted) ? predicted : null);
    columns.churnRisk.push(stored(churnRisk));
    columns.cluster.push(cluster);
    columns.loyalty.push(loyalty);
    columns.tags.push(tagSet);
  }
  // The chunk's id range bounds the scan of the run's scores: joined on the ids alone, the
  // planner hashed every score row of the run for each chunk, quadratic in customers.
  await tx.execute(sql`
    with tag_sets as (select position::int, value from jsonb_array_elements(${`[${[...tagSets.keys()].join(",")}]`}::jsonb) with ordinality as t(value, position))
    update customer_scores s
       set p_alive = v.p_alive, expected30 = v.expected30, expected90 = v.expected90, expected365 = v.expected365,
           next_order_at = v.next_order_at, clv_minor = v.clv, churn_risk = v.churn_risk, cluster = v.cluster, loyalty = v.loyalty, tags = t.value
      from unnest(${asArray(rows.map((row) => row.customer_id), "uuid")}, ${asArray(columns.pAlive, "real")}, ${asArray(columns.expected30, "real")},
                  ${asArray(columns.expected90, "real")}, ${asArray(columns.expected365, "real")}, ${asArray(columns.nextOrderAt, "timestamptz")},
                  ${asArray(columns.clv, "bigint")}, ${asArray(columns.churnRisk, "real")}, ${asArray(columns.cluster, "smallint")},
                  ${asArray(columns.loyalty, "text")}, ${asArray(columns.tags, "int")})
           as v(customer_id, p_alive, expected30, expected90, expected365, next_order_at, clv, churn_risk, cluster, loyalty, tag_set)
      join tag_sets t on t.position = v.tag_set
     where s.run_id = ${run.runId} and s.customer_id between ${rows[0]!.customer_id} and ${rows.at(-1)!.customer_id} and s.customer_id = v.customer_id`);
  return { last: rows.at(-1)!.customer_id, scored: rows.length };
}
