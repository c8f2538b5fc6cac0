import { checkSufficiency, DATA_THRESHOLDS, type Insufficient, type NotConverged } from "./data-sufficiency.ts";
import { minimiseInLogSpace, notConvergedReason } from "./optimise.ts";
import { digamma, logAddExp, logGamma } from "./special.ts";

/**
 * BG/NBD (Fader, Hardie and Lee, "Counting your customers the easy way", Marketing Science 2005). While
 * active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase she
 * drops out for good with probability p ~ Beta(a, b).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * One customer's purchase history in model time units: `x` repeat purchases (purchases after the first),
 * `tx` the time of the last purchase since the first (0 when x = 0), `T` the time from the first purchase
 * to the end of observation.
 */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

/** A distinct history and how many customers share it. */
export interface WeightedHistory extends PurchaseHistory {
  weight: number;
}

/** The unit `tx` and `T` are measured in; every time a fitted model takes or returns is in this unit. */
export type TimeUnit = "day" | "week" | "month";

/**
 * Options for `fitBgNbd`. `penalty` adds penalty · Σ(ln θ)² to the negative log-likelihood, θ being the
 * parameters with times measured in mean ages (so α is pulled towards the mean age, the rest towards 1).
 */
export interface BgNbdFitOptions {
  timeUnit: TimeUnit;
  penalty?: number;
  maxIterations?: number;
}

/** A converged BG/NBD fit. `logLikelihood` excludes the penalty. */
export interface BgNbdModel {
  status: "ok";
  params: BgNbdParams;
  timeUnit: TimeUnit;
  logLikelihood: number;
  iterations: number;
  converged: true;
  customers: number;
  distinctHistories: number;
}

/** What `fitBgNbd` answers: a model, or the reason there is none. */
export type BgNbdFit = BgNbdModel | Insufficient | NotConverged<BgNbdParams>;

/**
 * Collapses customers with identical (x, tx, T) into one weighted history, so that fitting costs one term
 * per distinct history. With day-resolution dates most one-time buyers share a handful of histories.
 * Throws a RangeError on an impossible history (negative counts, tx > T, or tx ≠ 0 with x = 0).
 */
export function groupHistories(customers: readonly PurchaseHistory[]): WeightedHistory[] {
  const groups = new Map<string, WeightedHistory>();
  customers.forEach((c, index) => {
    assertValidHistory(c, index);
    const key = `${c.x}|${c.tx}|${c.T}`;
    const group = groups.get(key);
    if (group) group.weight++;
    else groups.set(key, { x: c.x, tx: c.tx, T: c.T, weight: 1 });
  });
  return [...groups.values()];
}

function assertValidHistory(c: PurchaseHistory, index: number): void {
  const ok =
    Number.isInteger(c.x) && c.x >= 0 && c.tx >= 0 && c.T >= c.tx && Number.isFinite(c.T) && (c.x > 0 || c.tx === 0);
  if (!ok) throw new RangeError(`purchase history ${index} is impossible: x=${c.x}, tx=${c.tx}, T=${c.T}`);
}

/**
 * One customer's BG/NBD log-likelihood, ln(A1) + ln(A2) + ln(e^A3 + δ(x>0)·e^A4), from the paper's
 * equation 6 written with log-gammas (A1 = Γ(r+x)α^r/Γ(r), A2 = Γ(a+b)Γ(b+x)/(Γ(b)Γ(a+b+x)),
 * A3 = −(r+x)·ln(α+T), A4 = ln a − ln(b+x−1) − (r+x)·ln(α+tx)). The sum of exponentials is taken as a
 * log-sum-exp, so long histories do not underflow.
 */
export function bgNbdHistoryLogLikelihood(params: BgNbdParams, h: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = h;
  const lnA1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const lnA2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return lnA1 + lnA2 + logAddExp(a3, a4);
}

/** The weighted sum of `bgNbdHistoryLogLikelihood` over distinct histories: the sample's log-likelihood. */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: readonly WeightedHistory[]): number {
  return makeNegativeLogLikelihood(histories)(params) * -1;
}

/** e / (1 + e): the share of the smaller term in a sum of two exponentials, e being their ratio. */
const share = (e: number) => e / (1 + e);

/** `bgNbdLogLikelihood` and its gradient in (r, α, a, b), as the fit's quasi-Newton search uses them. */
export function bgNbdLogLikelihoodWithGradient(params: BgNbdParams, histories: readonly WeightedHistory[]): { value: number; gradient: number[] } {
  const { value, gradient } = makeNegativeLogLikelihood(histories).withGradient(params);
  return { value: -value, gradient: gradient.map((g) => -g) };
}

