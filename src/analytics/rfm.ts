/** The eleven RFM segments, listed from the best state to the worst (see `RFM_SEGMENT_RANK`). */
export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential loyalists",
  "Needs attention",
  "New",
  "Promising",
  "About to sleep",
  "Cannot lose them",
  "At risk",
  "Hibernating",
  "Lost",
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** A score from 1 (worst fifth) to 5 (best fifth); recency scores 5 for the most recent buyers. */
export type Score = 1 | 2 | 3 | 4 | 5;

/**
 * The R-versus-FM grid: rows are the recency score R (index 0 is R = 1), columns the FM score (index 0 is
 * FM = 1), where FM = ⌊(F + M) / 2⌋, the mean of the frequency and monetary scores rounded down so that a
 * half step never promotes anyone. This is the widely used 10-segment R-versus-F grid read with FM on the
 * second axis, with its "Hibernating" block split so that the longest-lapsed low-value customers (R = 1)
 * are "Lost".
 */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  ["Lost", "Lost", "At risk", "At risk", "Cannot lose them"],
  ["Hibernating", "Hibernating", "At risk", "At risk", "Cannot lose them"],
  ["About to sleep", "About to sleep", "Needs attention", "Loyal", "Loyal"],
  ["Promising", "Potential loyalists", "Potential loyalists", "Loyal", "Loyal"],
  ["New", "Potential loyalists", "Potential loyalists", "Champions", "Champions"],
];

/** The FM score used on the grid's second axis: the mean of F and M, rounded down. */
export function fmScore(f: Score, m: Score): Score {
  return Math.floor((f + m) / 2) as Score;
}

/** The segment for one customer's R, F and M scores. */
export function rfmSegment(r: Score, f: Score, m: Score): RfmSegment {
  return RFM_SEGMENT_GRID[r - 1]![fmScore(f, m) - 1]!;
}

/** One row of the full lookup table. */
export interface RfmTableRow {
  r: Score;
  f: Score;
  m: Score;
  segment: RfmSegment;
}

/**
 * All 125 (R, F, M) combinations with their segment, generated from the grid: the form to document, or to
 * load into SQL as a lookup table so the database and this code cannot disagree.
 */
export const RFM_SEGMENT_TABLE: readonly RfmTableRow[] = (() => {
  const scores: Score[] = [1, 2, 3, 4, 5];
  return scores.flatMap((r) => scores.flatMap((f) => scores.map((m) => ({ r, f, m, segment: rfmSegment(r, f, m) }))));
})();

/**
 * Rank of each segment, 1 = best, in the order of `RFM_SEGMENTS`: segments of recent buyers (R ≥ 3) above
 * those of lapsed ones (R ≤ 2), and within each group by value (FM), then recency. The property relied on:
 * a grid cell never ranks below a cell whose R and FM are both no higher, so a pure loss of recency or of
 * value is always a downgrade.
 */
export const RFM_SEGMENT_RANK: Readonly<Record<RfmSegment, number>> = Object.fromEntries(
  RFM_SEGMENTS.map((segment, i) => [segment, i + 1]),
) as Record<RfmSegment, number>;

/** True when moving from `from` to `to` is a move down the documented rank order. */
export function isDowngrade(from: RfmSegment, to: RfmSegment): boolean {
  return RFM_SEGMENT_RANK[to] > RFM_SEGMENT_RANK[from];
}

/** Which way a metric's good end lies: recency in days is better when lower. */
export type Direction = "higher-is-better" | "lower-is-better";

/**
 * Quintile scores 1–5 for a column of values, ties sharing a score: the score is 1 + ⌊5 · (values strictly
 * worse) / n⌋, so the best fifth scores 5. In SQL the same is
 * `1 + floor(5 * (rank() over (order by v [desc for lower-is-better]) - 1) / count(*) over ())`, which is
 * what the database does at scale; this helper serves tests and small data.
 */
export function quintileScores(values: readonly number[], direction: Direction = "higher-is-better"): Score[] {
  const n = values.length;
  const signed = values.map((v) => (direction === "higher-is-better" ? v : -v));
  const sorted = signed.slice().sort((a, b) => a - b);
  return signed.map((v) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return (1 + Math.floor((5 * lo) / n)) as Score;
  });
}

/** Segment counts between two runs: `counts[from][to]`, plus customers who appear in only one run. */
export interface TransitionMatrix {
  segments: readonly RfmSegment[];
  counts: Record<RfmSegment, Record<RfmSegment, number>>;
  entered: Record<RfmSegment, number>;
  left: Record<RfmSegment, number>;
  downgrades: number;
  upgrades: number;
}

/**
 * Counts how customers moved between segments from one run to the next. Customers only in the later run
 * count as `entered` into their segment, those only in the earlier one as `left` from theirs; moves are also
 * totalled as upgrades and downgrades by `isDowngrade`.
 */
export function buildTransitionMatrix(
  before: ReadonlyMap<string, RfmSegment>,
  after: ReadonlyMap<string, RfmSegment>,
): TransitionMatrix {
  const zeros = (): Record<RfmSegment, number> =>
    Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<RfmSegment, number>;
  const counts = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, zeros()])) as Record<RfmSegment, Record<RfmSegment, number>>;
  const entered = zeros();
  const left = zeros();
  let downgrades = 0;
  let upgrades = 0;
  for (const [id, from] of before) {
    const to = after.get(id);
    if (to === undefined) {
      left[from]++;
      continue;
    }
    counts[from][to]++;
    if (isDowngrade(from, to)) downgrades++;
    else if (isDowngrade(to, from)) upgrades++;
  }
  for (const [id, to] of after) if (!before.has(id)) entered[to]++;
  return { segments: RFM_SEGMENTS, counts, entered, left, downgrades, upgrades };
}
