import { createRng, randomInt, type Rng } from "./random.ts";

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

/** Options for `kMeans`: the seed fixes the result; `runs` seeds that many times and keeps the best. */
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
 * k-means: k-means++ seeding (Arthur and Vassilvitskii 2007) from the seeded generator, then Lloyd
 * iterations until no centroid moves more than `tolerance` or `maxIterations` pass. Repeated `runs` times
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
  for (let run = 0; run < (options.runs ?? 4); run++) {
    const result = lloyd(points, seedCentroids(points, k, rng), options.maxIterations ?? 100, options.tolerance ?? 1e-6);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return canonicalOrder(best!);
}

/** The rows in one flat array, row-major: the loops below touch no per-row objects. */
type Points = { n: number; d: number; values: Float64Array };

/** Squared distance from point `i` to centre `c` of a flat centre array, summed over features in order. */
function squaredDistance(points: Points, i: number, centres: Float64Array, c: number): number {
  const { d, values } = points;
  let sum = 0;
  for (let j = 0, p = i * d, q = c * d; j < d; j++) sum += (values[p + j]! - centres[q + j]!) ** 2;
  return sum;
}

/** The nearest of `k` centres to point `i`, the first on a tie. */
function nearest(points: Points, i: number, centres: Float64Array, k: number): number {
  let index = 0;
  let distance = Infinity;
  for (let c = 0; c < k; c++) {
    const dist = squaredDistance(points, i, centres, c);
    if (dist < distance) {
      distance = dist;
      index = c;
    }
  }
  return index;
}

/** k-means++: each next centre is drawn with probability proportional to squared distance from the chosen. */
function seedCentroids(points: Points, k: number, rng: Rng): Float64Array {
  const { n, d, values } = points;
  const centres = new Float64Array(k * d);
  const first = randomInt(rng, n);
  centres.set(values.subarray(first * d, first * d + d), 0);
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = squaredDistance(points, i, centres, 0);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += distances[i]!;
    let index: number;
    if (total > 0) {
      let target = rng() * total;
      index = 0;
      while (index < n - 1 && (target -= distances[index]!) >= 0) index++;
    } else {
      // Every point coincides with a centre already; any point will do.
      index = randomInt(rng, n);
    }
    centres.set(values.subarray(index * d, index * d + d), c * d);
    for (let i = 0; i < n; i++) distances[i] = Math.min(distances[i]!, squaredDistance(points, i, centres, c));
  }
  return centres;
}

function lloyd(points: Points, start: Float64Array, maxIterations: number, tolerance: number): KMeansResult {
  const { n, d, values } = points;
  const k = start.length / d;
  let centres = start;
  const assignments = new Int32Array(n);
  const sizes = new Float64Array(k);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) assignments[i] = nearest(points, i, centres, k);
    const sums = new Float64Array(k * d);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i]!;
      sizes[c]!++;
      for (let j = 0; j < d; j++) sums[c * d + j]! += values[i * d + j]!;
    }
    const next = new Float64Array(k * d);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) next[c * d + j] = sizes[c]! > 0 ? sums[c * d + j]! / sizes[c]! : centres[c * d + j]!;
    }
    refillEmptyClusters(points, next, sizes, assignments);
    let shift = -Infinity;
    for (let c = 0; c < k; c++) {
      let moved = 0;
      for (let j = 0; j < d; j++) moved += (next[c * d + j]! - centres[c * d + j]!) ** 2;
      shift = Math.max(shift, Math.sqrt(moved));
    }
    centres = next;
    if (shift <= tolerance) {
      converged = true;
      break;
    }
  }
  for (let i = 0; i < n; i++) assignments[i] = nearest(points, i, centres, k);
  return summarise(points, centres, assignments, iterations, converged);
}

function refillEmptyClusters(points: Points, centres: Float64Array, sizes: Float64Array, assignments: Int32Array): void {
  const { n, d, values } = points;
  for (let c = 0; c < sizes.length; c++) {
    if (sizes[c]! > 0) continue;
    let farthest = 0;
    let farthestDistance = -1;
    for (let i = 0; i < n; i++) {
      const dist = squaredDistance(points, i, centres, assignments[i]!);
      if (dist > farthestDistance && sizes[assignments[i]!]! > 1) {
        farthestDistance = dist;
        farthest = i;
      }
    }
    sizes[assignments[farthest]!]!--;
    assignments[farthest] = c;
    sizes[c] = 1;
    centres.set(values.subarray(farthest * d, farthest * d + d), c * d);
  }
}

function summarise(points: Points, centres: Float64Array, assignments: Int32Array, iterations: number, converged: boolean): KMeansResult {
  const { n, d } = points;
  const k = centres.length / d;
  const sizes = new Array<number>(k).fill(0);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    sizes[assignments[i]!]!++;
    inertia += squaredDistance(points, i, centres, assignments[i]!);
  }
  const centroids = Array.from({ length: k }, (_, c) => Array.from(centres.subarray(c * d, c * d + d)));
  return { k, centroids, assignments: Array.from(assignments), sizes, inertia, iterations, converged };
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
