import { describe, expect, it } from "vitest";
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  frequencySpendCorrelation,
  gammaGammaCustomerLogLikelihood,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodWithGradient,
  populationMeanSpend,
} from "./gamma-gamma.ts";
import { createRng, sampleGamma, samplePoisson } from "./random.ts";
import { simulateGammaGamma } from "./simulate.ts";

const CDNOW_SPEND = { p: 6.25, q: 3.74, v: 15.44 };

describe("Gamma-Gamma log-likelihood", () => {
  it("matches densities worked by hand", () => {
    // f(m | p, q, v, x) = Γ(px+q)/(Γ(px)Γ(q)) · v^q · m^(px−1) · x^(px) / (v + x·m)^(px+q).
    // p = 1, q = 2, v = 3; x = 1, m = 2: 2 · 9 · 1 · 1 / 5³ = 18/125.
    // x = 2, m = 1.5: Γ(4)/(Γ(2)Γ(2)) · 9 · 1.5 · 4 / 6⁴ = 324/1296 = 1/4.
    const params = { p: 1, q: 2, v: 3 };
    expect(gammaGammaCustomerLogLikelihood(params, { x: 1, meanSpend: 2 })).toBeCloseTo(Math.log(18 / 125), 13);
    expect(gammaGammaCustomerLogLikelihood(params, { x: 2, meanSpend: 1.5 })).toBeCloseTo(Math.log(1 / 4), 13);
  });

  it("is a density: it integrates to 1 over mean spend", () => {
    for (const x of [1, 4]) {
      // Simpson's rule over m = s/(1−s), s in (0, 1), which maps the half-line onto the unit interval.
      const steps = 20_000;
      let sum = 0;
      for (let i = 1; i < steps; i++) {
        const s = i / steps;
        const m = s / (1 - s);
        const density = Math.exp(gammaGammaCustomerLogLikelihood(CDNOW_SPEND, { x, meanSpend: m }));
        sum += (i % 2 === 1 ? 4 : 2) * density / (1 - s) ** 2;
      }
      expect(sum / (3 * steps)).toBeCloseTo(1, 8);
    }
  });

  it("sums per-customer terms, ignoring customers without repeat purchases", () => {
    const customers = simulateGammaGamma(CDNOW_SPEND, [1, 1, 2, 3, 3, 3, 7], createRng(1));
    const bySum = customers.reduce((s, c) => s + gammaGammaCustomerLogLikelihood(CDNOW_SPEND, c), 0);
    expect(gammaGammaLogLikelihood(CDNOW_SPEND, [...customers, { x: 0, meanSpend: 0 }])).toBeCloseTo(bySum, 10);
  });
});

