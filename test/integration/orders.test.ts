import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { newCustomer } from "../harness/customers.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

type Order = { id: string; status: string; totalMinor: number; refundedMinor: number; lines?: Array<{ quantity: number }>; refunds?: unknown[] };
type Summary = { currencies: Array<{ currency: string; orders: number; customers: number; grossMinor: number; refundedMinor: number; netMinor: number }> };

async function customer(owner: Account, name: string): Promise<string> {
  return (await newCustomer(owner, { name })).id;
}

function order(owner: Account, body: Record<string, unknown>) {
  return call("POST", "/v1/orders", {
    token: owner.tokens.accessToken,
    body: { currency: "GBP", orderedAt: "2010-12-01T08:26:00Z", lines: [{ sku: "85123A", title: "Heart holder", quantity: 6, unitPrice: 255 }], ...body },
  });
}

describe("orders", () => {
  it("records an order in minor units with its lines and shows it on the customer's timeline", async () => {
    const owner = await signUp();
    const customerId = await customer(owner, "Ada");
    const created = await expectJson<Order>(
      await order(owner, {
        customerId,
        source: "shop",
        externalId: "536365",
        lines: [
          { sku: "85123A", title: "White hanging heart t-light holder", quantity: 6, unitPrice: 255 },
          { sku: "71053", title: "White metal lantern", quantity: 6, unitPrice: 339 },
        ],
      }),
      201,
    );
    expect(created).toMatchObject({ status: "paid", totalMinor: 6 * 255 + 6 * 339, refundedMinor: 0 });
    const fetched = await getJson<Order>(`/v1/orders/${created.id}`, { token: owner.tokens.accessToken });
    expect(fetched.lines).toHaveLength(2);
    const timeline = await getJson<{ items: Array<{ kind: string; summary: string }> }>(`/v1/customers/${customerId}/timeline?kind=order`, {
      token: owner.tokens.accessToken,
    });
    expect(timeline.items[0]?.summary).toBe("Order 536365: £35.64");
    const listed = await getJson<{ items: Order[] }>(`/v1/orders?customerId=${customerId}`, { token: owner.tokens.accessToken });
    expect(listed.items.map((item) => item.id)).toEqual([created.id]);
  });

  it("refuses a second order with the same source and external id, and invalid money", async () => {
    const owner = await signUp();
    await expectJson(await order(owner, { source: "shop", externalId: "A-1" }), 201);
    await expectProblem(await order(owner, { source: "shop", externalId: "A-1" }), 409, "json.externalId");
    await expectJson(await order(owner, { source: "other-shop", externalId: "A-1" }), 201);
    await expectProblem(await order(owner, { currency: "XXY" }), 400, "json.currency");
    await expectProblem(await order(owner, { lines: [{ title: "Float", quantity: 1, unitPrice: 2.55 }] }), 400, "json.lines.0.unitPrice");
    await expectProblem(await order(owner, { lines: [] }), 400, "json.lines");
    await expectProblem(await order(owner, { customerId: crypto.randomUUID() }), 404);
    const listed = await getJson<{ items: Order[] }>("/v1/orders", { token: owner.tokens.accessToken });
    expect(listed.items).toHaveLength(2);
  });

  it("refunds up to what was paid, never more, and cancels once", async () => {
    const owner = await signUp();
    const { id } = await expectJson<Order>(await order(owner, {}), 201);
    const refund = (amount: number, externalId?: string) =>
      call("POST", `/v1/orders/${id}/refunds`, { token: owner.tokens.accessToken, body: { amount, externalId } });
    await expectJson(await refund(1000, "r1"), 201);
    await expectProblem(await refund(10, "r1"), 409, "json.externalId");
    await expectProblem(await refund(531), 422, "json.amount");
    await expectJson(await refund(530), 201);
    const refunded = await getJson<Order>(`/v1/orders/${id}`, { token: owner.tokens.accessToken });
    expect(refunded).toMatchObject({ totalMinor: 1530, refundedMinor: 1530 });
    expect(refunded.refunds).toHaveLength(2);

    const cancel = () => call("POST", `/v1/orders/${id}/cancel`, { token: owner.tokens.accessToken, body: {} });
    expect((await expectJson<Order>(await cancel())).status).toBe("cancelled");
    expect((await expectJson<Order>(await cancel())).status).toBe("cancelled");
  });

  it("sums revenue per currency net of refunds, leaving cancelled orders out", async () => {
    const owner = await signUp();
    const ada = await customer(owner, "Ada");
    const bo = await customer(owner, "Bo");
    const first = await expectJson<Order>(await order(owner, { customerId: ada }), 201);
    await expectJson(await order(owner, { customerId: bo }), 201);
    const cancelled = await expectJson<Order>(await order(owner, { customerId: bo }), 201);
    await expectJson(await order(owner, { customerId: ada, currency: "EUR" }), 201);
    await call("POST", `/v1/orders/${first.id}/refunds`, { token: owner.tokens.accessToken, body: { amount: 100 } });
    await call("POST", `/v1/orders/${cancelled.id}/cancel`, { token: owner.tokens.accessToken, body: {} });
    const summary = await getJson<Summary>("/v1/orders/summary", { token: owner.tokens.accessToken });
    expect(summary.currencies).toEqual([
      { currency: "EUR", orders: 1, customers: 1, grossMinor: 1530, refundedMinor: 0, netMinor: 1530 },
      { currency: "GBP", orders: 2, customers: 2, grossMinor: 3060, refundedMinor: 100, netMinor: 2960 },
    ]);
    const none = await getJson<Summary>("/v1/orders/summary?from=2011-01-01T00:00:00Z", { token: owner.tokens.accessToken });
    expect(none.currencies).toEqual([]);
  });

  it("pages orders newest first without gaps", async () => {
    const owner = await signUp();
    const ids: string[] = [];
    for (let day = 1; day <= 5; day++) {
      ids.push((await expectJson<Order>(await order(owner, { orderedAt: `2011-01-0${day}T10:00:00Z` }), 201)).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Order[]; nextCursor: string | null } = await getJson(`/v1/orders?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        token: owner.tokens.accessToken,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });
});
