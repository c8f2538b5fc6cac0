import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { customers } from "./customers.ts";
import { tenants } from "./tenants.ts";

export const surveyStatus = pgEnum("survey_status", ["draft", "published", "closed"]);
export const surveyResponseStatus = pgEnum("survey_response_status", ["partial", "complete"]);

/**
 * A survey of a tenant. `draft` is the editable definition; publishing freezes it as the next
 * row of `survey_versions`, so answers always refer to the exact questions that were shown.
 * `version` is the latest published version (null until the first publication).
 */
export const surveys = pgTable(
  "surveys",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    status: surveyStatus().notNull().default("draft"),
    draft: jsonb().$type<Record<string, unknown>>().notNull(),
    version: integer(),
    createdBy: text(),
    publishedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] }), index().on(table.tenantId, table.status)],
);

/** A published, immutable definition of a survey. */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    tenantId: tenantId(),
    surveyId: uuid().notNull(),
    version: integer().notNull(),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    publishedBy: text(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.surveyId, table.version] }),
    foreignKey({ columns: [table.tenantId, table.surveyId], foreignColumns: [surveys.tenantId, surveys.id] }).onDelete("cascade"),
  ],
);

/**
 * One visitor's answers to one survey version, saved as they go. The id is made by the widget,
 * so a repeated save is recognised; it is unique across tenants, so one tenant cannot write
 * into (or learn of) another's response. `customerId` is set when the visitor is identified.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    tenantId: tenantId(),
    id: uuid().notNull(),
    surveyId: uuid().notNull(),
    version: integer().notNull(),
    visitorId: text().notNull(),
    customerId: uuid(),
    language: text().notNull(),
    answers: jsonb().$type<Record<string, unknown>>().notNull(),
    status: surveyResponseStatus().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    pageUrl: text(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex("survey_responses_id_unique").on(table.id),
    foreignKey({ columns: [table.tenantId, table.surveyId, table.version], foreignColumns: [surveyVersions.tenantId, surveyVersions.surveyId, surveyVersions.version] }).onDelete("cascade"),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("set null"),
    index().on(table.tenantId, table.surveyId, table.completedAt),
    index().on(table.tenantId, table.visitorId),
    index().on(table.tenantId, table.customerId),
  ],
);

/** A widget visitor linked to a customer by a verified `identify`; later responses follow the link. */
export const widgetVisitors = pgTable(
  "widget_visitors",
  {
    tenantId: tenantId(),
    visitorId: text().notNull(),
    customerId: uuid().notNull(),
    identifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.visitorId] }),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("cascade"),
    index().on(table.tenantId, table.customerId),
  ],
);

/** Fixed-window counters for the widget's rate limits, keyed by visitor or client address. */
export const widgetRateLimits = pgTable(
  "widget_rate_limits",
  {
    tenantId: tenantId(),
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.key, table.windowStart] })],
);
