export {
  associationRules,
  frequentItemsets,
  topRulesByProduct,
  type AssociationRule,
  type Basket,
  type FrequentItemset,
  type MiningOptions,
} from "./association-rules.ts";
export {
  bgNbdHistoryLogLikelihood,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoodWithGradient,
  fitGroupedBgNbd,
  fitBgNbd,
  groupHistories,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdModel,
  type BgNbdParams,
  type PurchaseHistory,
  type TimeUnit,
  type WeightedHistory,
} from "./bg-nbd.ts";
export {
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesAt,
  expectedPurchases,
  expectedTimeToNextPurchase,
  probabilityAlive,
  probabilityOfPurchaseWithin,
} from "./bg-nbd-predict.ts";
export { chooseK, type ChooseKOptions, type ChosenK } from "./choose-k.ts";
export {
  buildSecondOrderCurve,
  oneTimeBuyerRisk,
  type SecondOrderCurve,
  type SecondOrderObservation,
} from "./churn-hazard.ts";
export { predictClv, type ClvCustomer, type ClvModels, type ClvOptions } from "./clv.ts";
export { checkSufficiency, DATA_THRESHOLDS, type Insufficient, type NotConverged } from "./data-sufficiency.ts";
export {
  clusterMeans,
  describeClusters,
  type ClusterDescription,
  type ClusterTrait,
  type DescribeOptions,
  type FeatureWords,
} from "./describe-clusters.ts";
export {
  conditionalExpectedSpend,
  fitGammaGamma,
  frequencySpendCorrelation,
  gammaGammaCustomerLogLikelihood,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodWithGradient,
  populationMeanSpend,
  SPEND_CORRELATION_WARNING,
  type FrequencySpendCheck,
  type GammaGammaFit,
  type GammaGammaModel,
  type GammaGammaParams,
  type SpendHistory,
} from "./gamma-gamma.ts";
export {
  applyStandardisation,
  kMeans,
  standardise,
  type KMeansOptions,
  type KMeansResult,
  type Matrix,
  type Standardised,
} from "./kmeans.ts";
export {
  classifyLoyalty,
  LOYALTY_QUADRANTS,
  LOYALTY_RULE,
  type Level,
  type LoyaltyClass,
  type LoyaltyInput,
  type LoyaltyRule,
  type LoyaltyType,
} from "./loyalty.ts";
export {
  csatScore,
  customerEffortScore,
  netPromoterScore,
  type CesSummary,
  type CsatSummary,
  type NpsSummary,
} from "./nps.ts";
export {
  LOG_PARAMETER_LIMIT,
  minimise,
  minimiseInLogSpace,
  notConvergedReason,
  type LogSpaceFit,
  type MinimiseOptions,
  type MinimiseResult,
} from "./optimise.ts";
export { minimiseQuasiNewton, type QuasiNewtonOptions, type QuasiNewtonResult, type SmoothObjective } from "./quasi-newton.ts";
export {
  DAYS_PER_UNIT,
  summarisePurchases,
  type OrderPoint,
  type PurchaseSummary,
} from "./purchase-history.ts";
export {
  createRng,
  randomInt,
  sampleBeta,
  sampleExponential,
  sampleGamma,
  sampleNormal,
  samplePoisson,
  shuffled,
  type Rng,
} from "./random.ts";
export {
  buildTransitionMatrix,
  fmScore,
  isDowngrade,
  quintileScores,
  RFM_SEGMENT_GRID,
  RFM_SEGMENT_RANK,
  RFM_SEGMENT_TABLE,
  RFM_SEGMENTS,
  rfmSegment,
  type Direction,
  type RfmSegment,
  type RfmTableRow,
  type Score,
  type TransitionMatrix,
} from "./rfm.ts";
export { silhouetteScore, type SilhouetteOptions } from "./silhouette.ts";
export { simulateBgNbd, simulateBlobs, simulateGammaGamma } from "./simulate.ts";
export { digamma, hyp2f1, hyp2f1Tail, logAddExp, logBeta, logGamma, normalQuantile, type SeriesOptions } from "./special.ts";
export { keywords, type Keyword } from "./keywords.ts";
export {
  customerPortrait,
  groupPortrait,
  relativeStrengths,
  shareStrengths,
  TAG_KIND_WEIGHT,
  traitStrength,
  VALUE_TIERS,
  valueTier,
  weighTags,
  type Count,
  type CustomerPortraitInput,
  type GroupPortraitInput,
  type TagKind,
  type TagSource,
  type WeightedTag,
} from "./portrait.ts";
