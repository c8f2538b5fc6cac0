import { checkSufficiency, DATA_THRESHOLDS, type Insufficient, type NotConverged } from "./data-sufficiency.ts";
import { minimiseInLogSpace, notConvergedReason } from "./optimise.ts";
import { digamma, logGamma } from "./special.ts";

/**
 * Gamma-Gamma spend model (Fader and Hardie, "The Gamma-Gamma model of monetary value", 2013): each
 * transaction's value is Gamma(p, ν) and ν varies across customers as Gamma(q, v), so a customer's mean
 * transaction value is p/ν and the population mean is p·v/(q − 1) when q > 1.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/**
 * What the model reads about a customer: `x` transactions and their mean value. Following the model's
 * published use with BG/NBD, x is the repeat-purchase count and the mean is over those repeat purchases.
 */
export interface SpendHistory {
  x: number;
  meanSpend: number;
}

/**
 * Pearson correlation between x and mean spend among the customers fitted. The model assumes spend is
 * independent of frequency; |ρ| above `SPEND_CORRELATION_WARNING` is reported as a warning.
 */
export interface FrequencySpendCheck {
  correlation: number;
  customers: number;
  warning: string | null;
}

/** |ρ| between frequency and mean spend above which the independence assumption is flagged. */
export const SPEND_CORRELATION_WARNING = 0.3;

/** A converged Gamma-Gamma fit; `logLikelihood` excludes the penalty. */
export interface GammaGammaModel {
  status: "ok";
  params: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  converged: true;
  customers: number;
  frequencySpend: FrequencySpendCheck;
}

/** What `fitGammaGamma` answers: a model, or the reason there is none. */
export type GammaGammaFit = GammaGammaModel | Insufficient | NotConverged<GammaGammaParams>;

/**
 * One customer's log-density of mean spend m over x transactions (the 2013 note's equation 5):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q·ln v + (px−1)·ln m + px·ln x − (px+q)·ln(v + x·m).
 */
export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, c: SpendHistory): number {
  const { p, q, v } = params;
  const px = p * c.x;
  return (
    logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(v) + (px - 1) * Math.log(c.meanSpend) +
    px * Math.log(c.x) - (px + q) * Math.log(v + c.x * c.meanSpend)
  );
}

/** The sum of `gammaGammaCustomerLogLikelihood` over customers with x ≥ 1 and positive mean spend. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly SpendHistory[]): number {
  return -makeNegativeLogLikelihood(customers.filter(isUsable))(params);
}

function isUsable(c: SpendHistory): boolean {
  return Number.isInteger(c.x) && c.x >= 1 && c.meanSpend > 0 && Number.isFinite(c.meanSpend);
}

/** `gammaGammaLogLikelihood` and its gradient in (p, q, v), as the fit's quasi-Newton search uses them. */
export function gammaGammaLogLikelihoodWithGradient(params: GammaGammaParams, customers: readonly SpendHistory[]): { value: number; gradient: number[] } {
  const { value, gradient } = makeNegativeLogLikelihood(customers.filter(isUsable)).withGradient(params);
  return { value: -value, gradient: gradient.map((g) => -g) };
}

/** The negative log-likelihood, alone and with its gradient in (p, q, v). */
interface NegativeLogLikelihood {
  (params: GammaGammaParams): number;
  withGradient(params: GammaGammaParams): { value: number; gradient: [number, number, number] };
}

/**
 * The negative log-likelihood as a closure. Log-gammas and digammas depend on x only and are taken once
 * per distinct x; the per-customer cost is one logarithm, ln(v + x·m), and for the gradient one division.
 */
function makeNegativeLogLikelihood(customers: readonly SpendHistory[]): NegativeLogLikelihood {
  const n = customers.length;
  const xm = new Float64Array(n);
  const xs = new Float64Array(n);
  const byX = new Map<number, { count: number; sumLogMean: number }>();
  customers.forEach((c, i) => {
    xm[i] = c.x * c.meanSpend;
    xs[i] = c.x;
    const group = byX.get(c.x) ?? { count: 0, sumLogMean: 0 };
    group.count++;
    group.sumLogMean += Math.log(c.meanSpend);
    byX.set(c.x, group);
  });
  const groups = [...byX.entries()];
  const perX = ({ p, q, v }: GammaGammaParams): number => {
    const perCustomer = -logGamma(q) + q * Math.log(v);
    let ll = 0;
    for (const [x, { count, sumLogMean }] of groups) {
      const px = p * x;
      ll += count * (perCustomer + logGamma(px + q) - logGamma(px) + px * Math.log(x)) + (px - 1) * sumLogMean;
    }
    return ll;
  };
  const negativeLogLikelihood = (params: GammaGammaParams): number => {
    const { p, q, v } = params;
    let ll = perX(params);
    for (let i = 0; i < n; i++) ll -= (p * xs[i]! + q) * Math.log(v + xm[i]!);
    return -ll;
  };
  negativeLogLikelihood.withGradient = (params: GammaGammaParams) => {
    const { p, q, v } = params;
    let ll = perX(params);
    let dp = 0;
    let dq = 0;
    let dv = 0;
    const psiQ = digamma(q);
    for (const [x, { count, sumLogMean }] of groups) {
      const px = p * x;
      const psiPXQ = digamma(px + q);
      dp += count * x * (psiPXQ - digamma(px) + Math.log(x)) + x * sumLogMean;
      dq += count * (psiPXQ - psiQ + Math.log(v));
      dv += (count * q) / v;
    }
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const logTotal = Math.log(v + xm[i]!);
      ll -= (p * x + q) * logTotal;
      dp -= x * logTotal;
      dq -= logTotal;
      dv -= (p * x + q) / (v + xm[i]!);
    }
    return { value: -ll, gradient: [-dp, -dq, -dv] as [number, number, number] };
  };
  return negativeLogLikelihood;
}

