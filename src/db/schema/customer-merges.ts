import { index, jsonb, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { tenants } from "./tenants.ts";

/**
 * A merge of one customer into another, with everything needed to undo it: both rows as they
 * were (`to_jsonb`, so every value round-trips exactly) and the ids of what moved.
 */
export const customerMerges = pgTable(
  "customer_merges",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    survivorId: uuid().notNull(),
    mergedId: uuid().notNull(),
    survivorBefore: jsonb().notNull(),
    mergedBefore: jsonb().notNull(),
    /** The survivor's `updated_at` right after the merge: undo refuses if it changed since. */
    survivorAfterUpdatedAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
    moved: jsonb()
      .$type<{ identities: Array<{ platform: string; externalId: string }>; orders: string[]; interactions: string[]; surveyResponses?: string[]; widgetVisitors?: string[] }>()
      .notNull(),
    mergeInteractionId: uuid().notNull(),
    mergedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] }), index().on(table.tenantId, table.survivorId)],
);
