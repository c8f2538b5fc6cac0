import { describe, expect, it } from "vitest";
import { checkSufficiency } from "./data-sufficiency.ts";

describe("checkSufficiency", () => {
  it("reports the first shortfall in words, or null when every minimum is met", () => {
    const checks = [
      { what: "customers", have: 500, need: 300 },
      { what: "repeat buyers", have: 40, need: 100 },
    ];
    expect(checkSufficiency(checks)).toEqual({ status: "insufficient", reason: "needs at least 100 repeat buyers, has 40" });
    expect(checkSufficiency(checks.slice(0, 1))).toBeNull();
  });
});
