import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

/**
 * A customer as the domain describes one: who they are, how to reach them, the business they
 * belong to, their tags, consent and the tenant's own attributes. Every value is standardised
 * before it is written (see src/customers/standardise).
 */
export const customers = pgTable(
  "customers",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    displayName: text(),
    email: text(),
    phone: text(),
    addressLine1: text(),
    addressLine2: text(),
    city: text(),
    region: text(),
    postalCode: text(),
    country: text(),
    company: text(),
    jobTitle: text(),
    birthday: date({ mode: "string" }),
    gender: text(),
    source: text(),
    industry: text(),
    companySize: text(),
    creditTermsDays: integer(),
    tags: text().array().notNull().default([]),
    emailConsent: boolean().notNull().default(false),
    smsConsent: boolean().notNull().default(false),
    consentUpdatedAt: timestamp({ withTimezone: true }),
    attributes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** When the person's data was erased on request; the record stays, anonymised, for totals. */
    erasedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index().on(table.tenantId, table.email),
    index().on(table.tenantId, table.phone),
    index().on(table.tenantId, table.createdAt, table.id),
    index().on(table.tenantId, table.updatedAt, table.id),
    index("customers_tenant_id_name_index").on(table.tenantId, sql`coalesce(lower(${table.displayName}), '')`, table.id),
    index("customers_tags_index").using("gin", table.tags),
  ],
);
