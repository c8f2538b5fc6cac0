import { describe, expect, it } from "vitest";
import { buildSecondOrderCurve, oneTimeBuyerRisk, type SecondOrderObservation } from "./churn-hazard.ts";

function repeat(times: number, o: SecondOrderObservation): SecondOrderObservation[] {
  return Array.from({ length: times }, () => ({ ...o }));
}

describe("second-order curve and one-time buyer risk", () => {
  it("is the plain distribution of return gaps when every one-time buyer is older than every gap", () => {
    const observations = [10, 20, 30, 40].flatMap((gap) => repeat(10, { ageDays: 200, daysToSecondOrder: gap }));
    const curve = buildSecondOrderCurve([...observations, ...repeat(50, { ageDays: 100, daysToSecondOrder: null })]);
    if (curve.status !== "ok") throw new Error("enough data");
    expect(oneTimeBuyerRisk(curve, 5)).toBe(0);
    expect(oneTimeBuyerRisk(curve, 10)).toBeCloseTo(0.25, 12);
    expect(oneTimeBuyerRisk(curve, 25)).toBeCloseTo(0.5, 12);
    expect(oneTimeBuyerRisk(curve, 45)).toBe(1);
    expect(curve.neverReturnShare).toBeCloseTo(50 / 90, 12);
  });

  it("corrects for young customers who have not had time to return (Kaplan–Meier)", () => {
    const observations = [
      ...repeat(15, { ageDays: 300, daysToSecondOrder: 5 }),
      ...repeat(15, { ageDays: 300, daysToSecondOrder: 50 }),
      ...repeat(150, { ageDays: 10, daysToSecondOrder: null }),
      ...repeat(30, { ageDays: 200, daysToSecondOrder: null }),
    ];
    const curve = buildSecondOrderCurve(observations);
    if (curve.status !== "ok") throw new Error("enough data");
    // Day 5: 210 at risk, 15 return, S = 195/210. Day 50: 45 at risk (15 returners, 30 old one-timers), 15
    // return, S = 195/210 · 30/45. Share of returners back by day 20 = (1 − S(5)) / (1 − S(50)).
    const s5 = 195 / 210;
    const s50 = s5 * (30 / 45);
    expect(oneTimeBuyerRisk(curve, 20)).toBeCloseTo((1 - s5) / (1 - s50), 12);
    // Counting only the returners would have said one half.
    expect(oneTimeBuyerRisk(curve, 20)).toBeLessThan(0.5);
  });

  it("rises with age and stays in [0, 1]", () => {
    const observations: SecondOrderObservation[] = [];
    for (let i = 0; i < 400; i++) {
      const age = 20 + (i % 300);
      observations.push({ ageDays: age, daysToSecondOrder: i % 3 === 0 ? Math.min(age, (i * 7) % 90) : null });
    }
    const curve = buildSecondOrderCurve(observations);
    if (curve.status !== "ok") throw new Error("enough data");
    const risks = [0, 10, 30, 60, 89, 400].map((age) => oneTimeBuyerRisk(curve, age));
    expect(risks).toEqual([...risks].sort((a, b) => a - b));
    for (const r of risks) expect(r >= 0 && r <= 1).toBe(true);
  });

  it("says there is not enough data below 30 returners", () => {
    const observations = [...repeat(29, { ageDays: 100, daysToSecondOrder: 12 }), ...repeat(500, { ageDays: 80, daysToSecondOrder: null })];
    expect(buildSecondOrderCurve(observations)).toEqual({
      status: "insufficient",
      reason: "needs at least 30 customers with a second order, has 29",
    });
  });

  it("refuses a second order later than the customer's age", () => {
    expect(() => buildSecondOrderCurve([{ ageDays: 10, daysToSecondOrder: 11 }])).toThrow(RangeError);
  });
});
