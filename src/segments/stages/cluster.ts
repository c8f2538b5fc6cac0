import { chooseK, describeClusters, standardise, type ClusterDescription, type FeatureWords, type Insufficient } from "../../analytics/index.ts";
import type { SampledCustomer } from "./rfm.ts";

/** Customers clustered to find the centroids; every customer is then assigned to the nearest. */
const SAMPLE = 20_000;
const SEED = 20_261_123;

/** The features clustered on, on a log scale since spend and counts are heavy-tailed. */
export const CLUSTER_FEATURES: FeatureWords[] = [
  { feature: "recency", high: "lapsed", low: "recent" },
  { feature: "frequency", high: "frequent", low: "occasional" },
  { feature: "monetary", high: "high spend", low: "low spend" },
  { feature: "tenure", high: "long-standing", low: "new" },
  { feature: "order value", high: "large baskets", low: "small baskets" },
];

export type ScoreFeatures = { recencyDays: number; orders: number; monetaryMinor: number; ageDays: number };

/** One customer's feature row in the order of CLUSTER_FEATURES. */
export function featureRow(customer: ScoreFeatures): number[] {
  const spend = Math.max(0, customer.monetaryMinor);
  return [Math.log1p(customer.recencyDays), Math.log1p(customer.orders), Math.log1p(spend), Math.log1p(customer.ageDays), Math.log1p(spend / Math.max(1, customer.orders))];
}

export type Clustering =
  | { status: "ok"; k: number; means: number[]; sds: number[]; centroids: number[][]; descriptions: ClusterDescription[]; candidates: Array<{ k: number; silhouette: number; inertia: number }> }
  | Insufficient;

/**
 * k-means++ on standardised features of the first customers of the run's deterministic sample,
 * k from 2 to 8 chosen by silhouette, each cluster described by its distinguishing features;
 * seeded, so the same data gives the same clusters.
 */
export function clusterCustomers(sample: readonly SampledCustomer[]): Clustering {
  const features = sample.slice(0, SAMPLE).map((customer) => featureRow({ recencyDays: customer.recencyDays, orders: customer.orders, monetaryMinor: customer.monetaryMinor, ageDays: customer.ageDays }));
  const scaled = standardise(features);
  const chosen = chooseK(scaled.rows, { min: 2, max: 8, seed: SEED, sampleSize: 2000 });
  if (chosen.status !== "ok") return chosen;
  const centroids = chosen.result.centroids.map((centroid) => [...centroid]);
  return {
    status: "ok",
    k: chosen.k,
    means: [...scaled.means],
    sds: [...scaled.sds],
    centroids,
    descriptions: describeClusters(centroids, chosen.result.sizes, CLUSTER_FEATURES),
    candidates: chosen.candidates,
  };
}
