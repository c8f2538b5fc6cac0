import type { Matrix } from "./kmeans.ts";
import { createRng, shuffled } from "./random.ts";

/** Options for `silhouetteScore`: at most `sampleSize` rows are scored, chosen by `seed`. */
export interface SilhouetteOptions {
  sampleSize?: number;
  seed?: number;
}

/**
 * The mean silhouette (Rousseeuw 1987) of a clustering: for each point, (b − a) / max(a, b), where a is its
 * mean distance to the rest of its cluster and b its mean distance to the nearest other cluster. It costs
 * O(n²), so above `sampleSize` rows (default 1,000) it is computed on a seeded random sample, distances
 * within the sample only, as scikit-learn does. A point alone in its cluster scores 0. NaN when fewer than
 * two clusters are present in the sample.
 */
export function silhouetteScore(rows: Matrix, assignments: readonly number[], options: SilhouetteOptions = {}): number {
  return silhouetteScorer(rows, options)(assignments);
}

/**
 * `silhouetteScore` for several clusterings of the same rows: the sample and its pairwise distances
 * are drawn and computed once, and each clustering passed to the returned function is scored on them.
 */
export function silhouetteScorer(rows: Matrix, options: SilhouetteOptions = {}): (assignments: readonly number[]) => number {
  const sampleSize = options.sampleSize ?? 1000;
  let indices = rows.map((_, i) => i);
  if (indices.length > sampleSize) indices = shuffled(indices, createRng(options.seed ?? 1)).slice(0, sampleSize);
  const m = indices.length;
  // The upper triangle, row by row: the distance between p < q is at (p, q).
  const distances = new Float64Array((m * (m - 1)) / 2);
  const rowStart = (p: number) => p * m - (p * (p + 1)) / 2 - p - 1;
  for (let p = 0; p < m; p++) {
    const row = rows[indices[p]!]!;
    const start = rowStart(p);
    for (let q = p + 1; q < m; q++) distances[start + q] = distance(row, rows[indices[q]!]!);
  }
  return (assignments) => {
    const labels = indices.map((i) => assignments[i]!);
    const clusters = [...new Set(labels)];
    if (clusters.length < 2) return Number.NaN;
    const slot = new Map(clusters.map((c, i) => [c, i]));
    const slots = labels.map((label) => slot.get(label)!);
    const counts = new Array<number>(clusters.length).fill(0);
    for (const s of slots) counts[s]!++;

    let total = 0;
    const sums = new Float64Array(clusters.length);
    for (let p = 0; p < m; p++) {
      const own = slots[p]!;
      if (counts[own]! < 2) continue;
      sums.fill(0);
      for (let q = 0; q < p; q++) sums[slots[q]!]! += distances[rowStart(q) + p]!;
      const start = rowStart(p);
      for (let q = p + 1; q < m; q++) sums[slots[q]!]! += distances[start + q]!;
      const a = sums[own]! / (counts[own]! - 1);
      let b = Infinity;
      for (let c = 0; c < clusters.length; c++) if (c !== own) b = Math.min(b, sums[c]! / counts[c]!);
      const denominator = Math.max(a, b);
      total += denominator > 0 ? (b - a) / denominator : 0;
    }
    return total / m;
  };
}

function distance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += (a[j]! - b[j]!) ** 2;
  return Math.sqrt(sum);
}
