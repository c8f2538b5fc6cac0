import { describe, expect, it } from "vitest";
import {
  bgNbdHistoryLogLikelihood,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodWithGradient,
  fitBgNbd,
  groupHistories,
  type BgNbdParams,
  type PurchaseHistory,
} from "./bg-nbd.ts";
import { createRng, randomInt } from "./random.ts";
import { simulateBgNbd } from "./simulate.ts";
import { logBeta, logGamma } from "./special.ts";

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** CDNOW-like ages: customers acquired over 12 weeks and observed to week 39, with dates to the day. */
function cdnowLikeAges(n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => 27 + randomInt(rng, 12 * 7 + 1) / 7);
}

describe("BG/NBD log-likelihood", () => {
  it("matches the likelihood worked by hand where the gamma functions are factorials", () => {
    // r = 1, α = 2, a = 1, b = 2. x = 0: L = B(1,2)/B(1,2) · α^r/(α+T)^r = 2/7 at T = 5.
    // x = 2, tx = 3, T = 5: E[λ² e^(−λs)] = Γ(3)·2/(2+s)³ = 4/(2+s)³, E[(1−p)²] = B(1,4)/B(1,2) = 1/2,
    // E[p(1−p)] = B(2,3)/B(1,2) = 1/6, so L = (1/2)·4/7³ + (1/6)·4/5³.
    const params = { r: 1, alpha: 2, a: 1, b: 2 };
    expect(bgNbdHistoryLogLikelihood(params, { x: 0, tx: 0, T: 5 })).toBeCloseTo(Math.log(2 / 7), 13);
    expect(bgNbdHistoryLogLikelihood(params, { x: 2, tx: 3, T: 5 })).toBeCloseTo(Math.log(2 / 343 + 2 / 375), 13);
  });

  it("matches the paper's equation 6 in beta-function form at the CDNOW estimates", () => {
    const { r, alpha, a, b } = CDNOW;
    const eq6 = (h: PurchaseHistory): number => {
      const gammaPart = (s: number) => Math.exp(logGamma(r + h.x) - logGamma(r) + r * Math.log(alpha) - (r + h.x) * Math.log(alpha + s));
      const stay = Math.exp(logBeta(a, b + h.x) - logBeta(a, b)) * gammaPart(h.T);
      const left = h.x > 0 ? Math.exp(logBeta(a + 1, b + h.x - 1) - logBeta(a, b)) * gammaPart(h.tx) : 0;
      return Math.log(stay + left);
    };
    for (const h of [{ x: 0, tx: 0, T: 38.86 }, { x: 2, tx: 30.43, T: 38.86 }, { x: 1, tx: 1.71, T: 38.86 }, { x: 29, tx: 35, T: 39 }]) {
      expect(bgNbdHistoryLogLikelihood(CDNOW, h)).toBeCloseTo(eq6(h), 10);
    }
  });

  it("gives the same total over grouped histories as over every customer", () => {
    const customers = simulateBgNbd(CDNOW, cdnowLikeAges(3000, 1), createRng(2), { resolution: 1 / 7 });
    const grouped = groupHistories(customers);
    expect(grouped.length).toBeLessThan(customers.length);
    expect(grouped.reduce((s, g) => s + g.weight, 0)).toBe(customers.length);
    const ungrouped = customers.reduce((s, c) => s + bgNbdHistoryLogLikelihood(CDNOW, c), 0);
    expect(bgNbdLogLikelihood(CDNOW, grouped)).toBeCloseTo(ungrouped, 7);
  });
});

describe("groupHistories", () => {
  it("counts identical histories once with a weight", () => {
    const grouped = groupHistories([
      { x: 0, tx: 0, T: 10 },
      { x: 1, tx: 3, T: 10 },
      { x: 0, tx: 0, T: 10 },
    ]);
    expect(grouped).toEqual([
      { x: 0, tx: 0, T: 10, weight: 2 },
      { x: 1, tx: 3, T: 10, weight: 1 },
    ]);
  });

  it("refuses impossible histories", () => {
    expect(() => groupHistories([{ x: 1, tx: 12, T: 10 }])).toThrow(RangeError);
    expect(() => groupHistories([{ x: 0, tx: 2, T: 10 }])).toThrow(RangeError);
    expect(() => groupHistories([{ x: 1.5, tx: 2, T: 10 }])).toThrow(RangeError);
  });
});

