import { checkSufficiency, DATA_THRESHOLDS, type Insufficient } from "./data-sufficiency.ts";

/**
 * One customer as the second-order curve reads them: days since the first order (to the end of
 * observation), and days from the first to the second order, or null for a one-time buyer so far.
 */
export interface SecondOrderObservation {
  ageDays: number;
  daysToSecondOrder: number | null;
}

/**
 * When customers who come back make their second order: `returnedShare[i]` is the estimated share of
 * eventual returners who have done so by `days[i]`. `neverReturnShare` is the Kaplan–Meier estimate of the
 * share with no second order by the last observed return, a floor under the share who never come back.
 */
export interface SecondOrderCurve {
  status: "ok";
  days: number[];
  returnedShare: number[];
  returners: number;
  customers: number;
  neverReturnShare: number;
}

/**
 * Builds the second-order curve from the whole population by Kaplan–Meier, treating one-time buyers as
 * censored at their age. Using only the customers who did return would overstate early returns, because
 * recent customers can only have returned quickly; Kaplan–Meier counts each customer only while they could
 * still have been seen returning. The survival curve S(d) is then rescaled by its value at the last observed
 * return, so that the result is a distribution over returners alone. Answers `insufficient` below
 * `DATA_THRESHOLDS.secondOrderCurve.minReturners` returners.
 */
export function buildSecondOrderCurve(observations: readonly SecondOrderObservation[]): SecondOrderCurve | Insufficient {
  const returnDays: number[] = [];
  const exitDays: number[] = [];
  for (const o of observations) {
    if (o.daysToSecondOrder === null) exitDays.push(o.ageDays);
    else {
      if (!(o.daysToSecondOrder >= 0 && o.daysToSecondOrder <= o.ageDays)) {
        throw new RangeError(`second order after ${o.daysToSecondOrder} days is impossible at age ${o.ageDays}`);
      }
      returnDays.push(o.daysToSecondOrder);
      exitDays.push(o.daysToSecondOrder);
    }
  }
  const shortfall = checkSufficiency([
    { what: "customers with a second order", have: returnDays.length, need: DATA_THRESHOLDS.secondOrderCurve.minReturners },
  ]);
  if (shortfall) return shortfall;

  returnDays.sort((a, b) => a - b);
  exitDays.sort((a, b) => a - b);
  const days: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let exited = 0;
  for (let i = 0; i < returnDays.length; ) {
    const day = returnDays[i]!;
    let returnsToday = 0;
    while (i < returnDays.length && returnDays[i] === day) {
      returnsToday++;
      i++;
    }
    // At risk on `day`: everyone whose return or censoring comes on or after it.
    while (exited < exitDays.length && exitDays[exited]! < day) exited++;
    const atRisk = exitDays.length - exited;
    s *= 1 - returnsToday / atRisk;
    days.push(day);
    survival.push(s);
  }
  const floor = survival[survival.length - 1]!;
  return {
    status: "ok",
    days,
    returnedShare: survival.map((v) => (floor < 1 ? (1 - v) / (1 - floor) : 1)),
    returners: returnDays.length,
    customers: observations.length,
    neverReturnShare: floor,
  };
}

/**
 * Churn risk for a one-time buyer of the given age, in [0, 1]: the share of eventual returners who had
 * already made their second order by that age. A risk of 0.9 says nine in ten customers who come back do so
 * sooner, so the longer the silence the less likely this one is a late returner. It reads the population's
 * curve and nothing about the customer beyond their age.
 */
export function oneTimeBuyerRisk(curve: SecondOrderCurve, ageDays: number): number {
  let lo = 0;
  let hi = curve.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve.days[mid]! <= ageDays) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : curve.returnedShare[lo - 1]!;
}
