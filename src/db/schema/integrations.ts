import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const integrationPlatform = pgEnum("integration_platform", ["shopify", "woocommerce", "stripe", "generic"]);
export const integrationStatus = pgEnum("integration_status", ["active", "disabled"]);

/**
 * A shop connected to a tenant: where its webhooks arrive (`/v1/hooks/{id}`) and the secret
 * they are signed with. After a rotation the previous secret keeps verifying until
 * `previousSecretExpiresAt`, so deliveries signed before the shop switched are not refused.
 */
export const integrations = pgTable(
  "integrations",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    platform: integrationPlatform().notNull(),
    name: text().notNull(),
    shopDomain: text(),
    status: integrationStatus().notNull().default("active"),
    secret: text().notNull(),
    previousSecret: text(),
    previousSecretExpiresAt: timestamp({ withTimezone: true }),
    secretRotatedAt: timestamp({ withTimezone: true }),
    createdBy: text(),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] }), uniqueIndex("integrations_id_unique").on(table.id)],
);

export const deliveryStatus = pgEnum("delivery_status", ["received", "processed", "ignored", "failed", "dead"]);

/** What processing a delivery did, for the delivery log. */
export type DeliveryOutcome = {
  customers?: string[];
  orders?: string[];
  refunds?: string[];
  skipped?: string[];
  warnings?: string[];
};

/**
 * One webhook delivery as it arrived: the raw body (kept for the tenant's retention period,
 * then purged), the platform's topic and delivery id, and what processing made of it.
 * `dedupKey` is unique per integration, so a delivery sent again is recognised and ignored.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    integrationId: uuid().notNull(),
    topic: text().notNull(),
    dedupKey: text().notNull(),
    webhookId: text(),
    payload: text(),
    payloadBytes: integer().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    status: deliveryStatus().notNull().default("received"),
    attempts: integer().notNull().default(0),
    processedAt: timestamp({ withTimezone: true }),
    error: text(),
    outcome: jsonb().$type<DeliveryOutcome>(),
    payloadPurgedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.integrationId], foreignColumns: [integrations.tenantId, integrations.id] }).onDelete("cascade"),
    uniqueIndex("webhook_deliveries_dedup_unique").on(table.tenantId, table.integrationId, table.dedupKey),
    index().on(table.tenantId, table.integrationId, table.receivedAt, table.id),
    index("webhook_deliveries_unpurged_index").on(table.tenantId, table.receivedAt).where(sql`payload is not null`),
  ],
);
