import { encodeBase64 } from "./verify/bytes.ts";
import type { Platform } from "./verify/index.ts";

/**
 * Shopify and Stripe issue the signing secret themselves (the app secret; the endpoint's
 * `whsec_...`), so the tenant must give it to ckm. For WooCommerce and generic senders ckm can
 * make one for the tenant to paste into the shop.
 */
export const PLATFORM_ISSUES_SECRET: Record<Platform, boolean> = { shopify: true, stripe: true, woocommerce: false, generic: false };

/** A fresh secret in the form the platform expects: Standard Webhooks' `whsec_<base64>` for generic senders. */
export function generateSecret(platform: Platform): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = encodeBase64(bytes);
  return platform === "generic" ? `whsec_${base64}` : base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
