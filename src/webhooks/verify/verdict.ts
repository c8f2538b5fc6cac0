/** A webhook request as verification sees it: the exact bytes and headers, and the secrets that may have signed it. */
export type HookRequest = {
  headers: Headers;
  body: Uint8Array;
  /** The current secret first, then the previous one while its overlap lasts. */
  secrets: string[];
  shopDomain: string | null;
  /** Milliseconds since the epoch, for timestamp tolerance. */
  now: number;
};

/** What verification decided: a delivery to record, a platform's set-up ping, or a refusal. */
export type Verdict =
  | { kind: "delivery"; topic: string; dedupKey: string; webhookId: string | null }
  | { kind: "ping" }
  | { kind: "rejected"; reason: string };

export const rejected = (reason: string): Verdict => ({ kind: "rejected", reason });

/** Platforms that sign a timestamp allow this much clock difference, as Stripe does. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;
