import { checkSufficiency, DATA_THRESHOLDS, type Insufficient } from "./data-sufficiency.ts";
import { kMeans, type KMeansResult, type Matrix } from "./kmeans.ts";
import { silhouetteScorer } from "./silhouette.ts";

/** The range of k to try, the seed for k-means and sampling, and the silhouette sample size. */
export interface ChooseKOptions {
  min: number;
  max: number;
  seed: number;
  sampleSize?: number;
}

/** The chosen clustering and every candidate's silhouette and inertia, for an elbow chart. */
export interface ChosenK {
  status: "ok";
  k: number;
  result: KMeansResult;
  candidates: { k: number; silhouette: number; inertia: number }[];
}

/**
 * Picks the number of clusters by mean silhouette: runs k-means for each k from `min` to `max` (at least 2)
 * and keeps the k with the highest silhouette, the smaller k on a tie. Rows should already be standardised.
 * k is capped so that every cluster could hold `DATA_THRESHOLDS.clustering.minPointsPerCluster` points;
 * when even `min` clusters cannot, the answer is `insufficient`.
 */
export function chooseK(rows: Matrix, options: ChooseKOptions): ChosenK | Insufficient {
  const min = Math.max(2, Math.ceil(options.min));
  const perCluster = DATA_THRESHOLDS.clustering.minPointsPerCluster;
  const shortfall = checkSufficiency([{ what: "customers to cluster", have: rows.length, need: min * perCluster }]);
  if (shortfall) return shortfall;
  const max = Math.min(Math.floor(options.max), Math.floor(rows.length / perCluster));

  let best: { k: number; result: KMeansResult; silhouette: number } | null = null;
  const candidates: ChosenK["candidates"] = [];
  const silhouetteOf = silhouetteScorer(rows, { sampleSize: options.sampleSize, seed: options.seed });
  for (let k = min; k <= max; k++) {
    const result = kMeans(rows, k, { seed: options.seed });
    const silhouette = silhouetteOf(result.assignments);
    candidates.push({ k, silhouette, inertia: result.inertia });
    if (best === null || silhouette > best.silhouette) best = { k, result, silhouette };
  }
  if (best === null) return { status: "insufficient", reason: `no k between ${min} and ${options.max} fits the data` };
  return { status: "ok", k: best.k, result: best.result, candidates };
}
