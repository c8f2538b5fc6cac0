import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { customers } from "./customers.ts";
import { tenants } from "./tenants.ts";

export const orderStatus = pgEnum("order_status", ["open", "paid", "fulfilled", "cancelled"]);

/**
 * An order, in integer minor units of its currency (never floats). `refundedMinor` is the sum
 * of its refunds, kept beside the total so revenue net of refunds is one column away.
 */
export const orders = pgTable(
  "orders",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    customerId: uuid(),
    source: text().notNull(),
    externalId: text(),
    status: orderStatus().notNull(),
    currency: text().notNull(),
    totalMinor: bigint({ mode: "number" }).notNull(),
    refundedMinor: bigint({ mode: "number" }).notNull().default(0),
    orderedAt: timestamp({ withTimezone: true }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    /** The source platform's last-modified time, so an older update never overwrites a newer one. */
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("set null"),
    uniqueIndex("orders_source_external_id_unique").on(table.tenantId, table.source, table.externalId).where(sql`external_id is not null`),
    index().on(table.tenantId, table.customerId, table.orderedAt),
    index().on(table.tenantId, table.orderedAt, table.id),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    tenantId: tenantId(),
    orderId: uuid().notNull(),
    lineNo: integer().notNull(),
    sku: text(),
    title: text().notNull(),
    quantity: integer().notNull(),
    unitPriceMinor: bigint({ mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.orderId, table.lineNo] }),
    foreignKey({ columns: [table.tenantId, table.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
  ],
);

/**
 * Money returned: a refund of an order, or, when history is imported, a return recorded on its
 * own (a cancellation invoice names no original order), then tied to the customer and carrying
 * its currency.
 */
export const refunds = pgTable(
  "refunds",
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    orderId: uuid(),
    customerId: uuid(),
    currency: text(),
    externalId: text(),
    amountMinor: bigint({ mode: "number" }).notNull(),
    reason: text(),
    refundedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("set null"),
    uniqueIndex("refunds_external_id_unique").on(table.tenantId, table.orderId, table.externalId).where(sql`external_id is not null`),
    uniqueIndex("refunds_standalone_external_id_unique").on(table.tenantId, table.externalId).where(sql`order_id is null and external_id is not null`),
    index().on(table.tenantId, table.customerId),
    check("refunds_order_or_currency", sql`order_id is not null or currency is not null`),
  ],
);
