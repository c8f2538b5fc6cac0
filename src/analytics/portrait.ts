import type { ClusterTrait } from "./describe-clusters.ts";

/** Where a tag comes from; each kind has a base weight, so a tag cloud ranks segment above product. */
export type TagKind = "segment" | "cluster" | "value" | "loyalty" | "activity" | "product" | "feedback";

/** One tag of a portrait: bigger weight, bigger in the tag cloud; weights lie in (0, 1]. */
export interface WeightedTag {
  tag: string;
  weight: number;
  kind: TagKind;
}

/** A label with how often it occurs (customers in a segment, spend on a product, mentions of a word). */
export interface Count {
  label: string;
  count: number;
}

/** A tag before weighting: its kind, and how strongly it holds, 0 to 1. */
export interface TagSource {
  kind: TagKind;
  tag: string;
  strength: number;
}

/**
 * Base weight per kind: what the customer is (segment, cluster, value) outweighs what they buy
 * and say, which describes them less surely.
 */
export const TAG_KIND_WEIGHT: Readonly<Record<TagKind, number>> = {
  segment: 1,
  value: 0.9,
  cluster: 0.85,
  loyalty: 0.8,
  activity: 0.8,
  product: 0.65,
  feedback: 0.6,
};

/** Value tiers by percentile of predicted value (or spend) in the run: top 10%, next 20%, middle 40%, bottom 30%. */
export const VALUE_TIERS: readonly { min: number; tag: string }[] = [
  { min: 0.9, tag: "top value" },
  { min: 0.7, tag: "high value" },
  { min: 0.3, tag: "mid value" },
  { min: 0, tag: "low value" },
];

/** A tag's weight never falls below this, so the smallest tag of a cloud stays legible. */
const MIN_WEIGHT = 0.1;
const DEFAULT_MAX_TAGS = 30;
const TOP_PRODUCTS = 5;
const TOP_KEYWORDS = 10;

const round = (value: number) => Math.round(value * 100) / 100;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The value tier of a percentile in [0, 1]. */
export function valueTier(percentile: number): string {
  return VALUE_TIERS.find((tier) => percentile >= tier.min)!.tag;
}

/** A cluster trait's strength from its z-score: two standard deviations or more is full strength. */
export function traitStrength(z: number): number {
  return clamp01(Math.abs(z) / 2);
}

/** Strength of each of the largest counts relative to the largest (1 for the top one), zero and negative counts dropped. */
export function relativeStrengths(counts: readonly Count[], max: number): Array<{ label: string; strength: number }> {
  const kept = counts.filter((count) => count.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, max);
  const top = kept[0]?.count ?? 0;
  return kept.map((count) => ({ label: count.label, strength: count.count / top }));
}

/** Strength of each part of a mix as its share of the whole, parts under `minShare` dropped. */
export function shareStrengths(counts: readonly Count[], minShare = 0.1): Array<{ label: string; strength: number }> {
  const total = counts.reduce((sum, count) => sum + Math.max(0, count.count), 0);
  if (total === 0) return [];
  return counts.map((count) => ({ label: count.label, strength: Math.max(0, count.count) / total })).filter((part) => part.strength >= minShare);
}

/**
 * Weighs tag sources into a portrait: weight = the kind's base weight × the source's strength,
 * floored at 0.1 so no tag vanishes, rounded to two decimals. The same tag from two sources
 * keeps its larger weight (compared case-insensitively, first spelling kept); the heaviest `max`
 * are kept, heaviest first, ties by tag.
 */
export function weighTags(sources: readonly TagSource[], max = DEFAULT_MAX_TAGS): WeightedTag[] {
  const byTag = new Map<string, WeightedTag>();
  for (const source of sources) {
    const tag = source.tag.trim();
    if (!tag || !(source.strength > 0)) continue;
    const weight = round(Math.max(MIN_WEIGHT, TAG_KIND_WEIGHT[source.kind] * clamp01(source.strength)));
    const key = tag.toLowerCase();
    const known = byTag.get(key);
    if (!known || weight > known.weight) byTag.set(key, { tag: known?.tag ?? tag, weight, kind: source.kind });
  }
  return [...byTag.values()].sort((a, b) => b.weight - a.weight || a.tag.localeCompare(b.tag)).slice(0, max);
}

