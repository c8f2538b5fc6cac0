import { describe, expect, it } from "vitest";
import { customerPortrait, groupPortrait, relativeStrengths, shareStrengths, TAG_KIND_WEIGHT, traitStrength, valueTier, weighTags } from "./portrait.ts";

const NONE = { segment: null, clusterTraits: [], valuePercentile: null, loyalty: null, pAlive: null, churnRisk: null, products: [], keywords: [] };

describe("portrait weighting", () => {
  it("places percentiles in value tiers at the documented bounds", () => {
    expect([0, 0.29, 0.3, 0.69, 0.7, 0.89, 0.9, 1].map(valueTier)).toEqual(["low value", "low value", "mid value", "mid value", "high value", "high value", "top value", "top value"]);
  });

  it("scales trait strength by |z| up to two standard deviations", () => {
    expect([0, 0.5, -1, 2, -3].map(traitStrength)).toEqual([0, 0.25, 0.5, 1, 1]);
  });

  it("weighs by kind × strength, floors at 0.1, keeps the larger of duplicates, sorts heaviest first and caps the count", () => {
    const tags = weighTags([
      { kind: "product", tag: "Teapot", strength: 0.5 },
      { kind: "segment", tag: "Champions", strength: 1 },
      { kind: "feedback", tag: "teapot", strength: 1 },
      { kind: "feedback", tag: "slow", strength: 0.01 },
      { kind: "cluster", tag: "  ", strength: 1 },
      { kind: "cluster", tag: "lapsed", strength: 0 },
    ]);
    expect(tags).toEqual([
      { tag: "Champions", weight: 1, kind: "segment" },
      { tag: "Teapot", weight: 0.6, kind: "feedback" },
      { tag: "slow", weight: 0.1, kind: "feedback" },
    ]);
    expect(weighTags(Array.from({ length: 40 }, (_, i) => ({ kind: "product" as const, tag: `p${i}`, strength: 1 - i / 100 })), 5).map((tag) => tag.tag)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
  });

  it("turns counts into strengths relative to the largest, or shares of the whole with small parts left out", () => {
    expect(relativeStrengths([{ label: "b", count: 2 }, { label: "a", count: 4 }, { label: "c", count: 0 }], 5)).toEqual([{ label: "a", strength: 1 }, { label: "b", strength: 0.5 }]);
    expect(shareStrengths([{ label: "x", count: 6 }, { label: "y", count: 3 }, { label: "z", count: 1 }], 0.2)).toEqual([{ label: "x", strength: 0.6 }, { label: "y", strength: 0.3 }]);
    expect(shareStrengths([])).toEqual([]);
  });

  it("draws one customer's portrait from segment, value, cluster traits, loyalty, activity, products and feedback", () => {
    const tags = customerPortrait({
      segment: "At risk",
      clusterTraits: [{ feature: "monetary", z: 1.2, word: "high spend" }, { feature: "recency", z: 2.5, word: "lapsed" }],
      valuePercentile: 0.95,
      loyalty: "inertia",
      pAlive: 0.2,
      churnRisk: 0.8,
      products: [{ label: "Teapot", count: 3000 }, { label: "Mug", count: 1500 }],
      keywords: [{ label: "delivery", count: 2 }],
    });
    expect(tags).toEqual([
      { tag: "At risk", weight: 1, kind: "segment" },
      { tag: "top value", weight: TAG_KIND_WEIGHT.value, kind: "value" },
      { tag: "lapsed", weight: 0.85, kind: "cluster" },
      { tag: "inertia loyalty", weight: 0.8, kind: "loyalty" },
      { tag: "Teapot", weight: 0.65, kind: "product" },
      { tag: "likely lapsed", weight: 0.64, kind: "activity" },
      { tag: "delivery", weight: 0.6, kind: "feedback" },
      { tag: "high spend", weight: 0.51, kind: "cluster" },
      { tag: "Mug", weight: 0.33, kind: "product" },
    ]);
  });

  it("says nothing it does not know: no scores, unknown loyalty, middling activity", () => {
    expect(customerPortrait(NONE)).toEqual([]);
    expect(customerPortrait({ ...NONE, loyalty: "unknown", pAlive: 0.5 })).toEqual([]);
    expect(customerPortrait({ ...NONE, churnRisk: 0.7 })).toEqual([{ tag: "churn risk", weight: 0.56, kind: "activity" }]);
    expect(customerPortrait({ ...NONE, pAlive: 0.9 })).toEqual([{ tag: "active", weight: 0.72, kind: "activity" }]);
  });

  it("draws a group's portrait from its name, traits and the shares of its mixes", () => {
    const tags = groupPortrait({
      label: { kind: "cluster", tag: "high spend, frequent" },
      traits: [{ feature: "monetary", z: 1, word: "high spend" }],
      mixes: [
        { kind: "segment", counts: [{ label: "Champions", count: 70 }, { label: "Loyal", count: 25 }, { label: "Lost", count: 5 }] },
        { kind: "loyalty", counts: [{ label: "inertia loyalty", count: 40 }, { label: "price loyalty", count: 40 }, { label: "unknown", count: 20 }], silent: ["unknown"] },
      ],
      products: [{ label: "Teapot", count: 10 }],
      keywords: [],
    });
    expect(tags).toEqual([
      { tag: "high spend, frequent", weight: 0.85, kind: "cluster" },
      { tag: "Champions", weight: 0.7, kind: "segment" },
      { tag: "Teapot", weight: 0.65, kind: "product" },
      { tag: "high spend", weight: 0.43, kind: "cluster" },
      { tag: "inertia loyalty", weight: 0.32, kind: "loyalty" },
      { tag: "price loyalty", weight: 0.32, kind: "loyalty" },
      { tag: "Loyal", weight: 0.25, kind: "segment" },
    ]);
  });
});
