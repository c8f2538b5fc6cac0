/**
 * How much data each model needs before its output is shown as a number. Below these, a fit answers
 * `{ status: "insufficient", reason }`. The figures come from fits to data simulated from CDNOW-like
 * parameters (40 samples per size):
 * - BG/NBD: at 300 customers (about 120 repeat buyers) 8 fits in 10 predict a typical customer's purchases
 *   over the next 39 weeks within ±17% and P(alive) within ±0.03, and about 1 in 40 fails to converge. At
 *   100–150 customers the error band grows to ±25–30% and 1 fit in 8 or more fails. The individual
 *   parameters vary far more than the predictions, a and b by a factor of two either way even at 300,
 *   because they trade off against each other; the dropout pair is learned only from repeat buyers, hence
 *   the second minimum.
 * - Gamma-Gamma: at 100 repeat buyers 8 fits in 10 put the population's mean spend within ±11%, and about
 *   1 in 13 runs off to a limiting case (reported as not converged); at 50, about 1 in 6 does.
 * - The second-order curve for one-time buyers is an empirical distribution; with fewer than 30 observed
 *   returns one customer moves it by more than three percentage points.
 * - k-means needs a few points per cluster for centroids and silhouettes to mean anything.
 */
export const DATA_THRESHOLDS = {
  bgNbd: { minCustomers: 300, minRepeatBuyers: 100 },
  gammaGamma: { minRepeatBuyers: 100 },
  secondOrderCurve: { minReturners: 30 },
  clustering: { minPointsPerCluster: 5 },
} as const;

/** A fit that was not attempted because there is too little data; `reason` is written for a tenant to read. */
export interface Insufficient {
  status: "insufficient";
  reason: string;
}

/**
 * A fit that ran but whose optimiser did not settle, or settled at the edge of the parameter space. Its
 * last estimate is kept for diagnosis only and must never be shown as a result.
 */
export interface NotConverged<P> {
  status: "not-converged";
  reason: string;
  iterations: number;
  lastEstimate: P;
}

/**
 * Checks counts against minimums and returns the first shortfall as an `Insufficient`, or null when every
 * minimum is met. `what` names each count in the reason, e.g. "repeat buyers".
 */
export function checkSufficiency(checks: readonly { what: string; have: number; need: number }[]): Insufficient | null {
  for (const { what, have, need } of checks) {
    if (have < need) return { status: "insufficient", reason: `needs at least ${need} ${what}, has ${have}` };
  }
  return null;
}
