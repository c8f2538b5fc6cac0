import { describe, expect, it } from "vitest";
import {
  buildTransitionMatrix,
  fmScore,
  isDowngrade,
  quintileScores,
  RFM_SEGMENT_GRID,
  RFM_SEGMENT_RANK,
  RFM_SEGMENT_TABLE,
  RFM_SEGMENTS,
  rfmSegment,
  type RfmSegment,
  type Score,
} from "./rfm.ts";

const SCORES: Score[] = [1, 2, 3, 4, 5];

describe("RFM segment table", () => {
  it("covers every (R, F, M) combination exactly once", () => {
    expect(RFM_SEGMENT_TABLE).toHaveLength(125);
    const keys = new Set(RFM_SEGMENT_TABLE.map(({ r, f, m }) => `${r}${f}${m}`));
    expect(keys.size).toBe(125);
    for (const r of SCORES) for (const f of SCORES) for (const m of SCORES) expect(keys.has(`${r}${f}${m}`)).toBe(true);
  });

  it("reaches all eleven segments and agrees with rfmSegment", () => {
    expect(new Set(RFM_SEGMENT_TABLE.map((row) => row.segment))).toEqual(new Set(RFM_SEGMENTS));
    for (const row of RFM_SEGMENT_TABLE) expect(rfmSegment(row.r, row.f, row.m)).toBe(row.segment);
  });

  it("places textbook customers where expected", () => {
    expect(rfmSegment(5, 5, 5)).toBe("Champions");
    expect(rfmSegment(5, 1, 1)).toBe("New");
    expect(rfmSegment(4, 1, 2)).toBe("Promising");
    expect(rfmSegment(1, 5, 5)).toBe("Cannot lose them");
    expect(rfmSegment(1, 1, 1)).toBe("Lost");
    expect(rfmSegment(2, 2, 1)).toBe("Hibernating");
    expect(rfmSegment(3, 3, 3)).toBe("Needs attention");
    // FM rounds down: F = 5, M = 2 averages 3.5, which is FM 3.
    expect(fmScore(5, 2)).toBe(3);
    expect(rfmSegment(5, 5, 2)).toBe("Potential loyalists");
  });

  it("ranks a cell no lower than any cell it dominates in both R and FM", () => {
    for (const r1 of SCORES) for (const fm1 of SCORES) for (const r2 of SCORES) for (const fm2 of SCORES) {
      if (r1 >= r2 && fm1 >= fm2) {
        const better = RFM_SEGMENT_GRID[r1 - 1]![fm1 - 1]!;
        const worse = RFM_SEGMENT_GRID[r2 - 1]![fm2 - 1]!;
        expect(RFM_SEGMENT_RANK[better]).toBeLessThanOrEqual(RFM_SEGMENT_RANK[worse]);
      }
    }
  });
});

describe("isDowngrade", () => {
  it("follows the documented rank order", () => {
    expect(isDowngrade("Champions", "At risk")).toBe(true);
    expect(isDowngrade("At risk", "Champions")).toBe(false);
    expect(isDowngrade("Cannot lose them", "Hibernating")).toBe(true);
    expect(isDowngrade("New", "Promising")).toBe(true);
    expect(isDowngrade("Loyal", "Loyal")).toBe(false);
  });
});

describe("quintileScores", () => {
  it("gives the top fifth 5 and the bottom fifth 1, sharing scores among ties", () => {
    expect(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([7, 7, 7, 7])).toEqual([1, 1, 1, 1]);
    expect(quintileScores([1, 1, 2, 2, 3])).toEqual([1, 1, 3, 3, 5]);
  });

  it("turns around for recency, where fewer days is better", () => {
    expect(quintileScores([3, 300, 30, 90, 9], "lower-is-better")).toEqual([5, 1, 3, 2, 4]);
  });
});

describe("buildTransitionMatrix", () => {
  it("counts moves, arrivals, departures, upgrades and downgrades", () => {
    const before = new Map<string, RfmSegment>([
      ["a", "Champions"],
      ["b", "Champions"],
      ["c", "At risk"],
      ["d", "New"],
      ["e", "Lost"],
    ]);
    const after = new Map<string, RfmSegment>([
      ["a", "Champions"],
      ["b", "At risk"],
      ["c", "Loyal"],
      ["d", "Promising"],
      ["f", "New"],
    ]);
    const matrix = buildTransitionMatrix(before, after);
    expect(matrix.counts.Champions.Champions).toBe(1);
    expect(matrix.counts.Champions["At risk"]).toBe(1);
    expect(matrix.counts["At risk"].Loyal).toBe(1);
    expect(matrix.counts.New.Promising).toBe(1);
    const total = RFM_SEGMENTS.reduce((sum, from) => sum + RFM_SEGMENTS.reduce((s, to) => s + matrix.counts[from][to], 0), 0);
    expect(total).toBe(4);
    expect(matrix.left.Lost).toBe(1);
    expect(matrix.entered.New).toBe(1);
    expect(matrix.downgrades).toBe(2);
    expect(matrix.upgrades).toBe(1);
  });
});