/** What one customer's portrait is made of; anything unknown is null or empty. */
export interface CustomerPortraitInput {
  segment: string | null;
  clusterTraits: readonly ClusterTrait[];
  /** The customer's percentile of predicted value (or of spend) in the run. */
  valuePercentile: number | null;
  loyalty: string | null;
  pAlive: number | null;
  churnRisk: number | null;
  /** What they bought, by spend. */
  products: readonly Count[];
  /** Words from their feedback, by mentions. */
  keywords: readonly Count[];
}

/** How likely the customer is to be active, as a tag: lapsed below 0.3, active from 0.8, or the one-time buyer's churn risk. */
function activityTag(pAlive: number | null, churnRisk: number | null): TagSource | null {
  if (pAlive !== null) {
    if (pAlive < 0.3) return { kind: "activity", tag: "likely lapsed", strength: 1 - pAlive };
    if (pAlive >= 0.8) return { kind: "activity", tag: "active", strength: pAlive };
    return null;
  }
  return churnRisk !== null && churnRisk >= 0.5 ? { kind: "activity", tag: "churn risk", strength: churnRisk } : null;
}

/**
 * One customer's portrait: their RFM segment at full strength, their value tier, their
 * cluster's distinguishing traits (by |z|), loyalty type, activity, the products they spend
 * most on (top five, relative to the first) and their feedback's keywords (top ten).
 */
export function customerPortrait(input: CustomerPortraitInput, max = DEFAULT_MAX_TAGS): WeightedTag[] {
  const sources: TagSource[] = [];
  if (input.segment) sources.push({ kind: "segment", tag: input.segment, strength: 1 });
  if (input.valuePercentile !== null) sources.push({ kind: "value", tag: valueTier(input.valuePercentile), strength: 1 });
  for (const trait of input.clusterTraits) sources.push({ kind: "cluster", tag: trait.word, strength: traitStrength(trait.z) });
  if (input.loyalty && input.loyalty !== "unknown") sources.push({ kind: "loyalty", tag: `${input.loyalty} loyalty`, strength: 1 });
  const activity = activityTag(input.pAlive, input.churnRisk);
  if (activity) sources.push(activity);
  for (const product of relativeStrengths(input.products, TOP_PRODUCTS)) sources.push({ kind: "product", tag: product.label, strength: product.strength });
  for (const word of relativeStrengths(input.keywords, TOP_KEYWORDS)) sources.push({ kind: "feedback", tag: word.label, strength: word.strength });
  return weighTags(sources, max);
}

/** What a group's portrait (an RFM segment, a cluster) is made of. */
export interface GroupPortraitInput {
  /** The group's own name: the segment, or the cluster's label. */
  label: { kind: TagKind; tag: string };
  /** A cluster's distinguishing traits; none for a segment. */
  traits: readonly ClusterTrait[];
  /**
   * How the members divide by other labels (segments, clusters, value tiers, loyalty types);
   * labels in `silent` (such as an unknown loyalty type) count toward the whole but make no tag.
   */
  mixes: ReadonlyArray<{ kind: TagKind; counts: readonly Count[]; silent?: readonly string[] }>;
  products: readonly Count[];
  keywords: readonly Count[];
}

/**
 * A group's portrait: its own name at full strength, its traits, each label of its mixes
 * weighted by the share of members carrying it (shares under 10% left out), and the products
 * and keywords of its members.
 */
export function groupPortrait(input: GroupPortraitInput, max = DEFAULT_MAX_TAGS): WeightedTag[] {
  const sources: TagSource[] = [{ kind: input.label.kind, tag: input.label.tag, strength: 1 }];
  for (const trait of input.traits) sources.push({ kind: "cluster", tag: trait.word, strength: traitStrength(trait.z) });
  for (const mix of input.mixes) {
    for (const part of shareStrengths(mix.counts)) if (!mix.silent?.includes(part.label)) sources.push({ kind: mix.kind, tag: part.label, strength: part.strength });
  }
  for (const product of relativeStrengths(input.products, TOP_PRODUCTS)) sources.push({ kind: "product", tag: product.label, strength: product.strength });
  for (const word of relativeStrengths(input.keywords, TOP_KEYWORDS)) sources.push({ kind: "feedback", tag: word.label, strength: word.strength });
  return weighTags(sources, max);
}
