import { describe, expect, it } from "vitest";
import type { BgNbdParams, PurchaseHistory } from "./bg-nbd.ts";
import {
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesAt,
  expectedPurchases,
  expectedTimeToNextPurchase,
  probabilityAlive,
  probabilityOfPurchaseWithin,
} from "./bg-nbd-predict.ts";
import { createRng, sampleBeta, sampleExponential, sampleGamma } from "./random.ts";
import { logBeta } from "./special.ts";

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * An independent evaluation of the posterior quantities by numerical integration over p. Integrating λ
 * out analytically leaves E_λ[λ^x e^(−λs)] ∝ (α+s)^−(r+x); the rest is a one-dimensional integral
 * against the Beta(a, b) density, taken by Simpson's rule after p = u^m (m·a ≥ 4) turns the p^(a−1)
 * spike at zero into a smooth m·u^(m·a−1). Nothing here uses the hypergeometric function.
 */
function integrate(params: BgNbdParams, h: PurchaseHistory, integrand: (p: number, k: number) => number): number {
  const { a, b } = params;
  const m = Math.ceil(4 / a);
  const steps = 4000;
  let sum = 0;
  for (let i = 1; i <= steps; i++) {
    const u = Math.min(i / steps, 1 - 1e-12);
    const p = Math.pow(u, m);
    const weight = (m * Math.pow(u, m * a - 1) * Math.pow(1 - p, b - 1)) / Math.exp(logBeta(a, b));
    const simpson = i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    sum += simpson * weight * integrand(p, params.r + h.x);
  }
  return sum / (3 * steps);
}

function byIntegration(params: BgNbdParams, h: PurchaseHistory, t: number) {
  const { alpha } = params;
  const { x, tx, T } = h;
  const aliveTerm = (p: number, k: number) => Math.pow(1 - p, x) * Math.pow(alpha + T, -k);
  const likelihood = integrate(params, h, (p, k) => aliveTerm(p, k) + (x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow(alpha + tx, -k) : 0));
  // Alive at T, E[purchases in t | λ, p] = (1 − e^(−λpt))/p; over λ it becomes ((α+T)^−k − (α+T+pt)^−k)/p.
  const future = integrate(params, h, (p, k) => (Math.pow(1 - p, x) * (Math.pow(alpha + T, -k) - Math.pow(alpha + T + p * t, -k))) / p);
  const anyPurchase = integrate(params, h, (p, k) => Math.pow(1 - p, x) * (Math.pow(alpha + T, -k) - Math.pow(alpha + T + t, -k)));
  return {
    alive: integrate(params, h, aliveTerm) / likelihood,
    expected: future / likelihood,
    purchaseWithin: anyPurchase / likelihood,
  };
}

const HISTORIES: PurchaseHistory[] = [
  { x: 0, tx: 0, T: 30 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 1, tx: 2, T: 38 },
  { x: 7, tx: 20, T: 35 },
  { x: 25, tx: 38, T: 39 },
];

