import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns.ts";

export const tenants = pgTable("tenants", {
  id: uuid().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  ...timestamps,
});
