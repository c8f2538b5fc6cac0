import { z } from "@hono/zod-openapi";
import { Timestamp } from "../../tenancy/routes/schemas.ts";

export const PLATFORMS = ["shopify", "woocommerce", "stripe", "generic"] as const;
export const DELIVERY_STATUSES = ["received", "processed", "ignored", "failed", "dead"] as const;

export const Integration = z
  .object({
    id: z.uuid(),
    platform: z.enum(PLATFORMS),
    name: z.string(),
    shopDomain: z.string().nullable(),
    status: z.enum(["active", "disabled"]),
    deliveryUrl: z.string().openapi({ description: "Where the platform sends its webhooks.", example: "https://ckm.example.com/v1/hooks/0e7d3f52-5f0c-4c5e-9d43-3d8f0c2b9a11" }),
    secretRotatedAt: Timestamp.nullable(),
    previousSecretExpiresAt: Timestamp.nullable().openapi({ description: "Until then the secret before the last rotation still verifies." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Integration");

export const IntegrationWithSecret = z
  .object({ integration: Integration, secret: z.string().openapi({ description: "The signing secret. Shown only when it is set." }) })
  .openapi("IntegrationWithSecret");

export const DeliveryOutcome = z
  .object({
    customers: z.array(z.uuid()).optional(),
    orders: z.array(z.uuid()).optional(),
    refunds: z.array(z.uuid()).optional(),
    skipped: z.array(z.string()).optional(),
    warnings: z.array(z.string()).optional(),
  })
  .openapi("DeliveryOutcome");

export const Delivery = z
  .object({
    id: z.uuid(),
    integrationId: z.uuid(),
    topic: z.string(),
    webhookId: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES).openapi({ description: "`failed`: the last attempt failed and a retry is queued; `dead`: no retry will follow (replay it once the cause is fixed)." }),
    receivedAt: Timestamp,
    processedAt: Timestamp.nullable(),
    attempts: z.number().int(),
    error: z.string().nullable(),
    outcome: DeliveryOutcome.nullable(),
    payloadBytes: z.number().int(),
    payloadPurgedAt: Timestamp.nullable(),
  })
  .openapi("Delivery");

export const ShopDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: "must be a host name like example.myshopify.com" })
  .max(255);
