import { verifyShopify } from "./shopify.ts";
import { verifyStandardWebhooks } from "./standard-webhooks.ts";
import { verifyStripe } from "./stripe.ts";
import type { HookRequest, Verdict } from "./verdict.ts";
import { verifyWooCommerce } from "./woocommerce.ts";

export type Platform = "shopify" | "woocommerce" | "stripe" | "generic";
export type { HookRequest, Verdict } from "./verdict.ts";

/** Each platform's check, exactly as that platform signs. */
export const verifiers: Record<Platform, (request: HookRequest) => Promise<Verdict>> = {
  shopify: verifyShopify,
  woocommerce: verifyWooCommerce,
  stripe: verifyStripe,
  generic: verifyStandardWebhooks,
};
