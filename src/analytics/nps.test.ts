import { describe, expect, it } from "vitest";
import { csatScore, customerEffortScore, netPromoterScore } from "./nps.ts";

describe("netPromoterScore", () => {
  it("counts classes, scores and brackets a hand-made set of answers", () => {
    const summary = netPromoterScore([10, 9, 9, 8, 7, 6, 5, 0, 10, 10]);
    expect(summary).toMatchObject({ responses: 10, promoters: 5, passives: 2, detractors: 3 });
    expect(summary.nps).toBeCloseTo(20, 12);
    // pP = 0.5, pD = 0.3: variance (0.5 + 0.3 − 0.2²)/10 = 0.076.
    const se = 100 * Math.sqrt(0.076);
    expect(summary.standardError).toBeCloseTo(se, 10);
    expect(summary.interval!.low).toBeCloseTo(20 - 1.959964 * se, 4);
    expect(summary.interval!.high).toBeCloseTo(20 + 1.959964 * se, 4);
  });

  it("narrows the interval as answers accumulate and clips it to ±100", () => {
    const answers = [10, 9, 8, 3];
    const few = netPromoterScore(answers);
    const many = netPromoterScore(Array.from({ length: 100 }, () => answers).flat());
    expect(many.nps).toBeCloseTo(few.nps!, 12);
    expect(many.standardError!).toBeCloseTo(few.standardError! / 10, 10);
    const allPromoters = netPromoterScore([10, 10, 9]);
    expect(allPromoters.interval).toEqual({ low: 100, high: 100, confidence: 0.95 });
    expect(netPromoterScore([0, 10, 10], { confidence: 0.99 }).interval!.high).toBe(100);
  });

  it("returns no score without answers and refuses answers off the scale", () => {
    expect(netPromoterScore([])).toMatchObject({ responses: 0, nps: null, interval: null });
    expect(() => netPromoterScore([11])).toThrow(RangeError);
    expect(() => netPromoterScore([7.5])).toThrow(RangeError);
  });
});

describe("csatScore", () => {
  it("is the top-two-box share on a 1–5 scale by default", () => {
    expect(csatScore([5, 4, 3, 2, 5, 1, 4, 4])).toEqual({ responses: 8, satisfied: 5, csat: 62.5 });
    expect(csatScore([7, 6, 5], { scaleMax: 7, topBoxMin: 6 })).toMatchObject({ satisfied: 2 });
    expect(csatScore([]).csat).toBeNull();
    expect(() => csatScore([0])).toThrow(RangeError);
  });
});

describe("customerEffortScore", () => {
  it("is the mean answer", () => {
    expect(customerEffortScore([7, 6, 2, 5])).toEqual({ responses: 4, average: 5 });
    expect(customerEffortScore([]).average).toBeNull();
    expect(() => customerEffortScore([8])).toThrow(RangeError);
  });
});
