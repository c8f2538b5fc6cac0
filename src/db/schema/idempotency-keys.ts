import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { tenants } from "./tenants.ts";

/**
 * One `Idempotency-Key` a tenant sent with a creating POST: the request's fingerprint, and once
 * the request is done, the answer to replay. A key without an answer is a request still running
 * (or one that died; it may be claimed again after a minute). Kept for a day.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    key: text().notNull(),
    fingerprint: text().notNull(),
    status: integer(),
    contentType: text(),
    location: text(),
    body: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.key] }), index().on(table.expiresAt)],
);
