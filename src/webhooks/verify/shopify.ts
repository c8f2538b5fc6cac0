import { decodeBase64, hmacMatchesAny, utf8 } from "./bytes.ts";
import { rejected, type HookRequest, type Verdict } from "./verdict.ts";

/**
 * Shopify signs the raw body with the app's secret: base64 HMAC-SHA256 in
 * `X-Shopify-Hmac-Sha256`. A delivery is the same event when its event id and topic are (a
 * retry keeps both; `X-Shopify-Webhook-Id` is kept for the log).
 */
export async function verifyShopify(request: HookRequest): Promise<Verdict> {
  const { headers } = request;
  const header = headers.get("x-shopify-hmac-sha256");
  if (!header) return rejected("missing X-Shopify-Hmac-Sha256");
  const signature = decodeBase64(header);
  if (!signature) return rejected("malformed X-Shopify-Hmac-Sha256");
  if (!(await hmacMatchesAny(request.secrets.map(utf8), request.body, [signature]))) return rejected("signature does not match");
  const topic = headers.get("x-shopify-topic");
  if (!topic) return rejected("missing X-Shopify-Topic");
  const shop = headers.get("x-shopify-shop-domain");
  if (request.shopDomain && shop?.toLowerCase() !== request.shopDomain.toLowerCase()) return rejected("shop domain does not match the integration");
  const webhookId = headers.get("x-shopify-webhook-id");
  const eventId = headers.get("x-shopify-event-id") ?? webhookId;
  if (!eventId) return rejected("missing X-Shopify-Event-Id");
  return { kind: "delivery", topic, dedupKey: `${topic}:${eventId}`, webhookId };
}
