import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { users } from "./users.ts";

/** A login: one refresh-token family. Revoking it ends every token of the family. */
export const sessions = pgTable(
  "sessions",
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    userId: uuid().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /** Why the family ended: logout, or reuse (a spent refresh token came back). */
    revokedReason: text(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.userId], foreignColumns: [users.tenantId, users.id] }).onDelete("cascade"),
    index().on(table.tenantId, table.userId),
  ],
);

/** Refresh tokens, stored as SHA-256 hashes; each is spent by its first use. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    sessionId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.sessionId], foreignColumns: [sessions.tenantId, sessions.id] }).onDelete(
      "cascade",
    ),
  ],
);
