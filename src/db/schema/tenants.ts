import { integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns.ts";

/** A company using ckm, with the settings its staff can change. */
export const tenants = pgTable("tenants", {
  id: uuid().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  timezone: text().notNull().default("UTC"),
  currency: text().notNull().default("EUR"),
  /** BCP 47 locale the dashboard formats dates, numbers and money in, whatever each member's language. */
  locale: text().notNull().default("en-GB"),
  /** ISO 3166 region assumed for phone numbers written without a country code. */
  defaultCountry: text(),
  /** Origins whose pages may use the tenant's publishable keys (the survey widget). */
  allowedOrigins: text().array().notNull().default([]),
  /** Days raw webhook payloads are kept before the nightly purge removes them. */
  webhookRetentionDays: integer().notNull().default(30),
  /** How many daily, weekly and monthly backups the nightly retention keeps. */
  backupRetention: jsonb().$type<{ daily: number; weekly: number; monthly: number }>().notNull().default({ daily: 7, weekly: 4, monthly: 12 }),
  /** Days after any survey during which the widget shows no other; null: no global limit. */
  globalRecontactDays: integer(),
  /** Key of the HMAC with which the tenant's server signs the identities the widget reports. */
  widgetIdentitySecret: text(),
  /** Where completed survey responses are posted (Standard Webhooks), and the secret they are signed with. */
  responseWebhookUrl: text(),
  responseWebhookSecret: text(),
  ...timestamps,
});
