import { createRng, randomInt, type Rng } from "./random.ts";
import { lloyd, squaredDistance, type Points } from "./lloyd.ts";

/** Rows of numeric features, one row per customer, all rows the same length. */
export type Matrix = readonly (readonly number[])[];

/** Standardised rows and the column means and standard deviations used, to standardise new rows alike. */
export interface Standardised {
  rows: number[][];
  means: number[];
  sds: number[];
}

/**
 * z-scores per column, (value − mean) / sd with the population standard deviation, so that k-means weighs
 * features measured in days, counts and money equally. A constant column carries no information and would
 * divide by zero; it becomes all zeros (its sd is reported as 0).
 */
export function standardise(rows: Matrix): Standardised {
  const n = rows.length;
  const d = n > 0 ? rows[0]!.length : 0;
  const means = new Array<number>(d).fill(0);
  const sds = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j++) means[j]! += row[j]! / n;
  for (const row of rows) for (let j = 0; j < d; j++) sds[j]! += (row[j]! - means[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) {
    const sd = Math.sqrt(sds[j]!);
    // Below this the column is constant up to rounding in the mean.
    sds[j] = sd > 1e-12 * (1 + Math.abs(means[j]!)) ? sd : 0;
  }
  return { rows: rows.map((row) => applyStandardisation(row, means, sds)), means, sds };
}

/** Standardises one row with means and sds from `standardise`; constant columns map to 0. */
export function applyStandardisation(row: readonly number[], means: readonly number[], sds: readonly number[]): number[] {
  return row.map((v, j) => (sds[j]! > 0 ? (v - means[j]!) / sds[j]! : 0));
}

/**
 * Options for `kMeans`: the seed fixes the result; `runs` (default 1, as scikit-learn's n_init for
 * greedy k-means++) seeds that many times and keeps the best.
 * Iterations stop when the centroids' squared moves, summed, fall to `tolerance` times the mean
 * variance of the features (scikit-learn's rule; default 1e-4), or after `maxIterations` (default 100).
 */
export interface KMeansOptions {
  seed: number;
  maxIterations?: number;
  tolerance?: number;
  runs?: number;
}

/**
 * A clustering. Clusters are numbered in lexicographic order of their centroids, so the numbering does not
 * depend on the order of the input rows or on which run won. `inertia` is the sum of squared distances to
 * the assigned centroids.
 */
export interface KMeansResult {
  k: number;
  centroids: number[][];
  assignments: number[];
  sizes: number[];
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * k-means: greedy k-means++ seeding (see `seedCentroids`) from the seeded generator, then Lloyd
 * iterations until the centroids settle (see `KMeansOptions`). Repeated `runs` times
 * from one random stream; the lowest inertia wins. The same rows and seed always give the same result.
 * An empty cluster is refilled with the point farthest from its centroid, so k non-empty clusters come back
 * whenever the rows hold at least k distinct points; with fewer, the surplus clusters end empty (size 0).
 */
export function kMeans(rows: Matrix, k: number, options: KMeansOptions): KMeansResult {
  const n = rows.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer in [1, ${n}], got ${k}`);
  const d = rows[0]!.length;
  for (const row of rows) {
    if (row.length !== d || !row.every(Number.isFinite)) throw new RangeError("k-means needs finite rows of equal length");
  }
  const points: Points = { n, d, values: new Float64Array(n * d) };
  rows.forEach((row, i) => points.values.set(row, i * d));
  const rng = createRng(options.seed);
  let best: KMeansResult | null = null;
  for (let run = 0; run < (options.runs ?? 1); run++) {
    const result = lloyd(points, seedCentroids(points, k, rng), options.maxIterations ?? 100, (options.tolerance ?? 1e-4) * meanVariance(points));
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return canonicalOrder(best!);
}

/** The features' variances, averaged: the scale of a centroid's move that counts as settled. */
function meanVariance(points: Points): number {
  const { n, d, values } = points;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      sum += values[i * d + j]!;
      squares += values[i * d + j]! ** 2;
    }
    total += Math.max(0, squares / n - (sum / n) ** 2);
  }
  return total / d;
}

/**
 * Greedy k-means++ (Arthur and Vassilvitskii 2007; the greedy variant scikit-learn uses): each next
 * centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability proportional to squared
 * distance from the centres chosen, best meaning the lowest total squared distance once it is added.
 */
function seedCentroids(points: Points, k: number, rng: Rng): Float64Array {
  const { n, d, values } = points;
  const trials = 2 + Math.floor(Math.log(k));
  const centres = new Float64Array(k * d);
  const first = randomInt(rng, n);
  centres.set(values.subarray(first * d, first * d + d), 0);
  let distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = squaredDistance(points, i, centres, 0);
  const cumulative = new Float64Array(n);
  let candidate = new Float64Array(n);
  let chosen = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) cumulative[i] = total += distances[i]!;
    let bestPotential = Infinity;
    let bestIndex = 0;
    for (let trial = 0; trial < trials; trial++) {
      // With every point on a centre already, any point will do.
      const index = total > 0 ? Math.min(n - 1, upperBound(cumulative, rng() * total)) : randomInt(rng, n);
      centres.set(values.subarray(index * d, index * d + d), c * d);
      let potential = 0;
      for (let i = 0; i < n; i++) potential += candidate[i] = Math.min(distances[i]!, squaredDistance(points, i, centres, c));
      if (potential < bestPotential) {
        [bestPotential, bestIndex] = [potential, index];
        [chosen, candidate] = [candidate, chosen];
      }
    }
    centres.set(values.subarray(bestIndex * d, bestIndex * d + d), c * d);
    [distances, chosen] = [chosen, distances];
  }
  return centres;
}

/** The first index whose cumulative value exceeds `target`. */
function upperBound(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function canonicalOrder(result: KMeansResult): KMeansResult {
  const order = result.centroids.map((_, i) => i);
  order.sort((p, q) => {
    const a = result.centroids[p]!;
    const b = result.centroids[q]!;
    for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
    return p - q;
  });
  const newIndex = new Array<number>(order.length);
  order.forEach((old, i) => (newIndex[old] = i));
  return {
    ...result,
    centroids: order.map((i) => result.centroids[i]!),
    sizes: order.map((i) => result.sizes[i]!),
    assignments: result.assignments.map((c) => newIndex[c]!),
  };
}
