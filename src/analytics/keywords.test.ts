import { describe, expect, it } from "vitest";
import { keywords } from "./keywords.ts";

describe("keywords", () => {
  it("counts words once per text, lower-cased, without stop words or numbers", () => {
    const found = keywords([
      { text: "Delivery was slow, the delivery took 9 days", language: "en" },
      { text: "Slow delivery and a rude courier", language: "en" },
      { text: "Great prices", language: "en" },
    ]);
    expect(found.slice(0, 2)).toEqual([{ term: "delivery", count: 2 }, { term: "slow", count: 2 }]);
    expect(found.map((k) => k.term)).not.toContain("the");
    expect(found.map((k) => k.term)).not.toContain("9");
  });

  it("splits Chinese into words with Intl.Segmenter and drops its particles", () => {
    const found = keywords([
      { text: "送货速度太慢了", language: "zh-CN" },
      { text: "客服态度很好，但是送货太慢", language: "zh-CN" },
    ]);
    const terms = found.map((k) => k.term);
    expect(found.find((k) => k.term === "送货")?.count).toBe(2);
    expect(terms).toContain("态度");
    for (const particle of ["了", "但是"]) expect(terms).not.toContain(particle);
  });
});
