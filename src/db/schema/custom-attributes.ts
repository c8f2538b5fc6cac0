import { pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const attributeType = pgEnum("attribute_type", ["text", "number", "boolean", "date", "enum", "multi_enum"]);

/** A field a tenant adds to its customers; values live in `customers.attributes` under `key`. */
export const customAttributes = pgTable(
  "custom_attributes",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    key: text().notNull(),
    label: text().notNull(),
    type: attributeType().notNull(),
    /** The allowed values of an enum or multi_enum attribute. */
    options: text().array().notNull().default([]),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.key] })],
);
