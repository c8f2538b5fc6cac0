import { parseWebhookJson } from "../webhook-json.ts";
import { concatBytes, decodeHex, hmacMatchesAny, utf8 } from "./bytes.ts";
import { rejected, TIMESTAMP_TOLERANCE_SECONDS, type HookRequest, type Verdict } from "./verdict.ts";

const decoder = new TextDecoder();

/**
 * Stripe signs `<t>.<raw body>` with the endpoint secret and sends `Stripe-Signature:
 * t=<unix seconds>,v1=<hex>[,v1=<hex>...]`; any v1 may match, and a timestamp further than
 * five minutes from now is refused so a captured delivery cannot be replayed later. The
 * event id identifies a delivery.
 */
export async function verifyStripe(request: HookRequest): Promise<Verdict> {
  const header = request.headers.get("stripe-signature");
  if (!header) return rejected("missing Stripe-Signature");
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = parts.find(([name]) => name === "t")?.[1];
  const signatures = parts.filter(([name]) => name === "v1").map(([, value]) => decodeHex(value ?? ""));
  if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0 || signatures.some((signature) => !signature)) return rejected("malformed Stripe-Signature");
  if (Math.abs(request.now / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return rejected("timestamp outside the tolerance");
  const signed = concatBytes(utf8(`${timestamp}.`), request.body);
  if (!(await hmacMatchesAny(request.secrets.map(utf8), signed, signatures as Uint8Array[]))) return rejected("signature does not match");
  let event: { id?: unknown; type?: unknown };
  try {
    event = (parseWebhookJson(decoder.decode(request.body)) ?? {}) as typeof event;
  } catch {
    return rejected("body is not JSON");
  }
  if (typeof event.id !== "string" || typeof event.type !== "string") return rejected("body is not a Stripe event");
  return { kind: "delivery", topic: event.type, dedupKey: event.id, webhookId: event.id };
}