describe("conditionalExpectedSpend", () => {
  it("reproduces Fader and Hardie's CDNOW spreadsheet", () => {
    expect(conditionalExpectedSpend(CDNOW_SPEND, 2, 22.35)).toBeCloseTo(24.65, 1);
    expect(conditionalExpectedSpend(CDNOW_SPEND, 1, 11.77)).toBeCloseTo(18.91, 1);
  });

  it("falls back to the population mean without repeat purchases and moves towards the customer's own mean", () => {
    expect(conditionalExpectedSpend(CDNOW_SPEND, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(populationMeanSpend(CDNOW_SPEND)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    const own = 100;
    const estimates = [1, 5, 50, 500].map((x) => conditionalExpectedSpend(CDNOW_SPEND, x, own));
    expect(estimates).toEqual([...estimates].sort((a, b) => a - b));
    expect(estimates[3]).toBeCloseTo(own, 0);
    expect(populationMeanSpend({ p: 1, q: 0.8, v: 1 })).toBeNull();
  });
});

describe("fitGammaGamma", () => {
  it("recovers known parameters from 30,000 simulated repeat buyers", () => {
    const rng = createRng(31);
    const counts = Array.from({ length: 30_000 }, () => 1 + samplePoisson(rng, 2));
    const customers = simulateGammaGamma(CDNOW_SPEND, counts, rng);
    const fit = fitGammaGamma(customers);
    expect(fit.status).toBe("ok");
    if (fit.status !== "ok") return;
    // Sampling error at this size is about 2.5% on p and q and 4% on v (seen across seeds).
    expect(Math.abs(fit.params.p / CDNOW_SPEND.p - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.q / CDNOW_SPEND.q - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.v / CDNOW_SPEND.v - 1)).toBeLessThan(0.1);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(CDNOW_SPEND, customers));
    expect(Math.abs(fit.frequencySpend.correlation)).toBeLessThan(0.05);
    expect(fit.frequencySpend.warning).toBeNull();
  });

  it("answers not-converged when spend has no within-customer noise, the model's p → ∞ limit", () => {
    const rng = createRng(1);
    const customers = Array.from({ length: 500 }, (_, i) => ({ x: 1 + (i % 5), meanSpend: 1 / sampleGamma(rng, 3, 1) }));
    const fit = fitGammaGamma(customers);
    expect(fit).toMatchObject({ status: "not-converged", reason: expect.stringMatching(/limiting case/) });
    expect(fit).not.toHaveProperty("params");
  });

  it("answers not-converged when the optimiser runs out of budget", () => {
    const customers = simulateGammaGamma(CDNOW_SPEND, new Array<number>(300).fill(2), createRng(3));
    expect(fitGammaGamma(customers, { maxIterations: 5 })).toMatchObject({ status: "not-converged", reason: "the optimiser did not converge" });
  });

  it("answers insufficient with too few repeat buyers", () => {
    const customers = simulateGammaGamma(CDNOW_SPEND, new Array<number>(60).fill(2), createRng(2));
    const oneTimers = new Array(500).fill({ x: 0, meanSpend: 0 });
    expect(fitGammaGamma([...customers, ...oneTimers])).toEqual({
      status: "insufficient",
      reason: "needs at least 100 repeat buyers with spend, has 60",
    });
  });
});

describe("frequencySpendCorrelation", () => {
  it("computes Pearson's r and warns when frequency and spend move together", () => {
    const customers = [1, 2, 3, 4, 5].map((x) => ({ x, meanSpend: 10 * x + (x % 2) }));
    const check = frequencySpendCorrelation(customers);
    // Hand computation: x̄ = 3, m̄ = 30.6; Σdx·dm = 100, Σdx² = 10, Σdm² = 1001.2.
    expect(check.correlation).toBeCloseTo(100 / Math.sqrt(10 * 1001.2), 12);
    expect(check.warning).toMatch(/correlated/);
  });
});

describe("Gamma-Gamma log-likelihood gradient", () => {
  it("equals the log-likelihood's central differences in each parameter", () => {
    const rng = createRng(31);
    const xs = Array.from({ length: 400 }, () => 1 + samplePoisson(rng, 3));
    const customers = simulateGammaGamma({ p: 6.25, q: 3.74, v: 15.44 }, xs, createRng(32));
    for (const params of [{ p: 6.25, q: 3.74, v: 15.44 }, { p: 1.5, q: 8, v: 90 }]) {
      const { value, gradient } = gammaGammaLogLikelihoodWithGradient(params, customers);
      expect(value).toBeCloseTo(gammaGammaLogLikelihood(params, customers), 8);
      (["p", "q", "v"] as const).forEach((key, i) => {
        const h = 1e-6 * params[key];
        const slope = (gammaGammaLogLikelihood({ ...params, [key]: params[key] + h }, customers) - gammaGammaLogLikelihood({ ...params, [key]: params[key] - h }, customers)) / (2 * h);
        expect(Math.abs(gradient[i]! - slope)).toBeLessThan(1e-5 * (1 + Math.abs(slope)));
      });
    }
  });
});
