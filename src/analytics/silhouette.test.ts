import { describe, expect, it } from "vitest";
import { chooseK } from "./choose-k.ts";
import { silhouetteScore, silhouetteScorer } from "./silhouette.ts";
import { simulateBlobs } from "./simulate.ts";

function blobs(centres: number[][], seed: number, spread: number) {
  return simulateBlobs(centres, { seed, spread });
}

describe("silhouetteScore", () => {
  it("matches a silhouette worked by hand", () => {
    // Points 0, 1 in cluster A and 4 in cluster B on a line.
    // 0: a = 1, b = 4 → 3/4. 1: a = 1, b = 3 → 2/3. 4: alone in B → 0. Mean = (3/4 + 2/3) / 3.
    expect(silhouetteScore([[0], [1], [4]], [0, 0, 1])).toBeCloseTo((3 / 4 + 2 / 3) / 3, 14);
  });

  it("is near 1 for tight, distant clusters and NaN for a single cluster", () => {
    const { rows, labels } = blobs([[0, 0], [10, 10]], 1, 0.2);
    expect(silhouetteScore(rows, labels)).toBeGreaterThan(0.9);
    expect(silhouetteScore(rows, labels.map(() => 0))).toBeNaN();
  });

  it("scores a seeded sample reproducibly", () => {
    const { rows, labels } = blobs([[0, 0], [3, 0], [0, 3]], 2, 1);
    const sampled = silhouetteScore(rows, labels, { sampleSize: 50, seed: 9 });
    expect(silhouetteScore(rows, labels, { sampleSize: 50, seed: 9 })).toBe(sampled);
    expect(Math.abs(sampled - silhouetteScore(rows, labels))).toBeLessThan(0.15);
  });

  it("scores several clusterings of the same rows on one sample, each as silhouetteScore does", () => {
    const { rows, labels } = blobs([[0, 0], [3, 0], [0, 3]], 4, 1);
    const scorer = silhouetteScorer(rows, { sampleSize: 60, seed: 5 });
    for (const clustering of [labels, labels.map((label) => label % 2), rows.map((row) => (row[0]! > 1 ? 1 : row[1]! > 1 ? 2 : 0))]) {
      expect(scorer(clustering)).toBe(silhouetteScore(rows, clustering, { sampleSize: 60, seed: 5 }));
    }
  });
});

describe("chooseK", () => {
  it("picks the number of well-separated blobs", () => {
    for (const centres of [
      [[0, 0], [8, 0], [4, 7]],
      [[0, 0, 0], [8, 0, 0], [0, 8, 0], [0, 0, 8], [8, 8, 8]],
    ]) {
      const { rows } = blobs(centres, 3, 0.6);
      const chosen = chooseK(rows, { min: 2, max: 8, seed: 1, sampleSize: 200 });
      expect(chosen.status).toBe("ok");
      if (chosen.status === "ok") {
        expect(chosen.k).toBe(centres.length);
        expect(chosen.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      }
    }
  });

  it("says there is not enough data to form even the smallest number of clusters", () => {
    expect(chooseK([[0], [1], [2], [3]], { min: 2, max: 4, seed: 1 })).toMatchObject({ status: "insufficient" });
  });
});
