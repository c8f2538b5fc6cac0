import type { Score } from "./run-model.ts";

export type GridCell = { r: number; f: number; customers: number; meanMonetaryMinor: number };

/** Customers per recency x frequency score cell (1-5 each), with the cell's average spend. */
export function rfmGrid(scores: readonly Pick<Score, "r" | "f" | "monetaryMinor">[]): GridCell[] {
  const cells = new Map<string, { r: number; f: number; customers: number; spend: number }>();
  for (const score of scores) {
    const key = `${score.r}:${score.f}`;
    const cell = cells.get(key) ?? { r: score.r, f: score.f, customers: 0, spend: 0 };
    cell.customers++;
    cell.spend += score.monetaryMinor;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .sort((a, b) => b.r - a.r || a.f - b.f)
    .map(({ r, f, customers, spend }) => ({ r, f, customers, meanMonetaryMinor: Math.round(spend / customers) }));
}

export type Bin = { from: number; to: number; count: number };

/** Equal-width bins from the lowest value to the 99th percentile; the top one gathers the tail, so one whale does not flatten the rest. */
export function histogram(values: readonly number[], bins = 20): Bin[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const low = sorted[0]!;
  const high = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
  const width = high > low ? (high - low) / bins : 1;
  const result = Array.from({ length: high > low ? bins : 1 }, (_, i) => ({ from: low + i * width, to: low + (i + 1) * width, count: 0 }));
  for (const value of sorted) result[Math.min(result.length - 1, Math.max(0, Math.floor((value - low) / width)))]!.count++;
  result[result.length - 1]!.to = Math.max(result[result.length - 1]!.to, sorted.at(-1)!);
  return result;
}

/** Pearson's correlation coefficient, or null with fewer than three pairs or no spread. */
export function pearson(pairs: readonly [number, number][]): number | null {
  const n = pairs.length;
  if (n < 3) return null;
  const mx = pairs.reduce((sum, [x]) => sum + x, 0) / n;
  const my = pairs.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** The top `n` items by a value, nulls left out. */
export function topBy<T>(items: readonly T[], value: (item: T) => number | null, n: number): T[] {
  return items.filter((item) => value(item) !== null).sort((a, b) => value(b)! - value(a)!).slice(0, n);
}

/** The features the run clusters on (src/segments/stages/cluster.ts), as far as the scores carry them: tenure is not in them. */
export function clusterFeatures(score: Pick<Score, "recencyDays" | "orders" | "monetaryMinor">): number[] {
  const spend = Math.max(0, score.monetaryMinor);
  return [Math.log1p(score.recencyDays), Math.log1p(score.orders), Math.log1p(spend), Math.log1p(spend / Math.max(1, score.orders))];
}
