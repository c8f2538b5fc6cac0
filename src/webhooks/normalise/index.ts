import type { Platform } from "../verify/index.ts";
import { normaliseGeneric } from "./generic.ts";
import type { Normalised } from "./read.ts";
import { normaliseShopify } from "./shopify.ts";
import { normaliseStripe } from "./stripe.ts";
import { normaliseWooCommerce } from "./woocommerce.ts";

export { UnreadablePayloadError, type Normalised } from "./read.ts";

/** Each platform's payloads turned into ckm's customers, orders and refunds. */
export const normalisers: Record<Platform, (topic: string, payload: unknown) => Normalised> = {
  shopify: normaliseShopify,
  woocommerce: normaliseWooCommerce,
  stripe: normaliseStripe,
  generic: normaliseGeneric,
};
