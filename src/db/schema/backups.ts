import { bigint, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid, index } from "drizzle-orm/pg-core";
import type { Sha256State } from "../../backups/sha256.ts";
import { tenantId } from "./columns.ts";
import { tenants } from "./tenants.ts";

export const backupStatus = pgEnum("backup_status", ["queued", "running", "completed", "failed"]);

/** Where a backup stands, for a progress bar: tables finished of all, rows and parts written. */
export type BackupProgress = { table: string | null; tablesDone: number; tablesTotal: number; rows: number; parts: number };

/** One part object as written: which table's rows it holds, its size and the SHA-256 of its (encrypted) bytes. */
export type BackupPart = { no: number; table: string; rows: number; size: number; plainBytes: number; sha256: string };

/** A table's running totals while its rows are written; `hash` is the resumable SHA-256 state of its NDJSON. */
export type BackupTableState = { name: string; primaryKey: string[]; omit: string[]; rows: number; plainBytes: number; hash: Sha256State; sha256?: string };

/**
 * What a backup carries from one queue invocation to the next: the table it is in, the primary
 * key after which it resumes, the tables' running hashes, the parts written, and the snapshot
 * each invocation read. Saved after every part, so a crash resumes from the last completed part.
 */
export type BackupState = {
  tableIndex: number;
  after: Record<string, unknown> | null;
  tables: BackupTableState[];
  parts: BackupPart[];
  /** Until when an invocation holds the backup; another arriving earlier waits instead of writing the same parts. */
  leaseUntil?: string | null;
  snapshots: Array<{ at: string; snapshot: string }>;
};

/** Tuning of one backup (part size in uncompressed bytes, time budget per invocation); defaults when empty. */
export type BackupOptions = { partBytes?: number; budgetMs?: number; batchRows?: number };

/** The latest restore of a backup: queued, verified, safety backup taken, applied, or failed with why. */
export type BackupRestore = {
  status: "queued" | "verifying" | "safety_backup" | "applying" | "completed" | "failed";
  into: "same" | "new";
  customerId?: string;
  targetTenantId?: string;
  safetyBackupId?: string;
  rows?: number;
  error?: string;
  requestedAt: string;
  finishedAt?: string;
};

/** The verdict of the latest verification: every part read, decrypted and checked against the manifest. */
export type BackupVerification = { ok: boolean; at: string; parts: number; rows: number; problems: string[] };

/**
 * One backup of a tenant to R2: status, progress, totals and errors. The objects live under
 * `backups/{tenantId}/{id}/`; the manifest is written last, so a backup without one is incomplete.
 */
export const backups = pgTable(
  "backups",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid().notNull().defaultRandom(),
    trigger: text().notNull(),
    status: backupStatus().notNull().default("queued"),
    progress: jsonb().$type<BackupProgress>().notNull().default({ table: null, tablesDone: 0, tablesTotal: 0, rows: 0, parts: 0 }),
    state: jsonb().$type<BackupState | null>(),
    options: jsonb().$type<BackupOptions>().notNull().default({}),
    rows: bigint({ mode: "number" }).notNull().default(0),
    sizeBytes: bigint({ mode: "number" }).notNull().default(0),
    plainBytes: bigint({ mode: "number" }).notNull().default(0),
    tableCounts: jsonb().$type<Record<string, number>>().notNull().default({}),
    keyId: text(),
    schemaVersion: text(),
    attempts: integer().notNull().default(0),
    error: text(),
    verification: jsonb().$type<BackupVerification>(),
    restore: jsonb().$type<BackupRestore>(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] }), index().on(table.tenantId, table.createdAt)],
);
