import { timestamp, uuid } from "drizzle-orm/pg-core";

/** The owning tenant: leads every primary key and index of a tenant-owned table. */
export const tenantId = () => uuid().notNull();

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