/** The sample's negative log-likelihood, alone and with its gradient in (r, α, a, b). */
interface NegativeLogLikelihood {
  (p: BgNbdParams): number;
  withGradient(p: BgNbdParams): { value: number; gradient: [number, number, number, number] };
}

/**
 * Builds the sample's negative log-likelihood as a closure over column arrays. Everything that depends on
 * x alone (the log-gammas and digammas, ln(b + x − 1)) is computed once per distinct x, and ln(α + t) and
 * 1/(α + t) once per distinct time, since dated orders give few of each; what is left per history is one
 * log-sum-exp, whose two terms' shares p and 1 − p weigh their derivatives.
 */
function makeNegativeLogLikelihood(histories: readonly WeightedHistory[]): NegativeLogLikelihood {
  const n = histories.length;
  const ws = new Float64Array(n);
  const indexer = () => {
    const values = new Map<number, number>();
    const indexOf = (v: number): number => {
      let index = values.get(v);
      if (index === undefined) values.set(v, (index = values.size));
      return index;
    };
    return { values, indexOf };
  };
  const times = indexer();
  const counts = indexer();
  const tIndex = new Int32Array(n);
  const txIndex = new Int32Array(n);
  const xIndex = new Int32Array(n);
  histories.forEach((h, i) => {
    ws[i] = h.weight;
    tIndex[i] = times.indexOf(h.T);
    txIndex[i] = times.indexOf(h.tx);
    xIndex[i] = counts.indexOf(h.x);
  });
  const timeValues = Float64Array.from(times.values.keys());
  const xValues = Float64Array.from(counts.values.keys());
  const weightByX = new Float64Array(xValues.length);
  histories.forEach((h, i) => (weightByX[xIndex[i]!]! += h.weight));
  const totalWeight = weightByX.reduce((sum, w) => sum + w, 0);
  const logAlphaPlus = new Float64Array(timeValues.length);
  const inverseAlphaPlus = new Float64Array(timeValues.length);
  const logLeftOdds = new Float64Array(xValues.length);
  const leftShareByX = new Float64Array(xValues.length);

  /** The per-x part of the log-likelihood (times the weights), and the per-time logs it shares. */
  const prepare = ({ r, alpha, a, b }: BgNbdParams): number => {
    for (let j = 0; j < timeValues.length; j++) logAlphaPlus[j] = Math.log(alpha + timeValues[j]!);
    const lnA = Math.log(a);
    const constant = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
    let ll = 0;
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k]!;
      ll += weightByX[k]! * (constant + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x));
      logLeftOdds[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    }
    return ll;
  };

  const negativeLogLikelihood = (p: BgNbdParams): number => {
    let ll = prepare(p);
    for (let i = 0; i < n; i++) {
      const k = xIndex[i]!;
      const rx = p.r + xValues[k]!;
      const a3 = -rx * logAlphaPlus[tIndex[i]!]!;
      const a4 = logLeftOdds[k]! - rx * logAlphaPlus[txIndex[i]!]!;
      ll += ws[i]! * logAddExp(a3, a4);
    }
    return -ll;
  };

  negativeLogLikelihood.withGradient = (p: BgNbdParams) => {
    const { r, alpha, a, b } = p;
    let ll = prepare(p);
    for (let j = 0; j < timeValues.length; j++) inverseAlphaPlus[j] = 1 / (alpha + timeValues[j]!);
    leftShareByX.fill(0);
    // d/dr and d/dα of the per-x part, then of each history's log-sum-exp.
    let dr = totalWeight * (Math.log(alpha) - digamma(r));
    let dAlpha = (totalWeight * r) / alpha;
    let da = 0;
    let db = 0;
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k]!;
      const w = weightByX[k]!;
      const psiABX = digamma(a + b + x);
      dr += w * digamma(r + x);
      da += w * (psiAB - psiABX);
      db += w * (psiAB - psiB + digamma(b + x) - psiABX);
    }
    for (let i = 0; i < n; i++) {
      const k = xIndex[i]!;
      const rx = r + xValues[k]!;
      const t = tIndex[i]!;
      const tx = txIndex[i]!;
      const a3 = -rx * logAlphaPlus[t]!;
      const a4 = logLeftOdds[k]! - rx * logAlphaPlus[tx]!;
      const w = ws[i]!;
      // The share of e^A4 in e^A3 + e^A4 (0 for one-time buyers, whose A4 is −∞).
      const left = a4 === -Infinity ? 0 : a4 > a3 ? 1 / (1 + Math.exp(a3 - a4)) : share(Math.exp(a4 - a3));
      ll += w * logAddExp(a3, a4);
      dr -= w * ((1 - left) * logAlphaPlus[t]! + left * logAlphaPlus[tx]!);
      dAlpha -= w * rx * ((1 - left) * inverseAlphaPlus[t]! + left * inverseAlphaPlus[tx]!);
      leftShareByX[k]! += w * left;
    }
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k]!;
      if (x === 0) continue;
      da += leftShareByX[k]! / a;
      db -= leftShareByX[k]! / (b + x - 1);
    }
    return { value: -ll, gradient: [-dr, -dAlpha, -da, -db] as [number, number, number, number] };
  };
  return negativeLogLikelihood;
}

