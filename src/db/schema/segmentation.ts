import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp, uuid, bigint } from "drizzle-orm/pg-core";
import { tenantId } from "./columns.ts";
import { customers } from "./customers.ts";
import { tenants } from "./tenants.ts";

export const runStatus = pgEnum("segmentation_run_status", ["queued", "running", "done", "failed"]);
export const runStage = pgEnum("segmentation_run_stage", ["rfm", "fit", "cluster", "score", "rules", "compare", "finished"]);

/** Where a run stands: its stage, and within it how much is done, for a progress bar. */
export type RunProgress = { stage: string; done: number; total: number };

/**
 * One segmentation run of a tenant: RFM, predicted value, clusters, loyalty and association
 * rules, computed as of `asOf` (orders after it ignored) by queued stages. `model` holds the
 * fitted parameters with their time unit; `diagnostics` the fit checks and data thresholds;
 * `cursor` where the scoring stage resumes. Runs are kept, so this run compares with the last.
 */
export const segmentationRuns = pgTable(
  "segmentation_runs",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    status: runStatus().notNull().default("queued"),
    stage: runStage().notNull().default("rfm"),
    trigger: text().notNull(),
    asOf: timestamp({ withTimezone: true }).notNull(),
    progress: jsonb().$type<RunProgress>().notNull().default({ stage: "rfm", done: 0, total: 0 }),
    model: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    diagnostics: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    cursor: uuid(),
    customers: integer().notNull().default(0),
    error: text(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] }), index().on(table.tenantId, table.createdAt)],
);

/**
 * One customer's scores in one run. RFM values and scores come from SQL; the model columns
 * (P(alive), expected purchases, CLV, churn risk, cluster, loyalty) are filled by the scoring
 * stage, and stay null where the tenant's data is too thin for the model (see the run's diagnostics).
 */
export const customerScores = pgTable(
  "customer_scores",
  {
    tenantId: tenantId(),
    runId: uuid().notNull(),
    customerId: uuid().notNull(),
    orders: integer().notNull(),
    /** Days with a purchase (the tenant's calendar): BG/NBD's repeat purchases are this minus one. */
    purchaseDays: integer().notNull(),
    /** Days from the first purchase to the last (t_x) and to the run's as-of date (T). */
    txDays: integer().notNull(),
    ageDays: integer().notNull(),
    firstOrderAt: timestamp({ withTimezone: true }).notNull(),
    lastOrderAt: timestamp({ withTimezone: true }).notNull(),
    recencyDays: integer().notNull(),
    monetaryMinor: bigint({ mode: "number" }).notNull(),
    repeatSpendMinor: bigint({ mode: "number" }).notNull(),
    r: smallint().notNull(),
    f: smallint().notNull(),
    m: smallint().notNull(),
    segment: text().notNull(),
    pAlive: real(),
    expected30: real(),
    expected90: real(),
    expected365: real(),
    nextOrderAt: timestamp({ withTimezone: true }),
    clvMinor: bigint({ mode: "number" }),
    churnRisk: real(),
    cluster: smallint(),
    loyalty: text(),
    tags: jsonb().$type<Array<{ tag: string; weight: number }>>(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.runId, table.customerId] }),
    foreignKey({ columns: [table.tenantId, table.runId], foreignColumns: [segmentationRuns.tenantId, segmentationRuns.id] }).onDelete("cascade"),
    foreignKey({ columns: [table.tenantId, table.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete("cascade"),
    index().on(table.tenantId, table.customerId),
    index().on(table.tenantId, table.runId, table.segment),
  ],
);

/** A customer whose segment got worse between two runs (Loyal to At risk): for outbound webhooks and the dashboard. */
export const segmentEvents = pgTable(
  "segment_events",
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    runId: uuid().notNull(),
    customerId: uuid().notNull(),
    kind: text().notNull(),
    fromSegment: text().notNull(),
    toSegment: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId, table.runId], foreignColumns: [segmentationRuns.tenantId, segmentationRuns.id] }).onDelete("cascade"),
    index().on(table.tenantId, table.at),
  ],
);

