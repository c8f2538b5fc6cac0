import { sql } from "drizzle-orm";
import { pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const memberRole = pgEnum("member_role", ["owner", "admin", "analyst", "viewer"]);
/** Languages the dashboard is translated into. */
export const userLanguage = pgEnum("user_language", ["en", "zh-CN"]);

/**
 * A tenant's staff member. An email address belongs to one account across all tenants, compared
 * case-insensitively, so a login names exactly one tenant.
 */
export const users = pgTable(
  "users",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: memberRole().notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`: the parameters travel with the hash. */
    passwordHash: text().notNull(),
    lastLoginAt: timestamp({ withTimezone: true }),
    /** The dashboard's language for this member; null: follow the browser. */
    language: userLanguage(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("users_email_unique").on(sql`lower(${table.email})`),
  ],
);
