import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { accepted, connect, settled, type Delivery } from "../harness/integrations.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { deliver, shopifyHeaders, wooHeaders } from "../harness/webhooks.ts";
import shopifyCustomer from "../fixtures/webhooks/shopify-customers-create.json?raw";
import shopifyCustomerUpdate from "../fixtures/webhooks/shopify-customers-update.json?raw";
import shopifyOrder from "../fixtures/webhooks/shopify-orders-create.json?raw";
import shopifyOrderUpdate from "../fixtures/webhooks/shopify-orders-updated.json?raw";
import shopifyRefund from "../fixtures/webhooks/shopify-refunds-create.json?raw";
import stripeRefund from "../fixtures/webhooks/stripe-charge-refunded.json?raw";
import stripeCustomer from "../fixtures/webhooks/stripe-customer-created.json?raw";
import stripePayment from "../fixtures/webhooks/stripe-payment-intent-succeeded.json?raw";
import wooCustomer from "../fixtures/webhooks/woocommerce-customer-created.json?raw";
import wooOrder from "../fixtures/webhooks/woocommerce-order-created.json?raw";
import wooOrderUpdate from "../fixtures/webhooks/woocommerce-order-updated.json?raw";

const SHOPIFY_SECRET = "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";
const STRIPE_SECRET = "whsec_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const stripe = new Stripe("sk_test_unused");

type Order = { id: string; externalId: string; status: string; currency: string; totalMinor: number; refundedMinor: number; customerId: string | null; lines: Array<{ sku: string | null; quantity: number; unitPriceMinor: number }> };
type Customer = { id: string; name: string | null; email: string | null; phone: string | null; country: string | null; tags: string[]; emailConsent: boolean; identities: Array<{ platform: string; externalId: string }> };

async function orderOf(owner: Account, source: string, externalId: string): Promise<Order | undefined> {
  const page = await expectJson<{ items: Array<Order & { source: string }> }>(await call("GET", `/v1/orders?limit=200`, { token: owner.tokens.accessToken }));
  const found = page.items.find((order) => order.source === source && order.externalId === externalId);
  return found && expectJson<Order>(await call("GET", `/v1/orders/${found.id}`, { token: owner.tokens.accessToken }));
}

async function customer(owner: Account, id: string): Promise<Customer> {
  return expectJson<Customer>(await call("GET", `/v1/customers/${id}`, { token: owner.tokens.accessToken }));
}

