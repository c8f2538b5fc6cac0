import { concatBytes, encodeBase64, encodeHex, hmacSha256, utf8 } from "./verify/bytes.ts";
import { standardWebhooksKey } from "./verify/standard-webhooks.ts";
import type { Platform } from "./verify/index.ts";

export type SignedDelivery = { body: string; headers: Record<string, string> };

/**
 * Signs a body as the platform would, with the headers it sends: for ckm's test deliveries,
 * and for anyone writing a sender against the generic (Standard Webhooks) endpoint.
 */
export async function signAs(platform: Platform, secret: string, delivery: { body: string; topic: string; id: string; shopDomain?: string | null }, now = Date.now()): Promise<SignedDelivery> {
  const body = utf8(delivery.body);
  const seconds = Math.floor(now / 1000);
  switch (platform) {
    case "shopify":
      return {
        body: delivery.body,
        headers: {
          "content-type": "application/json",
          "x-shopify-hmac-sha256": encodeBase64(await hmacSha256(utf8(secret), body)),
          "x-shopify-topic": delivery.topic,
          "x-shopify-shop-domain": delivery.shopDomain ?? "example.myshopify.com",
          "x-shopify-api-version": "2025-10",
          "x-shopify-webhook-id": delivery.id,
          "x-shopify-event-id": delivery.id,
          "x-shopify-triggered-at": new Date(now).toISOString(),
        },
      };
    case "woocommerce":
      return {
        body: delivery.body,
        headers: {
          "content-type": "application/json",
          "x-wc-webhook-signature": encodeBase64(await hmacSha256(utf8(secret), body)),
          "x-wc-webhook-topic": delivery.topic,
          "x-wc-webhook-resource": delivery.topic.split(".")[0]!,
          "x-wc-webhook-event": delivery.topic.split(".")[1] ?? "",
          "x-wc-webhook-source": delivery.shopDomain ? `https://${delivery.shopDomain}/` : "https://shop.example.com/",
          "x-wc-webhook-delivery-id": delivery.id,
        },
      };
    case "stripe":
      return {
        body: delivery.body,
        headers: { "content-type": "application/json", "stripe-signature": `t=${seconds},v1=${encodeHex(await hmacSha256(utf8(secret), concatBytes(utf8(`${seconds}.`), body)))}` },
      };
    case "generic":
      return {
        body: delivery.body,
        headers: {
          "content-type": "application/json",
          "webhook-id": delivery.id,
          "webhook-timestamp": String(seconds),
          "webhook-signature": `v1,${encodeBase64(await hmacSha256(standardWebhooksKey(secret), concatBytes(utf8(`${delivery.id}.${seconds}.`), body)))}`,
        },
      };
  }
}
