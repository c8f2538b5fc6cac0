import { parseWebhookJson } from "../webhook-json.ts";
import { decodeBase64, hmacMatchesAny, utf8 } from "./bytes.ts";
import { rejected, type HookRequest, type Verdict } from "./verdict.ts";

const decoder = new TextDecoder();

/**
 * WooCommerce signs the raw body: base64 HMAC-SHA256 in `X-WC-Webhook-Signature`. When a
 * webhook is created it posts `webhook_id=<n>` to check the URL answers; that ping is answered
 * without effect. Deliveries carry no stable id, so the same change is recognised by source,
 * resource, object id and modification time.
 */
export async function verifyWooCommerce(request: HookRequest): Promise<Verdict> {
  const { headers } = request;
  const header = headers.get("x-wc-webhook-signature");
  if (/^webhook_id=\d+$/.test(decoder.decode(request.body).trim())) return { kind: "ping" };
  if (!header) return rejected("missing X-WC-Webhook-Signature");
  const signature = decodeBase64(header);
  if (!signature) return rejected("malformed X-WC-Webhook-Signature");
  if (!(await hmacMatchesAny(request.secrets.map(utf8), request.body, [signature]))) return rejected("signature does not match");
  const topic = headers.get("x-wc-webhook-topic");
  if (!topic) return rejected("missing X-WC-Webhook-Topic");
  const resource = headers.get("x-wc-webhook-resource") ?? topic.split(".")[0]!;
  const source = headers.get("x-wc-webhook-source") ?? "";
  let payload: unknown;
  try {
    payload = parseWebhookJson(decoder.decode(request.body));
  } catch {
    return rejected("body is not JSON");
  }
  const object = (payload ?? {}) as { id?: unknown; date_modified_gmt?: unknown; date_modified?: unknown };
  const modified = object.date_modified_gmt ?? object.date_modified ?? "";
  return { kind: "delivery", topic, dedupKey: `${source}|${resource}|${String(object.id ?? "")}|${String(modified)}`, webhookId: headers.get("x-wc-webhook-delivery-id") };
}
