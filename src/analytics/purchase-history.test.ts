import { describe, expect, it } from "vitest";
import { summarisePurchases } from "./purchase-history.ts";

const day = (iso: string) => Date.parse(iso);

describe("summarisePurchases", () => {
  it("counts purchase days after the first, and measures tx and T from the first day", () => {
    const orders = [
      { at: day("2024-01-01T09:00:00Z"), amount: 30 },
      { at: day("2024-01-01T18:00:00Z"), amount: 10 },
      { at: day("2024-01-15T12:00:00Z"), amount: 50 },
      { at: day("2024-01-29T08:00:00Z"), amount: 20 },
      { at: day("2024-01-29T09:00:00Z"), amount: 10 },
    ];
    expect(summarisePurchases(orders, day("2024-03-11T00:00:00Z"), "week")).toEqual({ x: 2, tx: 4, T: 10, meanSpend: 40 });
    expect(summarisePurchases(orders, day("2024-03-11T00:00:00Z"), "day")).toEqual({ x: 2, tx: 28, T: 70, meanSpend: 40 });
  });

  it("ignores orders after the end of observation and answers null without any order", () => {
    const orders = [{ at: day("2024-01-01T09:00:00Z"), amount: 30 }, { at: day("2024-02-01T09:00:00Z"), amount: 30 }];
    expect(summarisePurchases(orders, day("2024-01-20T00:00:00Z"), "day")).toEqual({ x: 0, tx: 0, T: 19, meanSpend: 0 });
    expect(summarisePurchases(orders, day("2023-12-01T00:00:00Z"), "day")).toBeNull();
  });

  it("groups orders by the tenant's calendar day", () => {
    // 23:30 and 00:30 UTC are the same day in UTC+08:00 (07:30 and 08:30).
    const orders = [{ at: day("2024-01-01T23:30:00Z"), amount: 5 }, { at: day("2024-01-02T00:30:00Z"), amount: 5 }];
    expect(summarisePurchases(orders, day("2024-01-10T00:00:00Z"), "day")!.x).toBe(1);
    expect(summarisePurchases(orders, day("2024-01-10T00:00:00Z"), "day", 480)!.x).toBe(0);
  });
});
