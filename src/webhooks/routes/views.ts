import type { z } from "@hono/zod-openapi";
import type { DeliverySummary } from "../deliveries.ts";
import type { IntegrationRow } from "../integrations.ts";
import type { Delivery, Integration } from "./schemas.ts";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An integration as the API shows it: never its secrets. */
export function integrationView(row: IntegrationRow, origin: string): z.infer<typeof Integration> {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    shopDomain: row.shopDomain,
    status: row.status,
    deliveryUrl: `${origin}/v1/hooks/${row.id}`,
    secretRotatedAt: iso(row.secretRotatedAt),
    previousSecretExpiresAt: row.previousSecret ? iso(row.previousSecretExpiresAt) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function deliveryView(row: DeliverySummary): z.infer<typeof Delivery> {
  return {
    id: row.id,
    integrationId: row.integrationId,
    topic: row.topic,
    webhookId: row.webhookId,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: iso(row.processedAt),
    attempts: row.attempts,
    error: row.error,
    outcome: row.outcome ?? null,
    payloadBytes: row.payloadBytes,
    payloadPurgedAt: iso(row.payloadPurgedAt),
  };
}
