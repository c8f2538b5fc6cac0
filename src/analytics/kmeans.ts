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
  const rng = createRng(options.seed);
  let best: KMeansResult | null = null;
  for (let run = 0; run < (options.runs ?? 4); run++) {
    const result = lloyd(rows, seedCentroids(rows, k, rng), options.maxIterations ?? 100, options.tolerance ?? 1e-6);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return canonicalOrder(best!);
}

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += (a[j]! - b[j]!) ** 2;
  return sum;
}

function nearest(row: readonly number[], centroids: readonly number[][]): { index: number; distance: number } {
  let index = 0;
  let distance = Infinity;
  centroids.forEach((c, i) => {
    const dist = squaredDistance(row, c);
    if (dist < distance) {
      distance = dist;
      index = i;
    }
  });
  return { index, distance };
}

/** k-means++: each next centre is drawn with probability proportional to squared distance from the chosen. */
function seedCentroids(rows: Matrix, k: number, rng: Rng): number[][] {
  const centroids = [rows[randomInt(rng, rows.length)]!.slice()];
  const distances = rows.map((row) => squaredDistance(row, centroids[0]!));
  while (centroids.length < k) {
    const total = distances.reduce((s, v) => s + v, 0);
    let index: number;
    if (total > 0) {
      let target = rng() * total;
      index = 0;
      while (index < rows.length - 1 && (target -= distances[index]!) >= 0) index++;
    } else {
      // Every point coincides with a centre already; any point will do.
      index = randomInt(rng, rows.length);
    }
    const centre = rows[index]!.slice();
    centroids.push(centre);
    rows.forEach((row, i) => (distances[i] = Math.min(distances[i]!, squaredDistance(row, centre))));
  }
  return centroids;
}

function lloyd(rows: Matrix, start: number[][], maxIterations: number, tolerance: number): KMeansResult {
  const k = start.length;
  const d = rows[0]!.length;
  let centroids = start;
  const assignments = new Array<number>(rows.length).fill(0);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    rows.forEach((row, i) => (assignments[i] = nearest(row, centroids).index));
    const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
    const sizes = new Array<number>(k).fill(0);
    rows.forEach((row, i) => {
      const c = assignments[i]!;
      sizes[c]!++;
      for (let j = 0; j < d; j++) sums[c]![j]! += row[j]!;
    });
    const next = sums.map((sum, c) => (sizes[c]! > 0 ? sum.map((v) => v / sizes[c]!) : centroids[c]!.slice()));
    refillEmptyClusters(rows, next, sizes, assignments);
    const shift = Math.max(...next.map((c, i) => Math.sqrt(squaredDistance(c, centroids[i]!))));
    centroids = next;
    if (shift <= tolerance) {
      converged = true;
      break;
    }
  }
  rows.forEach((row, i) => (assignments[i] = nearest(row, centroids).index));
  return summarise(rows, centroids, assignments, iterations, converged);
}

function refillEmptyClusters(rows: Matrix, centroids: number[][], sizes: number[], assignments: number[]): void {
  for (let c = 0; c < centroids.length; c++) {
    if (sizes[c]! > 0) continue;
    let farthest = 0;
    let farthestDistance = -1;
    rows.forEach((row, i) => {
      const dist = squaredDistance(row, centroids[assignments[i]!]!);
      if (dist > farthestDistance && sizes[assignments[i]!]! > 1) {
        farthestDistance = dist;
        farthest = i;
      }
    });
    sizes[assignments[farthest]!]!--;
    assignments[farthest] = c;
    sizes[c] = 1;
    centroids[c] = rows[farthest]!.slice();
  }
}

function summarise(rows: Matrix, centroids: number[][], assignments: number[], iterations: number, converged: boolean): KMeansResult {
  const sizes = new Array<number>(centroids.length).fill(0);
  let inertia = 0;
  rows.forEach((row, i) => {
    sizes[assignments[i]!]!++;
    inertia += squaredDistance(row, centroids[assignments[i]!]!);
  });
  return { k: centroids.length, centroids, assignments, sizes, inertia, iterations, converged };
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
