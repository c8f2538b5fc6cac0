import { describe, expect, it } from "vitest";
import {
  createRng,
  randomInt,
  sampleBeta,
  sampleExponential,
  sampleGamma,
  sampleNormal,
  samplePoisson,
  shuffled,
  type Rng,
} from "./random.ts";

function moments(draw: () => number, n = 100_000): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe("createRng", () => {
  it("repeats its stream for a seed and differs across seeds", () => {
    const take = (rng: Rng) => Array.from({ length: 5 }, rng);
    expect(take(createRng(42))).toEqual(take(createRng(42)));
    expect(take(createRng(42))).not.toEqual(take(createRng(43)));
  });

  it("is uniform on [0, 1)", () => {
    const rng = createRng(1);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng();
      if (u < 0 || u >= 1) outside++;
      else buckets[Math.floor(u * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it("draws integers in range and shuffles without losing items", () => {
    const rng = createRng(5);
    const draws = Array.from({ length: 1000 }, () => randomInt(rng, 7));
    expect(new Set(draws)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(shuffled([1, 2, 3, 4, 5], rng).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("samplers", () => {
  it("normal has mean 0 and variance 1", () => {
    const rng = createRng(2);
    const m = moments(() => sampleNormal(rng));
    expect(Math.abs(m.mean)).toBeLessThan(0.015);
    expect(m.variance).toBeCloseTo(1, 1);
  });

  it("gamma has mean k/rate and variance k/rate² for shapes below and above 1", () => {
    const rng = createRng(3);
    for (const [shape, rate] of [[0.24, 4.4], [1, 1], [6.25, 0.5]] as const) {
      const m = moments(() => sampleGamma(rng, shape, rate));
      expect(Math.abs(m.mean / (shape / rate) - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.variance / (shape / (rate * rate)) - 1)).toBeLessThan(0.05);
    }
  });

  it("beta has mean a/(a+b)", () => {
    const rng = createRng(4);
    const [a, b] = [0.79, 2.43];
    const m = moments(() => sampleBeta(rng, a, b));
    expect(Math.abs(m.mean - a / (a + b))).toBeLessThan(0.005);
    expect(Math.abs(m.variance / ((a * b) / ((a + b) ** 2 * (a + b + 1))) - 1)).toBeLessThan(0.05);
  });

  it("Poisson has mean = variance in both the small-mean and the large-mean method", () => {
    const rng = createRng(6);
    for (const mean of [0.7, 12, 45, 400]) {
      const m = moments(() => samplePoisson(rng, mean), 50_000);
      expect(Math.abs(m.mean / mean - 1)).toBeLessThan(0.02);
      expect(Math.abs(m.variance / mean - 1)).toBeLessThan(0.05);
    }
  });

  it("exponential has mean 1/rate", () => {
    const rng = createRng(7);
    const m = moments(() => sampleExponential(rng, 2.5));
    expect(Math.abs(m.mean - 0.4)).toBeLessThan(0.006);
  });
});
