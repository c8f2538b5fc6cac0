import type { BgNbdParams, PurchaseHistory } from "./bg-nbd.ts";
import type { GammaGammaParams, SpendHistory } from "./gamma-gamma.ts";
import { createRng, sampleBeta, sampleExponential, sampleGamma, sampleNormal, type Rng } from "./random.ts";

/**
 * Simulates one BG/NBD customer per entry of `ages` (T, in model time units) by running the story the
 * model tells: draw λ ~ Gamma(r, α) and p ~ Beta(a, b); wait exponential(λ) times; after each repeat
 * purchase, drop out with probability p. `resolution` rounds purchase times down to a grid (1/7 for days
 * when the unit is weeks), as dated orders would be. Used by tests and benchmarks to check fits against
 * known parameters.
 */
export function simulateBgNbd(
  params: BgNbdParams,
  ages: readonly number[],
  rng: Rng,
  options: { resolution?: number } = {},
): PurchaseHistory[] {
  const resolution = options.resolution ?? 0;
  const round = (t: number): number => (resolution > 0 ? Math.floor(t / resolution) * resolution : t);
  return ages.map((T) => {
    const lambda = sampleGamma(rng, params.r, params.alpha);
    const p = sampleBeta(rng, params.a, params.b);
    let x = 0;
    let tx = 0;
    let t = 0;
    for (;;) {
      t += sampleExponential(rng, lambda);
      if (t > T) break;
      x++;
      tx = t;
      if (rng() < p) break;
    }
    return { x, tx: round(tx), T };
  });
}

/**
 * Simulates Gamma-Gamma mean spends: for each customer with `x` transactions, ν ~ Gamma(q, v) and each
 * transaction's value is Gamma(p, ν), so their mean is Gamma(p·x, ν·x), drawn directly.
 */
export function simulateGammaGamma(params: GammaGammaParams, counts: readonly number[], rng: Rng): SpendHistory[] {
  return counts.map((x) => {
    const nu = sampleGamma(rng, params.q, params.v);
    return { x, meanSpend: sampleGamma(rng, params.p * x, nu * x) };
  });
}

/**
 * Gaussian blobs: `perBlob` points around each centre with the given spread (standard deviation per
 * coordinate), and the index of the blob each point came from. Synthetic data with a known answer for
 * clustering tests and benchmarks.
 */
export function simulateBlobs(
  centres: readonly (readonly number[])[],
  options: { seed: number; spread?: number; perBlob?: number },
): { rows: number[][]; labels: number[] } {
  const rng = createRng(options.seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  centres.forEach((centre, label) => {
    for (let i = 0; i < (options.perBlob ?? 60); i++) {
      rows.push(centre.map((c) => c + (options.spread ?? 0.3) * sampleNormal(rng)));
      labels.push(label);
    }
  });
  return { rows, labels };
}
