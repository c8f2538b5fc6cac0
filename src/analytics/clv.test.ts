import { describe, expect, it } from "vitest";
import { conditionalExpectedPurchases } from "./bg-nbd-predict.ts";
import { predictClv } from "./clv.ts";
import { conditionalExpectedSpend } from "./gamma-gamma.ts";

const MODELS = {
  bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, v: 15.44 },
};
const CUSTOMER = { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 };

describe("predictClv", () => {
  it("is expected purchases times expected spend when nothing is discounted", () => {
    const clv = predictClv(MODELS, CUSTOMER, { horizon: 52, periodLength: 4, discountRate: 0 });
    const purchases = conditionalExpectedPurchases(MODELS.bgNbd, CUSTOMER, 52);
    expect(clv).toBeCloseTo(purchases * conditionalExpectedSpend(MODELS.gammaGamma, 2, 22.35), 10);
  });

  it("discounts each period's purchases at the end of that period", () => {
    // Two periods of 13 weeks, 3% a period, 40% margin, worked term by term.
    const spend = conditionalExpectedSpend(MODELS.gammaGamma, 2, 22.35) * 0.4;
    const e1 = conditionalExpectedPurchases(MODELS.bgNbd, CUSTOMER, 13);
    const e2 = conditionalExpectedPurchases(MODELS.bgNbd, CUSTOMER, 26);
    const expected = (spend * e1) / 1.03 + (spend * (e2 - e1)) / 1.03 ** 2;
    expect(predictClv(MODELS, CUSTOMER, { horizon: 26, periodLength: 13, discountRate: 0.03, margin: 0.4 })).toBeCloseTo(expected, 12);
  });

  it("cuts the last period at the horizon", () => {
    const spend = conditionalExpectedSpend(MODELS.gammaGamma, 2, 22.35);
    const e1 = conditionalExpectedPurchases(MODELS.bgNbd, CUSTOMER, 13);
    const e2 = conditionalExpectedPurchases(MODELS.bgNbd, CUSTOMER, 20);
    const expected = (spend * e1) / 1.1 + (spend * (e2 - e1)) / 1.1 ** 2;
    expect(predictClv(MODELS, CUSTOMER, { horizon: 20, periodLength: 13, discountRate: 0.1 })).toBeCloseTo(expected, 12);
  });

  it("grows with the horizon, shrinks with the discount rate, and is lower for a lapsed customer", () => {
    const base = { horizon: 52, periodLength: 4, discountRate: 0.01 };
    const clv = predictClv(MODELS, CUSTOMER, base);
    expect(predictClv(MODELS, CUSTOMER, { ...base, horizon: 104 })).toBeGreaterThan(clv);
    expect(predictClv(MODELS, CUSTOMER, { ...base, discountRate: 0.05 })).toBeLessThan(clv);
    expect(predictClv(MODELS, { ...CUSTOMER, tx: 3 }, base)).toBeLessThan(clv);
  });

  it("refuses a nonsensical period", () => {
    expect(() => predictClv(MODELS, CUSTOMER, { horizon: 52, periodLength: 0, discountRate: 0 })).toThrow(RangeError);
  });
});
