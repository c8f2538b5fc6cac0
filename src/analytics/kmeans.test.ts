import { describe, expect, it } from "vitest";
import { applyStandardisation, kMeans, standardise } from "./kmeans.ts";
import { createRng, shuffled } from "./random.ts";
import { simulateBlobs } from "./simulate.ts";

function blobs(centres: number[][], seed: number, spread = 0.3) {
  return simulateBlobs(centres, { seed, spread });
}

/** True when two labelings split the points the same way, whatever the cluster numbers. */
function samePartition(a: readonly number[], b: readonly number[]): boolean {
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  return a.every((x, i) => {
    const y = b[i]!;
    if ((forward.get(x) ?? y) !== y || (backward.get(y) ?? x) !== x) return false;
    forward.set(x, y);
    backward.set(y, x);
    return true;
  });
}

describe("standardise", () => {
  it("gives columns mean 0 and sd 1, and zeros for a constant column", () => {
    const { rows, means, sds } = standardise([
      [1, 10, 7],
      [2, 20, 7],
      [3, 60, 7],
    ]);
    expect(means).toEqual([2, 30, 7]);
    expect(sds[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(sds[2]).toBe(0);
    for (let j = 0; j < 2; j++) {
      const column = rows.map((r) => r[j]!);
      expect(column.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
      expect(column.reduce((s, v) => s + v * v, 0) / 3).toBeCloseTo(1, 12);
    }
    expect(rows.map((r) => r[2])).toEqual([0, 0, 0]);
    expect(applyStandardisation([2, 30, 99], means, sds)).toEqual([0, 0, 0]);
  });
});

describe("kMeans", () => {
  const centres = [[0, 0], [6, 0], [0, 6], [6, 6]];

  it("recovers obviously separated clusters", () => {
    const { rows, labels } = blobs(centres, 1);
    const result = kMeans(rows, 4, { seed: 7 });
    expect(result.converged).toBe(true);
    expect(samePartition(result.assignments, labels)).toBe(true);
    expect(result.sizes).toEqual([60, 60, 60, 60]);
    const expected = [[0, 0], [0, 6], [6, 0], [6, 6]];
    result.centroids.forEach((c, i) => c.forEach((v, j) => expect(Math.abs(v - expected[i]![j]!)).toBeLessThan(0.15)));
  });

  it("gives identical results for the same seed", () => {
    const { rows } = blobs([[0, 0], [1.5, 0], [0, 1.5]], 2, 0.8);
    expect(kMeans(rows, 3, { seed: 11 })).toEqual(kMeans(rows, 3, { seed: 11 }));
  });

  it("finds the same clusters, numbered the same, whatever the order of the rows", () => {
    const { rows } = blobs(centres, 3);
    const order = shuffled(rows.map((_, i) => i), createRng(4));
    const original = kMeans(rows, 4, { seed: 5 });
    const reordered = kMeans(order.map((i) => rows[i]!), 4, { seed: 5 });
    order.forEach((i, position) => expect(reordered.assignments[position]).toBe(original.assignments[i]));
    reordered.centroids.forEach((c, i) => c.forEach((v, j) => expect(v).toBeCloseTo(original.centroids[i]![j]!, 10)));
  });

  it("returns k non-empty clusters despite duplicate points, as long as k points are distinct", () => {
    const rows = [[0, 0], [0, 0], [0, 0], [0, 0], [1, 1], [1, 1], [5, 5]];
    for (const seed of [1, 2, 3, 4]) expect(kMeans(rows, 3, { seed }).sizes).toEqual([4, 2, 1]);
    const tooFewDistinct = kMeans(rows.slice(0, 6), 3, { seed: 1 });
    expect(tooFewDistinct.sizes.reduce((s, v) => s + v, 0)).toBe(6);
    expect(tooFewDistinct.sizes.filter((s) => s === 0)).toHaveLength(1);
  });

  it("ends at a fixed point of Lloyd's iterations on overlapping clusters: nearest centroids, each the mean of its points", () => {
    const { rows } = simulateBlobs([[0, 0, 0], [1, 0.5, 0], [0, 1, 1]], { seed: 8, spread: 0.9, perBlob: 1500 });
    for (const k of [2, 5, 8]) {
      const result = kMeans(rows, k, { seed: 3, tolerance: 0, maxIterations: 500 });
      expect(result.converged).toBe(true);
      const squared = (row: readonly number[], centroid: readonly number[]) => row.reduce((sum, v, j) => sum + (v - centroid[j]!) ** 2, 0);
      rows.forEach((row, i) => {
        const distances = result.centroids.map((centroid) => squared(row, centroid));
        expect(distances[result.assignments[i]!]).toBe(Math.min(...distances));
      });
      result.centroids.forEach((centroid, c) => {
        const members = rows.filter((_, i) => result.assignments[i] === c);
        expect(members.length).toBe(result.sizes[c]);
        centroid.forEach((v, j) => expect(v).toBeCloseTo(members.reduce((sum, row) => sum + row[j]!, 0) / members.length, 9));
      });
    }
  });

  it("refuses a k it cannot honour", () => {
    expect(() => kMeans([[1], [2]], 3, { seed: 1 })).toThrow(RangeError);
    expect(() => kMeans([[1], [Number.NaN]], 1, { seed: 1 })).toThrow(RangeError);
  });
});
