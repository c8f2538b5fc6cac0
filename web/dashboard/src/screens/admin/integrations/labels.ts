import type { MessageKey } from "../../../i18n/translate.ts";

export const PLATFORMS = ["shopify", "woocommerce", "stripe", "generic"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DELIVERY_STATUSES = ["received", "processed", "ignored", "failed", "dead"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const platformLabel = (platform: Platform): MessageKey => `admin.integrations.platforms.${platform}`;
export const deliveryStatusLabel = (status: DeliveryStatus): MessageKey => `admin.integrations.deliveryStatus.${status}`;

/** The chip colour of a delivery's status: done, to watch, or needing a hand. */
export function deliveryChip(status: DeliveryStatus): string {
  if (status === "processed") return "chip chip-success";
  if (status === "dead") return "chip chip-danger";
  if (status === "failed") return "chip chip-warning";
  return "chip";
}

/** Shopify and Stripe issue the signing secret; ckm makes one for the others when none is given. */
export const platformIssuesSecret = (platform: Platform) => platform === "shopify" || platform === "stripe";