/**
 * Fits BG/NBD by maximum likelihood over ln(r, α, a, b) with a restarting Nelder–Mead. Times are rescaled
 * so the mean age is 1 while fitting, which makes the search box and the penalty independent of the time
 * unit; α is scaled back afterwards. Answers `insufficient` below `DATA_THRESHOLDS.bgNbd`, and
 * `not-converged` when the optimiser did not settle or a parameter ran off to 0 or ∞ (with a and b both
 * huge, for instance, every customer has the same dropout probability); neither carries numbers for display.
 */
export function fitBgNbd(customers: readonly PurchaseHistory[], options: BgNbdFitOptions): BgNbdFit {
  return fitGroupedBgNbd(groupHistories(customers), options);
}

/**
 * `fitBgNbd` on histories already grouped with their weights (a database's GROUP BY x, tx, T), so a
 * million customers arrive as a few thousand rows and the fit never holds one object per customer.
 */
export function fitGroupedBgNbd(histories: readonly WeightedHistory[], options: BgNbdFitOptions): BgNbdFit {
  histories.forEach(assertValidHistory);
  const customers = { length: histories.reduce((sum, h) => sum + h.weight, 0) };
  let repeatBuyers = 0;
  let sumX = 0;
  let sumT = 0;
  for (const h of histories) {
    if (h.x > 0) repeatBuyers += h.weight;
    sumX += h.x * h.weight;
    sumT += h.T * h.weight;
  }
  const shortfall = checkSufficiency([
    { what: "customers", have: customers.length, need: DATA_THRESHOLDS.bgNbd.minCustomers },
    { what: "repeat buyers", have: repeatBuyers, need: DATA_THRESHOLDS.bgNbd.minRepeatBuyers },
  ]);
  if (shortfall) return shortfall;

  const scale = sumT > 0 ? sumT / customers.length : 1;
  const scaled = makeNegativeLogLikelihood(histories.map((h) => ({ ...h, tx: h.tx / scale, T: h.T / scale })));
  // Start where the mean purchase rate r/α matches the sample's (ignoring dropout), with a and b at 1.
  const meanX = Math.max(sumX / customers.length, 0.01);
  // The gradient in log-parameters: ∂/∂ln θ = θ · ∂/∂θ.
  const smooth = (theta: readonly number[]) => {
    const params = fromLog(theta);
    const { value, gradient } = scaled.withGradient(params);
    return { value, gradient: [gradient[0] * params.r, gradient[1] * params.alpha, gradient[2] * params.a, gradient[3] * params.b] };
  };
  const fit = minimiseInLogSpace((theta) => scaled(fromLog(theta)), [0, -Math.log(meanX), 0, 0], { ...options, smooth });
  const fitted = fromLog(fit.logParameters);
  const params = { ...fitted, alpha: fitted.alpha * scale };
  if (fit.outcome !== "converged") {
    return { status: "not-converged", reason: notConvergedReason(fit.outcome), iterations: fit.iterations, lastEstimate: params };
  }
  return {
    status: "ok",
    params,
    timeUnit: options.timeUnit,
    logLikelihood: -makeNegativeLogLikelihood(histories)(params),
    iterations: fit.iterations,
    converged: true,
    customers: customers.length,
    distinctHistories: histories.length,
  };
}

function fromLog(theta: readonly number[]): BgNbdParams {
  return { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: Math.exp(theta[2]!), b: Math.exp(theta[3]!) };
}