describe("BG/NBD log-likelihood gradient", () => {
  it("equals the log-likelihood's central differences in each parameter", () => {
    const grouped = groupHistories(simulateBgNbd(CDNOW, cdnowLikeAges(500, 21), createRng(22), { resolution: 1 / 7 }));
    for (const params of [CDNOW, { r: 1.2, alpha: 0.8, a: 3, b: 0.4 }]) {
      const { value, gradient } = bgNbdLogLikelihoodWithGradient(params, grouped);
      expect(value).toBeCloseTo(bgNbdLogLikelihood(params, grouped), 8);
      (["r", "alpha", "a", "b"] as const).forEach((key, i) => {
        const h = 1e-6 * params[key];
        const slope = (bgNbdLogLikelihood({ ...params, [key]: params[key] + h }, grouped) - bgNbdLogLikelihood({ ...params, [key]: params[key] - h }, grouped)) / (2 * h);
        expect(Math.abs(gradient[i]! - slope)).toBeLessThan(1e-5 * (1 + Math.abs(slope)));
      });
    }
  });
});

describe("fitBgNbd", () => {
  it("recovers known parameters from 50,000 simulated CDNOW-like customers", () => {
    const truth = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 };
    const customers = simulateBgNbd(truth, cdnowLikeAges(50_000, 11), createRng(12), { resolution: 1 / 7 });
    const fit = fitBgNbd(customers, { timeUnit: "week" });
    expect(fit.status).toBe("ok");
    if (fit.status !== "ok") return;
    // Sampling error at this size is about 2.5% on r and α and 5% on a and b (seen across seeds).
    expect(Math.abs(fit.params.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.a / truth.a - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.b / truth.b - 1)).toBeLessThan(0.15);
    expect(fit.distinctHistories).toBeLessThan(customers.length / 2);
    // The fit is a maximum: nothing nearby, the truth included, has a higher likelihood.
    const grouped = groupHistories(customers);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, grouped));
    for (const key of ["r", "alpha", "a", "b"] as const) {
      for (const factor of [0.99, 1.01]) {
        const nearby = { ...fit.params, [key]: fit.params[key] * factor };
        expect(bgNbdLogLikelihood(nearby, grouped)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it("shrinks log-parameters towards zero under an L2 penalty, with times in mean ages", () => {
    const customers = simulateBgNbd(CDNOW, cdnowLikeAges(3000, 3), createRng(4), { resolution: 1 / 7 });
    const plain = fitBgNbd(customers, { timeUnit: "week" });
    const penalised = fitBgNbd(customers, { timeUnit: "week", penalty: 50 });
    if (plain.status !== "ok" || penalised.status !== "ok") throw new Error("fits should converge");
    const meanAge = customers.reduce((s, c) => s + c.T, 0) / customers.length;
    const size = (p: BgNbdParams) => [p.r, p.alpha / meanAge, p.a, p.b].reduce((s, v) => s + Math.log(v) ** 2, 0);
    expect(size(penalised.params)).toBeLessThan(size(plain.params));
    expect(penalised.logLikelihood).toBeLessThan(plain.logLikelihood);
  });

  it("answers insufficient below the documented minimums", () => {
    const few = simulateBgNbd(CDNOW, cdnowLikeAges(120, 5), createRng(6));
    const fit = fitBgNbd(few, { timeUnit: "week" });
    expect(fit).toEqual({ status: "insufficient", reason: "needs at least 300 customers, has 120" });
    const noRepeat = Array.from({ length: 1000 }, () => ({ x: 0, tx: 0, T: 30 }));
    expect(fitBgNbd(noRepeat, { timeUnit: "week" })).toMatchObject({ status: "insufficient" });
  });

  it("answers not-converged when nobody ever drops out, the model's limit of a → 0, b → ∞", () => {
    const customers = simulateBgNbd({ r: 0.5, alpha: 5, a: 1e-9, b: 1e9 }, cdnowLikeAges(2000, 9), createRng(10));
    const fit = fitBgNbd(customers, { timeUnit: "week" });
    expect(fit).toMatchObject({ status: "not-converged", reason: expect.stringMatching(/limiting case/) });
  });

  it("answers not-converged, never a result, when the optimiser runs out of budget", () => {
    const customers = simulateBgNbd(CDNOW, cdnowLikeAges(2000, 7), createRng(8));
    const fit = fitBgNbd(customers, { timeUnit: "week", maxIterations: 10 });
    expect(fit.status).toBe("not-converged");
    expect(fit).not.toHaveProperty("params");
  });
});
