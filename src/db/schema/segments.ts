import { jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

/**
 * A saved dynamic segment: a name and a filter (the JSON filter language of
 * src/segments/dynamic) over customer fields, tags, custom attributes and the latest finished
 * run's scores. Members are never stored; they are whoever matches when the segment is read.
 */
export const segments = pgTable(
  "segments",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    description: text(),
    filter: jsonb().$type<unknown>().notNull(),
    createdBy: text(),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);