/**
 * Fits Gamma-Gamma by maximum likelihood over ln(p, q, v) on repeat buyers (x ≥ 1) with a positive mean
 * spend; everyone else is left out, as the model needs observed repeat transactions. Also reports the
 * frequency–spend correlation. Answers `insufficient` below `DATA_THRESHOLDS.gammaGamma` and
 * `not-converged` when the optimiser did not settle or a parameter ran off to 0 or ∞ (p → ∞ with v → 0,
 * for instance, is the limit where each customer always spends exactly the same). `penalty` adds
 * penalty · Σ(ln θ)² with spends measured in units of their mean.
 */
export function fitGammaGamma(
  customers: readonly SpendHistory[],
  options: { penalty?: number; maxIterations?: number } = {},
): GammaGammaFit {
  const usable = customers.filter(isUsable);
  const shortfall = checkSufficiency([
    { what: "repeat buyers with spend", have: usable.length, need: DATA_THRESHOLDS.gammaGamma.minRepeatBuyers },
  ]);
  if (shortfall) return shortfall;

  // Spends are rescaled to a mean of 1 while fitting, so the search box and the penalty ignore the currency.
  const scale = usable.reduce((s, c) => s + c.meanSpend, 0) / usable.length;
  const scaled = makeNegativeLogLikelihood(usable.map((c) => ({ x: c.x, meanSpend: c.meanSpend / scale })));
  // Start at p = 1, q = 2 and v = 1, where the population mean p·v/(q−1) equals the sample's.
  // The gradient in log-parameters: ∂/∂ln θ = θ · ∂/∂θ.
  const smooth = (theta: readonly number[]) => {
    const params = fromLog(theta);
    const { value, gradient } = scaled.withGradient(params);
    return { value, gradient: [gradient[0] * params.p, gradient[1] * params.q, gradient[2] * params.v] };
  };
  const fit = minimiseInLogSpace((theta) => scaled(fromLog(theta)), [0, Math.log(2), 0], { ...options, smooth });
  const fitted = fromLog(fit.logParameters);
  const params = { ...fitted, v: fitted.v * scale };
  if (fit.outcome !== "converged") {
    return { status: "not-converged", reason: notConvergedReason(fit.outcome), iterations: fit.iterations, lastEstimate: params };
  }
  return {
    status: "ok",
    params,
    logLikelihood: -makeNegativeLogLikelihood(usable)(params),
    iterations: fit.iterations,
    converged: true,
    customers: usable.length,
    frequencySpend: frequencySpendCorrelation(usable),
  };
}

function fromLog(theta: readonly number[]): GammaGammaParams {
  return { p: Math.exp(theta[0]!), q: Math.exp(theta[1]!), v: Math.exp(theta[2]!) };
}

/**
 * E[mean transaction value | x, m] = (v + x·m)·p / (p·x + q − 1): a weighted average of the population mean
 * p·v/(q − 1) and the customer's own mean m, the weight on m growing with x. With x = 0 it is the
 * population mean, which is what a customer without repeat purchases should be credited with (NaN when
 * q ≤ 1, where that mean is infinite).
 */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, v } = params;
  return x > 0 ? ((v + x * meanSpend) * p) / (p * x + q - 1) : (populationMeanSpend(params) ?? Number.NaN);
}

/** The population's expected mean transaction value, p·v/(q − 1); null when q ≤ 1, where it is infinite. */
export function populationMeanSpend(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.v) / (params.q - 1) : null;
}

/**
 * Pearson correlation between transaction count and mean spend: the check Fader and Hardie recommend
 * before using the model, since it assumes the two are independent. NaN correlation (no variance) counts
 * as no evidence against independence.
 */
export function frequencySpendCorrelation(customers: readonly SpendHistory[]): FrequencySpendCheck {
  const n = customers.length;
  let sx = 0;
  let sm = 0;
  for (const c of customers) {
    sx += c.x;
    sm += c.meanSpend;
  }
  const mx = sx / n;
  const mm = sm / n;
  let cov = 0;
  let vx = 0;
  let vm = 0;
  for (const c of customers) {
    cov += (c.x - mx) * (c.meanSpend - mm);
    vx += (c.x - mx) ** 2;
    vm += (c.meanSpend - mm) ** 2;
  }
  const correlation = vx > 0 && vm > 0 ? cov / Math.sqrt(vx * vm) : Number.NaN;
  const warning =
    Math.abs(correlation) > SPEND_CORRELATION_WARNING
      ? `frequency and spend are correlated (ρ = ${correlation.toFixed(2)}); the model assumes they are independent`
      : null;
  return { correlation, customers: n, warning };
}
