import { describe, expect, it } from "vitest";
import { topKeywords } from "./keywords.ts";

describe("feedback keywords", () => {
  it("counts each word once per answer, leaves out stop words and numbers, most mentioned first", () => {
    expect(
      topKeywords(["Delivery was slow, slow, SLOW.", "Great teapot but the delivery took 10 days", "Lovely teapot! Don't change it", "I'm happy"]),
    ).toEqual([
      { label: "delivery", count: 2 },
      { label: "teapot", count: 2 },
      { label: "change", count: 1 },
      { label: "days", count: 1 },
      { label: "great", count: 1 },
      { label: "happy", count: 1 },
      { label: "lovely", count: 1 },
      { label: "slow", count: 1 },
      { label: "took", count: 1 },
    ]);
  });

  it("splits Chinese text into two-character words and caps the list", () => {
    expect(topKeywords(["物流很慢", "物流快"], 1)).toEqual([{ label: "物流", count: 2 }]);
    expect(topKeywords(["物流很慢", "物流快"]).map((word) => word.label).sort()).toEqual(["很慢", "流很", "流快", "物流"].sort());
    expect(topKeywords([])).toEqual([]);
  });
});
