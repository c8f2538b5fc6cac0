import { describe, expect, it } from "vitest";
import { generateCustomers } from "./generate.ts";

const take = (count: number, seed?: number) => [...generateCustomers(count, seed)];

describe("the benchmark tenant generator", () => {
  it("gives the same customers and orders for the same seed, and others for another", () => {
    expect(take(200)).toEqual(take(200));
    expect(take(50, 2).map((c) => c.id)).not.toEqual(take(50, 1).map((c) => c.id));
  });

  it("has about ten orders a customer, a heavy tail of spend, Chinese and Western names and some dirty contacts", () => {
    const customers = take(5000);
    const orders = customers.flatMap((c) => c.orders);
    expect(orders.length / customers.length).toBeGreaterThan(8.5);
    expect(orders.length / customers.length).toBeLessThan(12);
    const spend = customers.map((c) => c.orders.reduce((sum, o) => sum + o.totalMinor, 0)).sort((a, b) => a - b);
    // The top 1% of customers spend over five times what the median customer does.
    expect(spend[Math.floor(spend.length * 0.99)]! / spend[spend.length / 2]!).toBeGreaterThan(5);
    expect(customers.some((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
    expect(customers.some((c) => /^[A-Z][a-z]+ [A-Z]/.test(c.name))).toBe(true);
    const emails = customers.map((c) => c.email).filter((e): e is string => e !== null);
    const dirty = emails.filter((e) => !/^[a-z0-9.]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(e)).length / emails.length;
    expect(dirty).toBeGreaterThan(0.05);
    expect(dirty).toBeLessThan(0.2);
    expect(customers.every((c) => c.orders.every((o) => o.orderedAt >= c.createdAt && o.totalMinor > 0))).toBe(true);
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
  });
});
