import { pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { tenants } from "./tenants.ts";
import { memberRole } from "./users.ts";

export const apiKeyKind = pgEnum("api_key_kind", ["secret", "publishable"]);

/**
 * Keys for servers (`sk_live_...`, acting with a role) and for web pages (`pk_live_...`, able
 * only to read published surveys and submit responses). Only the SHA-256 hash is kept; `preview`
 * is the start of a secret key, or the whole publishable key, which is public by design.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    kind: apiKeyKind().notNull(),
    role: memberRole(),
    tokenHash: text().notNull().unique(),
    preview: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);
