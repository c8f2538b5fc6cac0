import { beforeAll, describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer } from "../harness/fixture.ts";
import { runToEnd } from "../harness/segments.ts";

type Run = { id: string; status: string; customers: number; progress: { stage: string }; diagnostics: { otherCurrencies?: Array<{ currency: string; orders: number }> } };

const DAY = 86_400_000;
const AS_OF = new Date(Date.now() - 5 * DAY);
const before = (days: number) => new Date(AS_OF.getTime() - days * DAY);

/** Orders for one customer, each `[currency, days before the as-of date, status?]`. */
async function insertOrders(tenantId: string, customerId: string, placed: Array<[string, number, ("paid" | "cancelled")?]>): Promise<void> {
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) =>
      tx.insert(orders).values(placed.map(([currency, days, status]) => ({ tenantId, customerId, source: "test", status: status ?? "paid", currency, totalMinor: 2500, orderedAt: before(days) }))),
    ),
  );
}

describe("orders in other currencies than the tenant's", () => {
  let owner: Account;

  beforeAll(async () => {
    owner = await signUp();
    await insertOrders(owner.tenantId, await insertCustomer(owner.tenantId, "Euro buyer"), [["EUR", 100], ["EUR", 20]]);
    await insertOrders(owner.tenantId, await insertCustomer(owner.tenantId, "Both currencies"), [["EUR", 60], ["GBP", 50], ["GBP", 10]]);
    await insertOrders(owner.tenantId, await insertCustomer(owner.tenantId, "Pound buyer"), [["GBP", 80], ["GBP", 40, "cancelled"], ["GBP", -2], ["USD", 30]]);
  });

  it("a run counts them per currency in its diagnostics, up to the as-of date and cancelled ones aside", { timeout: 120_000 }, async () => {
    const run = await runToEnd<Run>(owner, { asOf: AS_OF.toISOString() });
    expect(run.status).toBe("done");
    expect(run.customers).toBe(2);
    expect(run.diagnostics.otherCurrencies).toEqual([{ currency: "GBP", orders: 3 }, { currency: "USD", orders: 1 }]);
  });

  it("a run with every order in the tenant's currency reports none", { timeout: 120_000 }, async () => {
    const other = await signUp();
    await insertOrders(other.tenantId, await insertCustomer(other.tenantId, "Euro buyer"), [["EUR", 30]]);
    const run = await runToEnd<Run>(other, { asOf: AS_OF.toISOString() });
    expect(run.status).toBe("done");
    expect(run.diagnostics.otherCurrencies).toEqual([]);
  });
});
