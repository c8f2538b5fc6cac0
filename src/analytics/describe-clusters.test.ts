import { describe, expect, it } from "vitest";
import { clusterMeans, describeClusters, type FeatureWords } from "./describe-clusters.ts";

const FEATURES: FeatureWords[] = [
  { feature: "monetary", high: "high spend", low: "low spend" },
  { feature: "recencyDays", high: "lapsed", low: "recent" },
  { feature: "nps", high: "promoter", low: "detractor" },
  { feature: "frequency", high: "frequent", low: "occasional" },
];

describe("describeClusters", () => {
  it("names each cluster by its features far from the mean, strongest first", () => {
    const described = describeClusters(
      [
        [1.4, 0.9, -1.1, 0.2],
        [-0.2, -1.3, 0.6, 0.1],
        [0.1, -0.3, 0.2, -0.4],
      ],
      [120, 300, 80],
      FEATURES,
    );
    expect(described.map((d) => d.label)).toEqual(["high spend, detractor, lapsed", "recent, promoter", "typical customers"]);
    expect(described[0]!.traits[0]).toEqual({ feature: "monetary", z: 1.4, word: "high spend" });
    expect(described[1]!.size).toBe(300);
  });

  it("honours the threshold and the cap on traits", () => {
    const [only] = describeClusters([[2, 1.5, 1.2, 0.9]], [10], FEATURES, { threshold: 1, maxTraits: 2 });
    expect(only!.label).toBe("high spend, lapsed");
  });

  it("computes cluster means of standardised rows", () => {
    expect(clusterMeans([[1, 2], [3, 4], [10, 10]], [0, 0, 1], 2)).toEqual([[2, 3], [10, 10]]);
  });
});
