import { describe, expect, it } from "vitest";
import { classifyLoyalty, LOYALTY_QUADRANTS, LOYALTY_RULE } from "./loyalty.ts";

const REGULAR = { orders: 6, tenureDays: 365 };
const RARE = { orders: 1, tenureDays: 365 };

describe("classifyLoyalty", () => {
  it("places each attitude × behaviour combination in its quadrant", () => {
    expect(classifyLoyalty({ nps: 10, csat: null, ...REGULAR }).type).toBe("super-value");
    expect(classifyLoyalty({ nps: 3, csat: null, ...REGULAR }).type).toBe("inertia");
    expect(classifyLoyalty({ nps: 9, csat: null, ...RARE }).type).toBe("latent");
    expect(classifyLoyalty({ nps: 6, csat: null, ...RARE }).type).toBe("price");
  });

  it("tells incentive from inertia when most orders came with a promotion", () => {
    expect(classifyLoyalty({ nps: 7, csat: null, ...REGULAR, promotionalShare: 0.8 }).type).toBe("incentive");
    expect(classifyLoyalty({ nps: 7, csat: null, ...REGULAR, promotionalShare: 0.2 }).type).toBe("inertia");
    expect(classifyLoyalty({ nps: 10, csat: null, ...REGULAR, promotionalShare: 0.9 }).type).toBe("super-value");
  });

  it("counts passives as low attitude and falls back to CSAT without an NPS answer", () => {
    expect(classifyLoyalty({ nps: 8, csat: 5, ...REGULAR }).attitude).toBe("low");
    expect(classifyLoyalty({ nps: null, csat: 4, ...REGULAR }).attitude).toBe("high");
    expect(classifyLoyalty({ nps: null, csat: 3, ...REGULAR }).attitude).toBe("low");
  });

  it("judges behaviour on order rate, and only after the minimum tenure", () => {
    expect(classifyLoyalty({ nps: 10, csat: null, orders: 3, tenureDays: 730 }).behaviour).toBe("low");
    expect(classifyLoyalty({ nps: 10, csat: null, orders: 4, tenureDays: 730 }).behaviour).toBe("high");
    expect(classifyLoyalty({ nps: 10, csat: null, orders: 3, tenureDays: 30 })).toEqual({
      type: "unknown",
      attitude: "high",
      behaviour: "unknown",
    });
    expect(classifyLoyalty({ nps: null, csat: null, ...REGULAR }).type).toBe("unknown");
  });

  it("accepts a tenant's own thresholds and documents the four quadrants", () => {
    const strict = { ...LOYALTY_RULE, attitude: { npsPromoterMin: 10, csatTopBoxMin: 5 } };
    expect(classifyLoyalty({ nps: 9, csat: null, ...REGULAR }, strict).type).toBe("inertia");
    expect(LOYALTY_QUADRANTS.map((q) => q.type)).toEqual(["super-value", "inertia", "latent", "price"]);
  });
});
