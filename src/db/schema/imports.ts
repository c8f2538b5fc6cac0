import { bigint, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantId, timestamps } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const importStatus = pgEnum("import_status", ["uploaded", "validating", "validated", "running", "done", "failed"]);

/** What an import run did, counted per row. */
export type ImportResults = {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows that matched a customer an earlier row of the same file created: duplicates merged. */
  mergedInFile: number;
  orderLines: number;
  refunds: number;
};

/**
 * Where the committed work of a run ends: the last record done and the byte offset just after it,
 * so the next invocation reads the file from there instead of from the start.
 */
export type ImportCursor = { line: number; offset: number };

export type ImportOptions = { source: string; dateOrder: "YMD" | "DMY" | "MDY"; timeZone: string; currency: string | null };

/**
 * A CSV upload on its way into the customer database: the file (in R2), how its columns map,
 * and the progress and findings of the queued work on it. `lastLine` is the last record whose
 * results are committed, so a crashed run resumes after it and no row counts twice.
 */
export const imports = pgTable(
  "imports",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    status: importStatus().notNull(),
    fileName: text(),
    objectKey: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    encoding: text().notNull(),
    delimiter: text().notNull(),
    headers: text().array().notNull(),
    mapping: jsonb().$type<Record<string, string | null>>().notNull(),
    options: jsonb().$type<ImportOptions>().notNull(),
    rowsDone: integer().notNull().default(0),
    rowsValid: integer().notNull().default(0),
    rowsRejected: integer().notNull().default(0),
    lastLine: integer().notNull().default(1),
    results: jsonb().$type<Partial<ImportResults> & { cursor?: ImportCursor }>().notNull().default({}),
    error: text(),
    createdBy: text(),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

/** What is wrong with one value of one row, for the validation report. */
export const importProblems = pgTable(
  "import_problems",
  {
    tenantId: tenantId(),
    importId: uuid().notNull(),
    line: integer().notNull(),
    column: text().notNull(),
    problem: text().notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.importId, table.line, table.column] })],
);

/**
 * The customers a run has matched or created so far, in whichever invocation: a later row of a
 * customer only fills what is still empty, so the run must know whom earlier batches met.
 * Written with the batch that met them, cleared when the run finishes or starts again.
 */
export const importMetCustomers = pgTable(
  "import_met_customers",
  {
    tenantId: tenantId(),
    importId: uuid().notNull(),
    customerId: uuid().notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.importId, table.customerId] })],
);
