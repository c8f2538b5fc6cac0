/**
 * Parses a platform's JSON keeping integers beyond 2^53 exact: Shopify's ids are 64-bit and a
 * JS number would round them, so such numbers come back as their source text. Uses the
 * reviver's source text (JSON.parse source access), which the Workers runtime provides.
 */
export function parseWebhookJson(text: string): unknown {
  return JSON.parse(text, function keepLargeIntegers(this: unknown, _key: string, value: unknown, context?: { source?: string }) {
    if (typeof value !== "number" || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
    if (context?.source === undefined) throw new Error("This runtime cannot read large JSON integers exactly.");
    return context.source;
  } as (this: unknown, key: string, value: unknown) => unknown);
}
