import { normalQuantile } from "./special.ts";

/** Net Promoter Score with its counts and a confidence interval; `nps` and `interval` are null with no answers. */
export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  standardError: number | null;
  interval: { low: number; high: number; confidence: number } | null;
}

/**
 * NPS from 0–10 answers: promoters (9–10) minus detractors (0–6), as a percentage of all answers, so it runs
 * from −100 to 100. Each answer is one draw from a trinomial (promoter, passive, detractor), so the estimate
 * p̂P − p̂D has variance (pP(1−pP) + pD(1−pD) + 2·pP·pD)/n = (pP + pD − (pP − pD)²)/n; the interval is the
 * normal (Wald) one on that variance, ×100 and clipped to [−100, 100]. Like every Wald interval it is too
 * narrow for a few dozen answers or when nearly everyone gives the same class.
 */
export function netPromoterScore(scores: readonly number[], options: { confidence?: number } = {}): NpsSummary {
  const confidence = options.confidence ?? 0.95;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`NPS answers are 0–10, got ${score}`);
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const n = scores.length;
  if (n === 0) return { responses: 0, promoters, passives, detractors, nps: null, standardError: null, interval: null };
  const pP = promoters / n;
  const pD = detractors / n;
  const nps = 100 * (pP - pD);
  const standardError = 100 * Math.sqrt(Math.max(0, pP + pD - (pP - pD) ** 2) / n);
  const z = normalQuantile(0.5 + confidence / 2);
  return {
    responses: n,
    promoters,
    passives,
    detractors,
    nps,
    standardError,
    interval: { low: Math.max(-100, nps - z * standardError), high: Math.min(100, nps + z * standardError), confidence },
  };
}

/** CSAT as the top-box share: the percentage of answers at or above `topBoxMin`; null with no answers. */
export interface CsatSummary {
  responses: number;
  satisfied: number;
  csat: number | null;
}

/**
 * CSAT: the percentage of answers in the top boxes, by default 4 and 5 on a 1–5 scale (the usual
 * "satisfied or very satisfied"). Answers outside the scale are refused.
 */
export function csatScore(scores: readonly number[], options: { scaleMax?: number; topBoxMin?: number } = {}): CsatSummary {
  const scaleMax = options.scaleMax ?? 5;
  const topBoxMin = options.topBoxMin ?? 4;
  let satisfied = 0;
  for (const score of scores) {
    if (!(score >= 1 && score <= scaleMax)) throw new RangeError(`CSAT answers are 1–${scaleMax}, got ${score}`);
    if (score >= topBoxMin) satisfied++;
  }
  return { responses: scores.length, satisfied, csat: scores.length > 0 ? (100 * satisfied) / scores.length : null };
}

/** Customer Effort Score as the mean answer; null with no answers. */
export interface CesSummary {
  responses: number;
  average: number | null;
}

/**
 * CES: the mean of effort answers on a 1–7 scale by default ("the company made it easy": 7 is easiest).
 * Answers outside the scale are refused.
 */
export function customerEffortScore(scores: readonly number[], options: { scaleMax?: number } = {}): CesSummary {
  const scaleMax = options.scaleMax ?? 7;
  let sum = 0;
  for (const score of scores) {
    if (!(score >= 1 && score <= scaleMax)) throw new RangeError(`CES answers are 1–${scaleMax}, got ${score}`);
    sum += score;
  }
  return { responses: scores.length, average: scores.length > 0 ? sum / scores.length : null };
}
