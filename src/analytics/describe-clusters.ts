import type { Matrix } from "./kmeans.ts";

/**
 * How to say that a cluster sits high or low on a feature, e.g.
 * `{ feature: "monetary", high: "high spend", low: "low spend" }` or
 * `{ feature: "recencyDays", high: "lapsed", low: "recent" }`.
 */
export interface FeatureWords {
  feature: string;
  high: string;
  low: string;
}

/** One distinguishing feature of a cluster; |z| doubles as the tag's weight in a tag cloud. */
export interface ClusterTrait {
  feature: string;
  z: number;
  word: string;
}

/** A cluster described in words: its traits, strongest first, and a label joining them. */
export interface ClusterDescription {
  cluster: number;
  size: number;
  traits: ClusterTrait[];
  label: string;
}

/** `threshold` is the |z| a feature's cluster mean must reach to count; `maxTraits` caps the label's length. */
export interface DescribeOptions {
  threshold?: number;
  maxTraits?: number;
  typicalLabel?: string;
}

/**
 * Describes each cluster by the features whose cluster mean, in z-scores, is far from the population's
 * (|z| ≥ `threshold`, default 0.5 standard deviations), strongest first, phrased with each feature's own
 * words: a cluster at +1.4 on spend, +0.9 on days since last order and −1.1 on NPS reads "high spend,
 * detractor, lapsed". A cluster with no such feature is "typical customers". `centroids` are in z-space,
 * which they are when k-means ran on standardised rows; columns follow `features`.
 */
export function describeClusters(
  centroids: Matrix,
  sizes: readonly number[],
  features: readonly FeatureWords[],
  options: DescribeOptions = {},
): ClusterDescription[] {
  const threshold = options.threshold ?? 0.5;
  const maxTraits = options.maxTraits ?? 3;
  return centroids.map((centroid, cluster) => {
    if (centroid.length !== features.length) throw new RangeError("one set of feature words per centroid column");
    const traits = features
      .map((f, j) => ({ feature: f.feature, z: centroid[j]!, word: centroid[j]! >= 0 ? f.high : f.low }))
      .filter((t) => Math.abs(t.z) >= threshold)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, maxTraits);
    const label = traits.length > 0 ? traits.map((t) => t.word).join(", ") : (options.typicalLabel ?? "typical customers");
    return { cluster, size: sizes[cluster] ?? 0, traits, label };
  });
}

/**
 * Mean of each column per cluster, for describing clusters of standardised rows that were not produced by
 * k-means (or to describe k-means clusters on other standardised features than those clustered on).
 */
export function clusterMeans(rows: Matrix, assignments: readonly number[], k: number): number[][] {
  const d = rows[0]?.length ?? 0;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  rows.forEach((row, i) => {
    const c = assignments[i]!;
    counts[c]!++;
    for (let j = 0; j < d; j++) sums[c]![j]! += row[j]!;
  });
  return sums.map((sum, c) => sum.map((v) => (counts[c]! > 0 ? v / counts[c]! : 0)));
}
