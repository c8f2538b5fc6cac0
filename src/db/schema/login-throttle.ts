import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed logins per account and per address in fixed windows, keyed by a hash so no email or
 * address is stored. Not tenant data: only the credential functions of the migrations touch it.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
});
