import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { accepted, connect, deliveries } from "../harness/integrations.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { deliver, genericCustomerEvent, shopifyHeaders, standardHeaders, wooHeaders } from "../harness/webhooks.ts";
import shopifyCustomer from "../fixtures/webhooks/shopify-customers-create.json?raw";
import stripeCustomer from "../fixtures/webhooks/stripe-customer-created.json?raw";
import wooCustomer from "../fixtures/webhooks/woocommerce-customer-created.json?raw";

const SHOPIFY_SECRET = "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";
const STRIPE_SECRET = "whsec_test_5e8b1d2c7a4f9e0b3c6d1a8f2e5b7c4d";
const stripe = new Stripe("sk_test_unused");

const flipByte = (text: string) => text.replace('"email"', '"emaiL"');

async function stripeSignature(payload: string, secret = STRIPE_SECRET, timestamp = Math.floor(Date.now() / 1000)): Promise<Record<string, string>> {
  return { "content-type": "application/json", "stripe-signature": await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp }) };
}

async function expectUnverified(res: Response, reason: RegExp): Promise<void> {
  const problem = await expectProblem(res, 401);
  expect(problem.detail).toMatch(reason);
  expect(res.headers.get("www-authenticate")).toBeNull();
}

describe("receiving Shopify deliveries", () => {
  it("accepts a correctly signed delivery and refuses a flipped byte, a wrong secret and a missing header", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "shopify", { secret: SHOPIFY_SECRET, shopDomain: "ckm-test.myshopify.com" });
    const headers = shopifyHeaders(SHOPIFY_SECRET, shopifyCustomer, "customers/create");
    await accepted(await deliver(integration.id, shopifyCustomer, headers));
    await expectUnverified(await deliver(integration.id, flipByte(shopifyCustomer), headers), /signature does not match/);
    await expectUnverified(await deliver(integration.id, shopifyCustomer, shopifyHeaders("not-the-secret", shopifyCustomer, "customers/create")), /signature does not match/);
    const { "x-shopify-hmac-sha256": _, ...unsigned } = headers;
    await expectUnverified(await deliver(integration.id, shopifyCustomer, unsigned), /missing X-Shopify-Hmac-Sha256/);
    await expectUnverified(await deliver(integration.id, shopifyCustomer, { ...headers, "x-shopify-hmac-sha256": "***" }), /malformed/);
    await expectUnverified(await deliver(integration.id, shopifyCustomer, shopifyHeaders(SHOPIFY_SECRET, shopifyCustomer, "customers/create", undefined, "other.myshopify.com")), /shop domain/);
    expect(await deliveries(owner, integration.id)).toHaveLength(1);
  });

  it("records a repeated event once, whatever its webhook id, and answers every repeat 200", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "shopify", { secret: SHOPIFY_SECRET });
    const eventId = crypto.randomUUID();
    const first = await accepted(await deliver(integration.id, shopifyCustomer, shopifyHeaders(SHOPIFY_SECRET, shopifyCustomer, "customers/create", eventId)));
    const again = await accepted(await deliver(integration.id, shopifyCustomer, shopifyHeaders(SHOPIFY_SECRET, shopifyCustomer, "customers/create", eventId)));
    expect(again).toMatchObject({ deliveryId: first.deliveryId, duplicate: true });
    expect(first.duplicate).toBe(false);
  });
});

describe("receiving WooCommerce deliveries", () => {
  it("answers the creation ping without recording anything, then verifies deliveries", async () => {
    const owner = await signUp();
    const { integration, secret } = await connect(owner, "woocommerce");
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const ping = await call("POST", `/v1/hooks/${integration.id}`, { raw: { body: "webhook_id=17", contentType: "application/x-www-form-urlencoded" } });
    expect(await expectJson(ping)).toEqual({ received: true, deliveryId: null, duplicate: false });
    expect(await deliveries(owner, integration.id)).toEqual([]);
    await accepted(await deliver(integration.id, wooCustomer, wooHeaders(secret, wooCustomer, "customer.created")));
    await expectUnverified(await deliver(integration.id, flipByte(wooCustomer), wooHeaders(secret, wooCustomer, "customer.created")), /signature does not match/);
    await expectUnverified(await deliver(integration.id, wooCustomer, wooHeaders("wrong", wooCustomer, "customer.created")), /signature does not match/);
    const { "x-wc-webhook-signature": _, ...unsigned } = wooHeaders(secret, wooCustomer, "customer.created");
    await expectUnverified(await deliver(integration.id, wooCustomer, unsigned), /missing X-WC-Webhook-Signature/);
  });

  it("recognises the same change by source, resource, id and modification time", async () => {
    const owner = await signUp();
    const { integration, secret } = await connect(owner, "woocommerce");
    const first = await accepted(await deliver(integration.id, wooCustomer, wooHeaders(secret, wooCustomer, "customer.created")));
    const repeat = await accepted(await deliver(integration.id, wooCustomer, wooHeaders(secret, wooCustomer, "customer.created")));
    expect(repeat).toMatchObject({ deliveryId: first.deliveryId, duplicate: true });
    const changed = wooCustomer.replace('"date_modified_gmt": "2026-11-20T15:20:00"', '"date_modified_gmt": "2026-11-21T08:00:00"');
    expect((await accepted(await deliver(integration.id, changed, wooHeaders(secret, changed, "customer.updated")))).duplicate).toBe(false);
  });
});

