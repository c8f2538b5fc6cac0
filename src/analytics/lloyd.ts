import type { KMeansResult } from "./kmeans.ts";

/** The rows in one flat array, row-major: the loops below touch no per-row objects. */
export type Points = { n: number; d: number; values: Float64Array };

/** Squared distance from point `i` to centre `c` of a flat centre array, summed over features in order. */
export function squaredDistance(points: Points, i: number, centres: Float64Array, c: number): number {
  const { d, values } = points;
  let sum = 0;
  for (let j = 0, p = i * d, q = c * d; j < d; j++) {
    const difference = values[p + j]! - centres[q + j]!;
    sum += difference * difference;
  }
  return sum;
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
export function lloyd(points: Points, start: Float64Array, maxIterations: number, settled: number): KMeansResult {
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

/** The result of a run: cluster sizes, inertia (squared distances to the assigned centres, summed) and the centroids as rows. */
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
