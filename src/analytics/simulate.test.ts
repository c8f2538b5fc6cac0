import { describe, expect, it } from "vitest";
import { expectedPurchases } from "./bg-nbd-predict.ts";
import { populationMeanSpend } from "./gamma-gamma.ts";
import { createRng } from "./random.ts";
import { simulateBgNbd, simulateBlobs, simulateGammaGamma } from "./simulate.ts";

describe("simulators", () => {
  it("simulate BG/NBD customers whose mean repeat purchases match E[X(T)]", () => {
    const params = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 };
    const customers = simulateBgNbd(params, new Array<number>(100_000).fill(39), createRng(1), { resolution: 1 / 7 });
    const mean = customers.reduce((s, c) => s + c.x, 0) / customers.length;
    expect(Math.abs(mean / expectedPurchases(params, 39) - 1)).toBeLessThan(0.03);
    for (const c of customers.slice(0, 1000)) {
      expect(Math.abs(c.tx * 7 - Math.round(c.tx * 7))).toBeLessThan(1e-9);
      expect(c.tx <= c.T && (c.x > 0 || c.tx === 0)).toBe(true);
    }
  });

  it("simulate Gamma-Gamma mean spends around the population mean p·v/(q−1)", () => {
    const params = { p: 6.25, q: 3.74, v: 15.44 };
    const spends = simulateGammaGamma(params, new Array<number>(50_000).fill(3), createRng(2));
    const mean = spends.reduce((s, c) => s + c.meanSpend, 0) / spends.length;
    expect(Math.abs(mean / populationMeanSpend(params)! - 1)).toBeLessThan(0.03);
  });

  it("simulate labelled blobs around their centres", () => {
    const { rows, labels } = simulateBlobs([[0, 0], [5, 5]], { seed: 3, perBlob: 10 });
    expect(rows).toHaveLength(20);
    expect(labels.filter((l) => l === 1)).toHaveLength(10);
  });
});
