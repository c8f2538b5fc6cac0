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

/**
 * Options for `kMeans`: the seed fixes the result; `runs` seeds that many times and keeps the best.
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
 * k-means: k-means++ seeding (Arthur and Vassilvitskii 2007) from the seeded generator, then Lloyd
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
  for (let run = 0; run < (options.runs ?? 4); run++) {
    const result = lloyd(points, seedCentroids(points, k, rng), options.maxIterations ?? 100, (options.tolerance ?? 1e-4) * meanVariance(points));
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return canonicalOrder(best!);
}

/** The rows in one flat array, row-major: the loops below touch no per-row objects. */
type Points = { n: number; d: number; values: Float64Array };

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

/** Squared distance from point `i` to centre `c` of a flat centre array, summed over features in order. */
function squaredDistance(points: Points, i: number, centres: Float64Array, c: number): number {
  const { d, values } = points;
  let sum = 0;
  for (let j = 0, p = i * d, q = c * d; j < d; j++) {
    const difference = values[p + j]! - centres[q + j]!;
    sum += difference * difference;
  }
  return sum;
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

/** Per point, bounds on its distances to centres, kept across iterations (Hamerly 2010). */
type Bounds = { upper: Float64Array; lower: Float64Array };

/**
 * Lloyd iterations with Hamerly's bounds: each point keeps an upper bound on the distance to its
 * centre and a lower bound on the distance to every other, both moved by how far the centres move,
 * so most points skip the search over all centres. A point is skipped only when its centre is
 * strictly the nearest, so the assignments are those of plain Lloyd iterations. The clusters' sums
 * and sizes follow the points that change cluster, and are counted afresh after a refill.
 */
function lloyd(points: Points, start: Float64Array, maxIterations: number, settled: number): KMeansResult {
  const { n, d, values } = points;
  const k = start.length / d;
  let centres = start;
  const assignments = new Int32Array(n);
  const bounds: Bounds = { upper: new Float64Array(n), lower: new Float64Array(n) };
  const sizes = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const moved = new Float64Array(k);
  for (let i = 0; i < n; i++) searchAll(points, i, centres, k, assignments, bounds);
  let recount = true;
  let converged = false;
  let iterations = 0;
  const follow = (i: number, from: number, to: number) => {
    if (recount) return;
    sizes[from]!--;
    sizes[to]!++;
    for (let j = 0; j < d; j++) {
      sums[from * d + j]! -= values[i * d + j]!;
      sums[to * d + j]! += values[i * d + j]!;
    }
  };
  while (iterations < maxIterations) {
    iterations++;
    if (iterations > 1) reassign(points, centres, assignments, bounds, follow);
    if (recount) {
      sums.fill(0);
      sizes.fill(0);
      for (let i = 0; i < n; i++) {
        const c = assignments[i]!;
        sizes[c]!++;
        for (let j = 0; j < d; j++) sums[c * d + j]! += values[i * d + j]!;
      }
      recount = false;
    }
    const next = new Float64Array(k * d);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) next[c * d + j] = sizes[c]! > 0 ? sums[c * d + j]! / sizes[c]! : centres[c * d + j]!;
    }
    if (refillEmptyClusters(points, next, sizes, assignments)) {
      // A refilled cluster took a point from another: every bound and sum starts again.
      bounds.upper.fill(Infinity);
      bounds.lower.fill(0);
      recount = true;
    }
    let squaredShifts = 0;
    for (let c = 0; c < k; c++) {
      let squared = 0;
      for (let j = 0; j < d; j++) squared += (next[c * d + j]! - centres[c * d + j]!) ** 2;
      squaredShifts += squared;
      moved[c] = Math.sqrt(squared);
    }
    centres = next;
    if (!recount) moveBounds(assignments, bounds, moved);
    if (squaredShifts <= settled) {
      converged = true;
      break;
    }
  }
  reassign(points, centres, assignments, bounds, () => {});
  return summarise(points, centres, assignments, iterations, converged);
}

/** Moves each point to its nearest centre, searching all centres only where the bounds do not rule the others out. */
function reassign(points: Points, centres: Float64Array, assignments: Int32Array, bounds: Bounds, follow: (i: number, from: number, to: number) => void): void {
  const { n, d } = points;
  const k = centres.length / d;
  const { upper, lower } = bounds;
  const separation = halfDistanceToNearestCentre(centres, k, d);
  for (let i = 0; i < n; i++) {
    const a = assignments[i]!;
    const bound = Math.max(separation[a]!, lower[i]!);
    if (upper[i]! < bound) continue;
    upper[i] = Math.sqrt(squaredDistance(points, i, centres, a));
    if (upper[i]! < bound) continue;
    searchAll(points, i, centres, k, assignments, bounds);
    if (assignments[i] !== a) follow(i, a, assignments[i]!);
  }
}

/** After the centres moved: a point's own centre is at most its move farther, every other at most the largest other move nearer. */
function moveBounds(assignments: Int32Array, bounds: Bounds, moved: Float64Array): void {
  let largest = -Infinity;
  let second = -Infinity;
  for (const move of moved) {
    if (move > largest) [second, largest] = [largest, move];
    else if (move > second) second = move;
  }
  const { upper, lower } = bounds;
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i]!;
    upper[i]! += moved[a]!;
    lower[i]! -= moved[a] === largest ? second : largest;
  }
}

/** Assigns point `i` to the nearest centre (the first on a tie) and sets its bounds exactly. */
function searchAll(points: Points, i: number, centres: Float64Array, k: number, assignments: Int32Array, bounds: Bounds): void {
  let index = 0;
  let nearestDistance = Infinity;
  let secondDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const dist = squaredDistance(points, i, centres, c);
    if (dist < nearestDistance) {
      secondDistance = nearestDistance;
      nearestDistance = dist;
      index = c;
    } else if (dist < secondDistance) {
      secondDistance = dist;
    }
  }
  assignments[i] = index;
  bounds.upper[i] = Math.sqrt(nearestDistance);
  bounds.lower[i] = Math.sqrt(secondDistance);
}

/** Half the distance from each centre to its nearest other centre: a point closer than that to its centre cannot be nearer another. */
function halfDistanceToNearestCentre(centres: Float64Array, k: number, d: number): Float64Array {
  const into = new Float64Array(k).fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let squared = 0;
      for (let j = 0; j < d; j++) squared += (centres[a * d + j]! - centres[b * d + j]!) ** 2;
      const half = Math.sqrt(squared) / 2;
      if (half < into[a]!) into[a] = half;
      if (half < into[b]!) into[b] = half;
    }
  }
  return into;
}

/** Moves each empty cluster's centre to the point farthest from its own centre; true when any was empty. */
function refillEmptyClusters(points: Points, centres: Float64Array, sizes: Float64Array, assignments: Int32Array): boolean {
  const { n, d, values } = points;
  let refilled = false;
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
    refilled = true;
  }
  return refilled;
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
