import { parseWebhookJson } from "../webhook-json.ts";
import { concatBytes, decodeBase64, hmacMatchesAny, utf8 } from "./bytes.ts";
import { rejected, TIMESTAMP_TOLERANCE_SECONDS, type HookRequest, type Verdict } from "./verdict.ts";

const decoder = new TextDecoder();

/** A Standard Webhooks secret is `whsec_<base64 key>`; the key is the decoded bytes. */
export function standardWebhooksKey(secret: string): Uint8Array {
  return (secret.startsWith("whsec_") ? decodeBase64(secret.slice(6)) : null) ?? utf8(secret);
}

/**
 * Standard Webhooks (standardwebhooks.com), for shops ckm does not know by name: `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` (`v1,<base64>` entries separated by spaces) over
 * `<id>.<timestamp>.<raw body>`. The message id identifies a delivery; the topic is the
 * payload's `type`.
 */
export async function verifyStandardWebhooks(request: HookRequest): Promise<Verdict> {
  const { headers } = request;
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const header = headers.get("webhook-signature");
  if (!id || !timestamp || !header) return rejected("missing webhook-id, webhook-timestamp or webhook-signature");
  if (!/^\d+$/.test(timestamp)) return rejected("malformed webhook-timestamp");
  if (Math.abs(request.now / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return rejected("timestamp outside the tolerance");
  const signatures = header
    .split(" ")
    .filter((entry) => entry.startsWith("v1,"))
    .map((entry) => decodeBase64(entry.slice(3)))
    .filter((signature): signature is Uint8Array => signature !== null);
  if (signatures.length === 0) return rejected("malformed webhook-signature");
  const signed = concatBytes(utf8(`${id}.${timestamp}.`), request.body);
  if (!(await hmacMatchesAny(request.secrets.map(standardWebhooksKey), signed, signatures))) return rejected("signature does not match");
  let payload: { type?: unknown };
  try {
    payload = (parseWebhookJson(decoder.decode(request.body)) ?? {}) as typeof payload;
  } catch {
    return rejected("body is not JSON");
  }
  return { kind: "delivery", topic: typeof payload.type === "string" ? payload.type : "unknown", dedupKey: id, webhookId: id };
}
