import { createHmac } from "node:crypto";
import { call } from "./api.ts";

/**
 * Signing as each platform documents it, written here with node:crypto and independently of
 * the product's code, so the tests check the product against the platforms' rules, not
 * against itself. Stripe is signed by the official `stripe` package in the tests.
 */
export const hmacBase64 = (secret: string | Buffer, body: string) => createHmac("sha256", secret).update(body, "utf8").digest("base64");

export function shopifyHeaders(secret: string, body: string, topic: string, eventId = crypto.randomUUID(), shop = "ckm-test.myshopify.com"): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-shopify-hmac-sha256": hmacBase64(secret, body),
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2025-10",
    "x-shopify-webhook-id": crypto.randomUUID(),
    "x-shopify-event-id": eventId,
    "x-shopify-triggered-at": new Date().toISOString(),
  };
}

export function wooHeaders(secret: string, body: string, topic: string, source = "https://woo.example.com/"): Record<string, string> {
  const [resource, event] = topic.split(".");
  return {
    "content-type": "application/json",
    "x-wc-webhook-signature": hmacBase64(secret, body),
    "x-wc-webhook-topic": topic,
    "x-wc-webhook-resource": resource!,
    "x-wc-webhook-event": event!,
    "x-wc-webhook-source": source,
    "x-wc-webhook-id": "17",
    "x-wc-webhook-delivery-id": crypto.randomUUID(),
  };
}

/** Standard Webhooks: the key is the base64 after `whsec_`; signed content `id.timestamp.body`. */
export function standardHeaders(secret: string, body: string, id = `msg_${crypto.randomUUID()}`, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return {
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${hmacBase64(key, `${id}.${timestamp}.${body}`)}`,
  };
}

/** Posts a body to an integration's delivery URL with the given headers. */
export function deliver(integrationId: string, body: string, headers: Record<string, string>): Promise<Response> {
  return call("POST", `/v1/hooks/${integrationId}`, { raw: { body, contentType: headers["content-type"] ?? "application/json" }, headers });
}

/** A generic (Standard Webhooks) customer event in ckm's own shape. */
export function genericCustomerEvent(id: string, email: string, updatedAt = new Date().toISOString()): string {
  return JSON.stringify({ type: "customer.updated", timestamp: updatedAt, data: { id, email, name: "Gene Eric", updatedAt } });
}