describe("receiving Stripe deliveries, signed by Stripe's own library", () => {
  it("accepts a fresh signature and refuses a flipped byte, a wrong secret, a stale timestamp and a missing header", async () => {
    const owner = await signUp();
    const { integration } = await connect(owner, "stripe", { secret: STRIPE_SECRET });
    await accepted(await deliver(integration.id, stripeCustomer, await stripeSignature(stripeCustomer)));
    await expectUnverified(await deliver(integration.id, flipByte(stripeCustomer), await stripeSignature(stripeCustomer)), /signature does not match/);
    await expectUnverified(await deliver(integration.id, stripeCustomer, await stripeSignature(stripeCustomer, "whsec_wrong")), /signature does not match/);
    const stale = Math.floor(Date.now() / 1000) - 301;
    await expectUnverified(await deliver(integration.id, stripeCustomer, await stripeSignature(stripeCustomer, STRIPE_SECRET, stale)), /tolerance/);
    await expectUnverified(await deliver(integration.id, stripeCustomer, { "content-type": "application/json" }), /missing Stripe-Signature/);
    expect(await deliveries(owner, integration.id)).toHaveLength(1);
  });

  it("requires the secret Stripe issued", async () => {
    const owner = await signUp();
    await expectProblem(await call("POST", "/v1/integrations", { token: owner.tokens.accessToken, body: { platform: "stripe", name: "Stripe" } }), 400, "json.secret");
  });
});

describe("receiving Standard Webhooks from other shops", () => {
  it("verifies id, timestamp and body, within five minutes", async () => {
    const owner = await signUp();
    const { integration, secret } = await connect(owner, "generic");
    expect(secret).toMatch(/^whsec_/);
    const body = genericCustomerEvent("g-1", "gene@example.com");
    await accepted(await deliver(integration.id, body, standardHeaders(secret, body)));
    await expectUnverified(await deliver(integration.id, flipByte(body), standardHeaders(secret, body)), /signature does not match/);
    await expectUnverified(await deliver(integration.id, body, standardHeaders(secret, body, undefined, Math.floor(Date.now() / 1000) - 600)), /tolerance/);
    await expectUnverified(await deliver(integration.id, body, { "content-type": "application/json" }), /missing webhook-id/);
  });
});

describe("the delivery URL", () => {
  async function genericIntegration(owner: Account) {
    return connect(owner, "generic");
  }

  it("answers 404 for an unknown integration, 410 while disabled, and 413 for an oversize body", async () => {
    const owner = await signUp();
    const { integration, secret } = await genericIntegration(owner);
    const body = genericCustomerEvent("g-2", "gene@example.com");
    await expectProblem(await deliver(crypto.randomUUID(), body, standardHeaders(secret, body)), 404);
    await expectJson(await call("PATCH", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken, body: { status: "disabled" } }));
    await expectProblem(await deliver(integration.id, body, standardHeaders(secret, body)), 410);
    await expectJson(await call("PATCH", `/v1/integrations/${integration.id}`, { token: owner.tokens.accessToken, body: { status: "active" } }));
    const huge = JSON.stringify({ type: "customer.updated", data: { id: "x", name: "x".repeat(2 * 1024 * 1024) } });
    await expectProblem(await deliver(integration.id, huge, standardHeaders(secret, huge)), 413);
    await accepted(await deliver(integration.id, body, standardHeaders(secret, body)));
  });

  it("verifies with the previous secret during the rotation overlap only", async () => {
    const owner = await signUp();
    const { integration, secret: old } = await genericIntegration(owner);
    const rotated = await expectJson<{ secret: string; integration: { previousSecretExpiresAt: string } }>(
      await call("POST", `/v1/integrations/${integration.id}/rotate-secret`, { token: owner.tokens.accessToken, body: { overlapHours: 2 } }),
    );
    expect(rotated.secret).not.toBe(old);
    expect(new Date(rotated.integration.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const body = genericCustomerEvent("g-3", "gene@example.com");
    await accepted(await deliver(integration.id, body, standardHeaders(old, body)));
    await accepted(await deliver(integration.id, body, standardHeaders(rotated.secret, body)));
    await expectJson(await call("POST", `/v1/integrations/${integration.id}/rotate-secret`, { token: owner.tokens.accessToken, body: { overlapHours: 0 } }));
    await expectUnverified(await deliver(integration.id, body, standardHeaders(rotated.secret, body)), /signature does not match/);
  });

  it("is refused for another tenant's secret: each integration verifies only with its own", async () => {
    const a = await signUp();
    const b = await signUp();
    const { integration: ofA } = await genericIntegration(a);
    const { secret: ofB } = await genericIntegration(b);
    const body = genericCustomerEvent("g-4", "gene@example.com");
    await expectUnverified(await deliver(ofA.id, body, standardHeaders(ofB, body)), /signature does not match/);
    expect(await deliveries(a, ofA.id)).toEqual([]);
  });
});