async function count(tenantId: string, table: "orders" | "customers" | "refunds" | "webhook_deliveries"): Promise<number> {
  return withDatabase(async (db) => {
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`);
    return rows[0]!.n;
  });
}

async function shopify(owner: Account) {
  const { integration } = await connect(owner, "shopify", { secret: SHOPIFY_SECRET });
  const send = async (topic: string, body: string, eventId?: string) => {
    const { deliveryId } = await accepted(await deliver(integration.id, body, shopifyHeaders(SHOPIFY_SECRET, body, topic, eventId)));
    return settled(owner, integration.id, deliveryId);
  };
  return { integration, send };
}

describe("Shopify payloads become customers, orders and refunds", () => {
  it("creates the customer with exact 64-bit ids, standardised values, tags and consent", async () => {
    const owner = await signUp();
    const { send } = await shopify(owner);
    const delivery = await send("customers/create", shopifyCustomer);
    expect(delivery).toMatchObject({ status: "processed", topic: "customers/create", attempts: 1, error: null });
    const created = await customer(owner, delivery.outcome!.customers![0]!);
    expect(created).toMatchObject({ name: "Bob Biller", email: "bob@biller.com", phone: "+16135551111", country: "CA", tags: ["VIP", "newsletter"], emailConsent: true });
    expect(created.identities).toEqual([{ platform: "shopify", externalId: "706405506930370084" }]);
  });

  it("applies customers/update and orders/updated as changes on the timeline", async () => {
    const owner = await signUp();
    const { send } = await shopify(owner);
    const id = (await send("customers/create", shopifyCustomer)).outcome!.customers![0]!;
    expect((await send("customers/update", shopifyCustomerUpdate)).outcome!.customers).toEqual([id]);
    expect(await customer(owner, id)).toMatchObject({ name: "Bob Biller-Smith", phone: "+16135552222", tags: ["VIP", "newsletter", "wholesale"] });
    const timeline = await expectJson<{ items: Array<{ kind: string; summary: string }> }>(await call("GET", `/v1/customers/${id}/timeline`, { token: owner.tokens.accessToken }));
    expect(timeline.items[0]).toMatchObject({ kind: "field_change", summary: "Changed displayName, phone, tags from shopify" });
    await send("orders/create", shopifyOrder);
    await send("orders/updated", shopifyOrderUpdate);
    expect(await orderOf(owner, "shopify", "820982911946154508")).toMatchObject({ status: "fulfilled", totalMinor: 40300 });
    expect(await count(owner.tenantId, "orders")).toBe(1);
  });

  it("records an order with its lines and total, then its refund, and links the customer", async () => {
    const owner = await signUp();
    const { send } = await shopify(owner);
    const created = await send("orders/create", shopifyOrder);
    expect(created.status).toBe("processed");
    const order = await orderOf(owner, "shopify", "820982911946154508");
    expect(order).toMatchObject({ status: "paid", currency: "USD", totalMinor: 40300, refundedMinor: 0 });
    expect(order!.lines.map((line) => [line.sku, line.quantity, line.unitPriceMinor])).toEqual([["IPOD2008BLACK", 1, 19900], ["IPOD2008BLACK", 1, 19900]]);
    const buyer = await customer(owner, order!.customerId!);
    expect(buyer).toMatchObject({ email: "john@example.com", name: "John Smith" });
    expect(buyer.identities).toEqual([{ platform: "shopify", externalId: "115310627314723954" }]);
    const refunded = await send("refunds/create", shopifyRefund);
    expect(refunded.status).toBe("processed");
    expect((await orderOf(owner, "shopify", "820982911946154508"))!.refundedMinor).toBe(19900);
  });

  it("turns the same order delivered 100 times into one delivery, one order and one refund", async () => {
    const owner = await signUp();
    const { integration } = await shopify(owner);
    const eventId = crypto.randomUUID();
    const headers = shopifyHeaders(SHOPIFY_SECRET, shopifyOrder, "orders/create", eventId);
    const receipts = [];
    for (let round = 0; round < 10; round++) {
      receipts.push(...(await Promise.all(Array.from({ length: 10 }, () => deliver(integration.id, shopifyOrder, headers).then(accepted)))));
    }
    expect(new Set(receipts.map((receipt) => receipt.deliveryId)).size).toBe(1);
    expect(receipts.filter((receipt) => !receipt.duplicate)).toHaveLength(1);
    await settled(owner, integration.id, receipts[0]!.deliveryId);
    for (let n = 0; n < 3; n++) {
      const refund = shopifyHeaders(SHOPIFY_SECRET, shopifyRefund, "refunds/create", `refund-event-${n}`);
      await settled(owner, integration.id, (await accepted(await deliver(integration.id, shopifyRefund, refund))).deliveryId);
    }
    expect(await count(owner.tenantId, "webhook_deliveries")).toBe(4);
    expect(await count(owner.tenantId, "orders")).toBe(1);
    expect(await count(owner.tenantId, "refunds")).toBe(1);
    expect((await orderOf(owner, "shopify", "820982911946154508"))!.refundedMinor).toBe(19900);
  });

  it("keeps the newest state when updates arrive out of order", async () => {
    const owner = await signUp();
    const { send } = await shopify(owner);
    const newer = shopifyOrder
      .replace('"updated_at": "2026-11-20T10:15:02-05:00"', '"updated_at": "2026-11-22T08:00:00-05:00"')
      .replace('"cancelled_at": null', '"cancelled_at": "2026-11-22T08:00:00-05:00"')
      .replace('"total_price": "403.00"', '"total_price": "204.00"');
    expect((await send("orders/updated", newer)).status).toBe("processed");
    const late = await send("orders/create", shopifyOrder);
    expect(late.status).toBe("processed");
    expect(late.outcome!.skipped![0]).toMatch(/older than what shopify sent before/);
    expect(await orderOf(owner, "shopify", "820982911946154508")).toMatchObject({ status: "cancelled", totalMinor: 20400 });
  });

  it("retries a refund that arrives before its order, and applies it once the order is there", async () => {
    const owner = await signUp();
    const { integration, send } = await shopify(owner);
    const { deliveryId } = await accepted(await deliver(integration.id, shopifyRefund, shopifyHeaders(SHOPIFY_SECRET, shopifyRefund, "refunds/create")));
    const waiting = await settled(owner, integration.id, deliveryId, (delivery) => delivery.status === "failed");
    expect(waiting.error).toMatch(/Order 820982911946154508 has not arrived yet/);
    await send("orders/create", shopifyOrder);
    await expectJson(await call("POST", `/v1/integrations/${integration.id}/deliveries/${deliveryId}/replay`, { token: owner.tokens.accessToken }), 202);
    expect((await settled(owner, integration.id, deliveryId, (delivery) => delivery.status === "processed")).status).toBe("processed");
    expect((await orderOf(owner, "shopify", "820982911946154508"))!.refundedMinor).toBe(19900);
  });
});

describe("WooCommerce and Stripe payloads", () => {
  it("reads WooCommerce customers and orders, ids beyond 2^53 kept exact", async () => {
    const owner = await signUp();
    const { integration, secret } = await connect(owner, "woocommerce");
    await expectJson(await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { defaultCountry: "FR" } }));
    const send = async (topic: string, body: string) => settled(owner, integration.id, (await accepted(await deliver(integration.id, body, wooHeaders(secret, body, topic)))).deliveryId);
    const person = await send("customer.created", wooCustomer);
    const purchase = await send("order.created", wooOrder);
    expect(purchase.outcome!.customers).toEqual(person.outcome!.customers);
    expect(await customer(owner, person.outcome!.customers![0]!)).toMatchObject({ name: "Jean Dupont", phone: "+33142764040", country: "FR" });
    expect(await orderOf(owner, "woocommerce", "9007199254741993")).toMatchObject({ status: "paid", currency: "EUR", totalMinor: 2935 });
    const updated = await send("order.updated", wooOrderUpdate);
    expect(updated.outcome!.refunds).toHaveLength(1);
    expect(await orderOf(owner, "woocommerce", "9007199254741993")).toMatchObject({ status: "fulfilled", refundedMinor: 600 });
    await send("order.updated", wooOrderUpdate.replace('"date_modified_gmt": "2026-11-22T09:05:00"', '"date_modified_gmt": "2026-11-22T09:06:00"'));
    expect((await orderOf(owner, "woocommerce", "9007199254741993"))!.refundedMinor).toBe(600);
  });

  it("reads Stripe customers, payments and refunds onto one order per payment", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "stripe", { secret: STRIPE_SECRET });
    const send = async (body: string) => {
      const header = await stripe.webhooks.generateTestHeaderStringAsync({ payload: body, secret: STRIPE_SECRET });
      return settled(owner, integration.id, (await accepted(await deliver(integration.id, body, { "content-type": "application/json", "stripe-signature": header }))).deliveryId);
    };
    const person = await send(stripeCustomer);
    await send(stripePayment);
    const refund = await send(stripeRefund);
    expect(refund.status).toBe("processed");
    expect(await orderOf(owner, "stripe", "pi_3QbZ9qL2eZvKYlo20Wq6mWxY")).toMatchObject({ currency: "GBP", totalMinor: 2599, refundedMinor: 1000, customerId: person.outcome!.customers![0] });
    expect(await count(owner.tenantId, "orders")).toBe(1);
  });
});

describe("processing through the queue", () => {
  it("loses and doubles nothing when a consumer fails part-way through a batch and the batch is delivered again", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "shopify", { secret: SHOPIFY_SECRET });
    await expectJson(await call("PATCH", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken, body: { status: "disabled" } }));
    const ids = await withDatabase(async (db) => {
      const rows: string[] = [];
      // A line quantity beyond what the database stores fails the order's write after its customer was written.
      const broken = shopifyOrder.replace('"id": 820982911946154508', '"id": 820982911946154509').replace('"quantity": 1,', '"quantity": 3000000000,');
      for (const [topic, body] of [["customers/create", shopifyCustomer], ["orders/create", broken], ["orders/create", shopifyOrder]] as const) {
        const { rows: inserted } = await db.execute<{ id: string }>(
          sql`insert into webhook_deliveries (tenant_id, integration_id, topic, dedup_key, payload, payload_bytes)
              values (${owner.tenantId}, ${integration.id}, ${topic}, ${crypto.randomUUID()}, ${body}, ${body.length}) returning id`,
        );
        rows.push(inserted[0]!.id);
      }
      return rows;
    });
    const batch = () => createMessageBatch("ckm-jobs", ids.map((deliveryId, n) => ({ id: `m${n}`, timestamp: new Date(), attempts: 1, body: { kind: "webhook.process", tenantId: owner.tenantId, deliveryId } })));
    for (let delivery = 0; delivery < 2; delivery++) {
      const first = batch();
      await worker.queue(first, env);
      const result = await getQueueResult(first, createExecutionContext());
      expect(result.explicitAcks.sort()).toEqual(["m0", "m2"]);
      expect(result.retryMessages).toEqual([{ msgId: "m1" }]);
    }
    expect(await count(owner.tenantId, "customers")).toBe(2);
    expect(await count(owner.tenantId, "orders")).toBe(1);
    const log = await expectJson<{ items: Delivery[] }>(await call("GET", `/v1/integrations/${integration.id}/deliveries`, { token: owner.tokens.accessToken }));
    const byId = new Map(log.items.map((delivery) => [delivery.id, delivery]));
    expect(byId.get(ids[0]!)).toMatchObject({ status: "processed", attempts: 1 });
    expect(byId.get(ids[2]!)).toMatchObject({ status: "processed", attempts: 1 });
    expect(byId.get(ids[1]!)).toMatchObject({ status: "failed", attempts: 2 });
    expect(byId.get(ids[1]!)!.error).toMatch(/database error 22003/);
    const dead = createMessageBatch("ckm-jobs-dlq", [{ id: "d1", timestamp: new Date(), attempts: 6, body: { kind: "webhook.process", tenantId: owner.tenantId, deliveryId: ids[1]! } }]);
    await worker.queue(dead, env);
    expect((await getQueueResult(dead, createExecutionContext())).explicitAcks).toEqual(["d1"]);
    const gaveUp = await expectJson<Delivery>(await call("GET", `/v1/integrations/${integration.id}/deliveries/${ids[1]}`, { token: owner.tokens.accessToken }));
    expect(gaveUp).toMatchObject({ status: "dead" });
    expect(gaveUp.error).toMatch(/^gave up after 2 attempts: processing failed \(database error 22003\)/);
  });

  it("marks a signed but unreadable payload dead at once; the nightly run purges it after the retention period, and a purged one cannot be replayed", async () => {
    const owner = await signUp();
    const { integration } = await shopify(owner);
    const body = JSON.stringify({ id: 1, currency: "not money", line_items: [] });
    const { deliveryId } = await accepted(await deliver(integration.id, body, shopifyHeaders(SHOPIFY_SECRET, body, "orders/create")));
    const dead = await settled(owner, integration.id, deliveryId);
    expect(dead).toMatchObject({ status: "dead", attempts: 1, error: "order has no currency" });
    await withDatabase((db) => db.execute(sql`update webhook_deliveries set received_at = now() - interval '31 days' where id = ${deliveryId}`));
    const nightly = createMessageBatch("ckm-jobs", [{ id: "n1", timestamp: new Date(), attempts: 1, body: { kind: "nightly.run", scheduledAt: new Date().toISOString(), tenantIds: [owner.tenantId] } }]);
    await worker.queue(nightly, env);
    expect((await getQueueResult(nightly, createExecutionContext())).explicitAcks).toEqual(["n1"]);
    const purged = await expectJson<Delivery & { payload: string | null; payloadPurgedAt: string | null }>(await call("GET", `/v1/integrations/${integration.id}/deliveries/${deliveryId}`, { token: owner.tokens.accessToken }));
    expect(purged.payload).toBeNull();
    expect(purged.payloadPurgedAt).not.toBeNull();
    await expectProblem(await call("POST", `/v1/integrations/${integration.id}/deliveries/${deliveryId}/replay`, { token: owner.tokens.accessToken }), 409);
  });

  it("sends a signed test delivery through the real path for every platform", async () => {
    const owner = await signUp();
    for (const [platform, extra] of [["shopify", { secret: SHOPIFY_SECRET }], ["woocommerce", {}], ["stripe", { secret: STRIPE_SECRET }], ["generic", {}]] as const) {
      const { integration } = await connect(owner, platform, extra);
      const sent = await expectJson<{ deliveryId: string; topic: string }>(await call("POST", `/v1/integrations/${integration.id}/test-delivery`, { token: owner.tokens.accessToken }), 202);
      const delivery = await settled(owner, integration.id, sent.deliveryId);
      expect(delivery, platform).toMatchObject({ status: "processed" });
      expect((await customer(owner, delivery.outcome!.customers![0]!)).email).toBe("webhook-test@example.com");
    }
  });
});
