import type { BgNbdParams, PurchaseHistory } from "./bg-nbd.ts";
import { hyp2f1Tail } from "./special.ts";

/**
 * P(alive | x, tx, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)) (Fader, Hardie and Lee 2005,
 * eq. 13). A customer with no repeat purchase is alive by definition: in BG/NBD dropout can only follow a
 * repeat purchase.
 */
export function probabilityAlive(params: BgNbdParams, h: PurchaseHistory): number {
  if (h.x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a) - Math.log(b + h.x - 1) + (r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases in (T, T + t] for a customer known to be alive at T after x repeat purchases:
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t). The
 * hypergeometric factor is taken through Euler's transformation,
 * (1−z)^(r+x) · 2F1(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z),
 * whose parameters no longer grow with x, so heavy buyers neither overflow nor need thousands of terms, and
 * whose tail carries the factor (a−1) that cancels the prefactor's pole at a = 1.
 */
function expectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  if (Math.abs(a - 1) < 1e-7) {
    // The expression is smooth through a = 1 but evaluates as 0/0 there; average its values either side.
    const h = 1e-5;
    return (
      (expectedPurchasesIfAlive({ ...params, a: 1 - h }, x, T, t) + expectedPurchasesIfAlive({ ...params, a: 1 + h }, x, T, t)) / 2
    );
  }
  const z = t / (alpha + T + t);
  const tail = hyp2f1Tail(a + b - 1 - r, a - 1, a + b + x - 1, z);
  const bracket = -Math.expm1((a - 1) * Math.log1p(-z) + Math.log1p(tail));
  return ((a + b + x - 1) / (a - 1)) * bracket;
}

/**
 * E[Y(t) | x, tx, T]: expected purchases in the next t time units given a customer's history, the
 * paper's equation 10, computed as P(alive) × the expectation for a customer known to be alive. NaN only if
 * the hypergeometric series failed to converge, which needs t hundreds of times longer than α + T.
 */
export function conditionalExpectedPurchases(params: BgNbdParams, h: PurchaseHistory, t: number): number {
  return probabilityAlive(params, h) * expectedPurchasesIfAlive(params, h.x, h.T, t);
}

/** `conditionalExpectedPurchases` at several horizons, P(alive) computed once for all of them. */
export function conditionalExpectedPurchasesAt(params: BgNbdParams, h: PurchaseHistory, horizons: readonly number[]): number[] {
  const alive = probabilityAlive(params, h);
  return horizons.map((t) => alive * expectedPurchasesIfAlive(params, h.x, h.T, t));
}

/**
 * E[X(t)]: expected repeat purchases in the first t time units of a new customer's life (the paper's
 * equation 9), (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))]. It is equation 10 at
 * x = tx = T = 0, and is computed that way.
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return expectedPurchasesIfAlive(params, 0, 0, t);
}

/**
 * The probability of at least one purchase in (T, T + t]. Given alive at T, λ is Gamma(r + x, α + T)
 * and the wait for the next purchase is exponential in λ, so the chance it falls within t is
 * 1 − ((α+T)/(α+T+t))^(r+x); a customer who has dropped out buys nothing. Hence
 * P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)).
 */
export function probabilityOfPurchaseWithin(params: BgNbdParams, h: PurchaseHistory, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha } = params;
  const none = Math.exp((r + h.x) * (Math.log(alpha + h.T) - Math.log(alpha + h.T + t)));
  return probabilityAlive(params, h) * (1 - none);
}

/**
 * Expected time from now (T) to the next purchase, defined as the median: the t at which
 * `probabilityOfPurchaseWithin` reaches 1/2, t = (α+T) · ((1 − 1/(2·P(alive)))^(−1/(r+x)) − 1).
 * Null when P(alive) ≤ 1/2: such a customer is more likely gone than not, and no date is "expected".
 * The median was chosen over the mean because the waiting time is heavy-tailed (its mean is infinite
 * when r + x ≤ 1) and over "when E[Y(t)] reaches 1" because that needs a root search per customer and
 * also has no answer for most customers. Add the result to the observation end to get a date.
 */
export function expectedTimeToNextPurchase(params: BgNbdParams, h: PurchaseHistory): number | null {
  const alive = probabilityAlive(params, h);
  if (!(alive > 0.5)) return null;
  const { r, alpha } = params;
  return (alpha + h.T) * Math.expm1(-Math.log1p(-1 / (2 * alive)) / (r + h.x));
}
