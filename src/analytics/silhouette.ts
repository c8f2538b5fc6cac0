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
  const sampleSize = options.sampleSize ?? 1000;
  let indices = rows.map((_, i) => i);
  if (indices.length > sampleSize) indices = shuffled(indices, createRng(options.seed ?? 1)).slice(0, sampleSize);
  const labels = indices.map((i) => assignments[i]!);
  const clusters = [...new Set(labels)];
  if (clusters.length < 2) return Number.NaN;
  const slot = new Map(clusters.map((c, i) => [c, i]));
  const slots = labels.map((label) => slot.get(label)!);
  const counts = new Array<number>(clusters.length).fill(0);
  for (const s of slots) counts[s]!++;

  let total = 0;
  const sums = new Array<number>(clusters.length);
  for (let p = 0; p < indices.length; p++) {
    sums.fill(0);
    const row = rows[indices[p]!]!;
    for (let q = 0; q < indices.length; q++) {
      if (q !== p) sums[slots[q]!]! += distance(row, rows[indices[q]!]!);
    }
    const own = slots[p]!;
    if (counts[own]! < 2) continue;
    const a = sums[own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < clusters.length; c++) if (c !== own) b = Math.min(b, sums[c]! / counts[c]!);
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / indices.length;
}

function distance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += (a[j]! - b[j]!) ** 2;
  return Math.sqrt(sum);
}
