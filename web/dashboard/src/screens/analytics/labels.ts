import type { MessageKey } from "../../i18n/translate.ts";

export { RFM_SEGMENTS as SEGMENTS, rfmSegmentLabel as segmentLabel } from "../../i18n/rfm-segments.ts";

const LOYALTY_KEYS: Record<string, MessageKey> = {
  "super-value": "analytics.loyalty.types.superValue",
  inertia: "analytics.loyalty.types.inertia",
  incentive: "analytics.loyalty.types.incentive",
  latent: "analytics.loyalty.types.latent",
  price: "analytics.loyalty.types.price",
  unknown: "analytics.loyalty.types.unknown",
};

const STATUS_KEYS: Record<string, MessageKey> = {
  queued: "analytics.status.queued",
  running: "analytics.status.running",
  done: "analytics.status.done",
  failed: "analytics.status.failed",
};

const STAGE_KEYS: Record<string, MessageKey> = {
  rfm: "analytics.stages.rfm",
  fit: "analytics.stages.fit",
  cluster: "analytics.stages.cluster",
  score: "analytics.stages.score",
  rules: "analytics.stages.rules",
  compare: "analytics.stages.compare",
  finished: "analytics.stages.finished",
};

const TRIGGER_KEYS: Record<string, MessageKey> = {
  manual: "analytics.trigger.manual",
  data_change: "analytics.trigger.dataChange",
  schedule: "analytics.trigger.schedule",
};

const FEATURE_KEYS: Record<string, MessageKey> = {
  recency: "analytics.clusters.features.recency",
  frequency: "analytics.clusters.features.frequency",
  monetary: "analytics.clusters.features.monetary",
  tenure: "analytics.clusters.features.tenure",
  "order value": "analytics.clusters.features.orderValue",
};

const WORD_KEYS: Record<string, MessageKey> = {
  lapsed: "analytics.clusters.words.lapsed",
  recent: "analytics.clusters.words.recent",
  frequent: "analytics.clusters.words.frequent",
  occasional: "analytics.clusters.words.occasional",
  "high spend": "analytics.clusters.words.highSpend",
  "low spend": "analytics.clusters.words.lowSpend",
  "long-standing": "analytics.clusters.words.longStanding",
  new: "analytics.clusters.words.new",
  "large baskets": "analytics.clusters.words.largeBaskets",
  "small baskets": "analytics.clusters.words.smallBaskets",
  "typical customers": "analytics.clusters.words.typical",
};

type T = (key: MessageKey) => string;

/** A label for a value the API sends in English; an unknown value is shown as it came. */
const labelIn = (keys: Record<string, MessageKey>) => (t: T, value: string) => (keys[value] ? t(keys[value]) : value);

export const loyaltyLabel = labelIn(LOYALTY_KEYS);
export const statusLabel = labelIn(STATUS_KEYS);
export const stageLabel = labelIn(STAGE_KEYS);
export const triggerLabel = labelIn(TRIGGER_KEYS);
export const featureLabel = labelIn(FEATURE_KEYS);
export const traitWord = labelIn(WORD_KEYS);

/** A cluster's automatic description in the interface's language, from its traits (the API's label is English). */
export function clusterLabel(t: T, description: { label: string; traits: { word: string }[] }): string {
  if (description.traits.length === 0) return traitWord(t, "typical customers");
  return description.traits.map((trait) => traitWord(t, trait.word)).join(t("analytics.clusters.traitSeparator"));
}
