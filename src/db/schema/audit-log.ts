import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";

/**
 * Every change, written in the transaction that makes it. The application role may insert and
 * read but never update or delete (see the migration's grants).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: tenantId(),
    id: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorType: text().notNull(),
    actorId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    ip: text(),
    userAgent: text(),
    changes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index().on(table.tenantId, table.action, table.id),
    index().on(table.tenantId, table.entityType, table.entityId, table.id),
  ],
);
