import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const customers = pgTable(
  "customers",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    displayName: text().notNull(),
    email: text(),
    country: text(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index().on(table.tenantId, table.email),
  ],
);