describe("BG/NBD predictions against published values (CDNOW estimates)", () => {
  it("gives E[Y(39) | x=2, tx=30.43, T=38.86] = 1.226, as in Fader and Hardie's spreadsheet", () => {
    expect(conditionalExpectedPurchases(CDNOW, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });

  it("gives the spreadsheet's E[X(t)] (within the rounding of the published parameters)", () => {
    const published: [number, number][] = [[0.1429, 0.0078], [1, 0.0532], [3, 0.1506], [31.8571, 1.0405], [32, 1.0437], [78, 1.8576]];
    for (const [t, expected] of published) {
      expect(Math.abs(expectedPurchases(CDNOW, t) / expected - 1)).toBeLessThan(0.005);
    }
  });
});

describe("BG/NBD predictions against numerical integration", () => {
  it("agrees on P(alive), E[Y(t) | history] and P(purchase within t) for assorted histories", () => {
    for (const params of [CDNOW, { r: 1.3, alpha: 12, a: 2.5, b: 6 }]) {
      for (const h of HISTORIES) {
        for (const t of [4, 39]) {
          const reference = byIntegration(params, h, t);
          expect(probabilityAlive(params, h)).toBeCloseTo(reference.alive, 8);
          expect(conditionalExpectedPurchases(params, h, t) / reference.expected).toBeCloseTo(1, 6);
          expect(probabilityOfPurchaseWithin(params, h, t)).toBeCloseTo(reference.purchaseWithin, 8);
        }
      }
    }
  });
});

describe("BG/NBD predictions against simulation", () => {
  it("matches E[X(t)] and, for customers with no repeat purchase by T, E[Y(t)]", () => {
    const rng = createRng(21);
    const [T, t] = [26, 39];
    let total = 0;
    let quietCustomers = 0;
    let quietFuture = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const lambda = sampleGamma(rng, CDNOW.r, CDNOW.alpha);
      const p = sampleBeta(rng, CDNOW.a, CDNOW.b);
      let clock = 0;
      let before = 0;
      let after = 0;
      for (;;) {
        clock += sampleExponential(rng, lambda);
        if (clock > T + t) break;
        if (clock <= T) before++;
        else after++;
        if (rng() < p) break;
      }
      total += before;
      if (before === 0) {
        quietCustomers++;
        quietFuture += after;
      }
    }
    expect(Math.abs(total / n / expectedPurchases(CDNOW, T) - 1)).toBeLessThan(0.03);
    const predicted = conditionalExpectedPurchases(CDNOW, { x: 0, tx: 0, T }, t);
    expect(Math.abs(quietFuture / quietCustomers / predicted - 1)).toBeLessThan(0.05);
  });
});

describe("BG/NBD prediction shapes", () => {
  it("gives the same expectations at several horizons at once as one at a time", () => {
    for (const h of [{ x: 0, tx: 0, T: 30 }, { x: 2, tx: 30, T: 38 }, { x: 40, tx: 100, T: 150 }]) {
      const horizons = [30 / 7, 90 / 7, 365 / 7];
      expect(conditionalExpectedPurchasesAt(CDNOW, h, horizons)).toEqual(horizons.map((t) => conditionalExpectedPurchases(CDNOW, h, t)));
    }
  });


  it("keeps customers without repeat purchases alive by definition", () => {
    expect(probabilityAlive(CDNOW, { x: 0, tx: 0, T: 300 })).toBe(1);
  });

  it("moves P(alive) the way the story says", () => {
    // Lower with a longer silence since the last purchase; higher the more recent that purchase was.
    const olderAge = [20, 30, 40, 60].map((T) => probabilityAlive(CDNOW, { x: 3, tx: 15, T }));
    const laterLast = [5, 10, 15, 19].map((tx) => probabilityAlive(CDNOW, { x: 3, tx, T: 20 }));
    expect(olderAge).toEqual([...olderAge].sort((p, q) => q - p));
    expect(laterLast).toEqual([...laterLast].sort((p, q) => p - q));
    for (const p of [...olderAge, ...laterLast]) expect(p > 0 && p < 1).toBe(true);
  });

  it("grows expected purchases with the horizon and with frequency when the last purchase was recent", () => {
    const overTime = [1, 5, 20, 80].map((t) => conditionalExpectedPurchases(CDNOW, { x: 2, tx: 30, T: 38 }, t));
    expect(overTime).toEqual([...overTime].sort((p, q) => p - q));
    const overFrequency = [1, 3, 10, 40].map((x) => conditionalExpectedPurchases(CDNOW, { x, tx: 38, T: 38 }, 10));
    expect(overFrequency).toEqual([...overFrequency].sort((p, q) => p - q));
  });

  it("is continuous through a = 1, where the closed form reads 0/0", () => {
    const h = { x: 3, tx: 20, T: 30 };
    const at = (a: number) => conditionalExpectedPurchases({ ...CDNOW, a }, h, 20);
    expect(at(1)).toBeCloseTo((at(1 - 1e-4) + at(1 + 1e-4)) / 2, 6);
  });

  it("dates the next purchase at the median wait, or not at all when the customer is more likely gone", () => {
    const active = { x: 5, tx: 37, T: 38 };
    const wait = expectedTimeToNextPurchase(CDNOW, active);
    expect(wait).not.toBeNull();
    expect(probabilityOfPurchaseWithin(CDNOW, active, wait!)).toBeCloseTo(0.5, 10);
    const lapsed = { x: 5, tx: 5, T: 38 };
    expect(probabilityAlive(CDNOW, lapsed)).toBeLessThan(0.5);
    expect(expectedTimeToNextPurchase(CDNOW, lapsed)).toBeNull();
  });
});
