import { foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { customers } from "./customers.ts";

export const interactionKind = pgEnum("interaction_kind", [
  "note",
  "call",
  "email",
  "chat",
  "visit",
  "survey_response",
  "order",
  "merge",
  "field_change",
  "created",
]);

/** One event on a customer's timeline: contact, purchase, feedback, or a change to the record. */
export const interactions = pgTable(
  "interactions",
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    customerId: uuid().notNull(),
    kind: interactionKind().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    summary: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actorType: text(),
    actorId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete(
      "cascade",
    ),
    index().on(table.tenantId, table.customerId, table.occurredAt.desc(), table.id.desc()),
  ],
);
