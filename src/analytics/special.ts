const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) by the Lanczos approximation (g = 7, nine terms; about 15 significant digits), with the
 * reflection formula below 1/2. Works in logs throughout, so Γ(170) and beyond do not overflow.
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ψ(x) = d/dx ln Γ(x): the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * to the x^−10 term (about 15 significant digits), with the reflection formula for x ≤ 0.
 */
export function digamma(x: number): number {
  if (x <= 0) return x === Math.floor(x) ? NaN : digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inverse = 1 / (x * x);
  const series = inverse * (1 / 12 - inverse * (1 / 120 - inverse * (1 / 252 - inverse * (1 / 240 - inverse / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^a + e^b) without overflow or underflow; either side may be −∞. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Options for the hypergeometric series: relative tolerance and the most terms to sum. */
export interface SeriesOptions {
  tolerance?: number;
  maxTerms?: number;
}

/**
 * 2F1(a, b; c; z) − 1, the Gauss hypergeometric series without its leading 1, for |z| < 1. Returning the
 * tail lets callers take log1p of it when it is tiny, which keeps the BG/NBD expectations exact as a → 1.
 * The sum stops once the bound on the remaining terms (geometric, with ratio at most max(|term ratio|, |z|))
 * falls below the tolerance relative to the tail itself, so a tail of 1e-12 still carries full precision. Returns NaN when the series has not converged
 * within `maxTerms`, so a caller can tell "did not converge" from a number.
 */
export function hyp2f1Tail(a: number, b: number, c: number, z: number, options: SeriesOptions = {}): number {
  if (!(Math.abs(z) < 1)) throw new RangeError("hyp2f1 series needs |z| < 1");
  if (c <= 0 && Number.isInteger(c)) throw new RangeError("hyp2f1 is undefined for c = 0, -1, -2, ...");
  const tolerance = options.tolerance ?? 1e-15;
  const maxTerms = options.maxTerms ?? 100_000;
  const absZ = Math.abs(z);
  let term = 1;
  let tail = 0;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    tail += term;
    if (term === 0) return tail;
    const rho = Math.max(Math.abs(ratio), absZ);
    if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= tolerance * Math.abs(tail)) return tail;
  }
  return Number.NaN;
}

/** The Gauss hypergeometric function 2F1(a, b; c; z) for |z| < 1 by its power series (see `hyp2f1Tail`). */
export function hyp2f1(a: number, b: number, c: number, z: number, options: SeriesOptions = {}): number {
  return 1 + hyp2f1Tail(a, b, c, z, options);
}

/**
 * The standard normal quantile Φ⁻¹(p), by Acklam's rational approximation (relative error below 1.2e-9),
 * which is plenty for confidence intervals.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError("normal quantile needs 0 < p < 1");
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
