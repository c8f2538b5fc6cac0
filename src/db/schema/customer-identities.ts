import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { customers } from "./customers.ts";

/** Who a customer is on another platform (a Shopify gid, a Stripe customer id); one owner per id. */
export const customerIdentities = pgTable(
  "customer_identities",
  {
    tenantId: tenantId(),
    platform: text().notNull(),
    externalId: text().notNull(),
    customerId: uuid().notNull(),
    /** The platform's last-modified time of what it sent about this customer. */
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.platform, table.externalId] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete(
      "cascade",
    ),
    index().on(table.tenantId, table.customerId),
  ],
);
