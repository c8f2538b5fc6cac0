import { eq, sql } from "drizzle-orm";
import { backups, type BackupState, type BackupTableState } from "../db/schema/index.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { describeError } from "../platform/error-text.ts";
import type { Logger } from "../platform/logger.ts";
import { enterTenant, withTenant } from "../platform/with-tenant.ts";
import type { BackupRow } from "./backups.ts";
import { gzip } from "./compression.ts";
import { ALGORITHM, encryptPart, tenantKey, type BackupKeyRing } from "./keys.ts";
import { manifestKey, partKey } from "./layout.ts";
import type { Manifest } from "./manifest.ts";
import { Sha256, sha256Hex } from "./sha256.ts";
import { backedUpTables } from "./tables.ts";
import { checkpointKey, readCheckpoint, writeCheckpoint } from "./checkpoint.ts";
import { pageAfter, quoteIdent, writtenColumns, type Page } from "./sql.ts";

/** Defaults, well inside Workers' limits: 8 MiB of NDJSON per part, 20 s of work per invocation. */
export const DEFAULT_PART_BYTES = 8 * 1024 * 1024;
export const DEFAULT_BUDGET_MS = 20_000;
const DEFAULT_BATCH_ROWS = 5_000;
const LEASE_SLACK_MS = 30_000;

export type BackupServices = { db: Database; bucket: R2Bucket; keys: BackupKeyRing; log: Logger };
/** `more`: the backup continues in another invocation; `wait`: another invocation holds it until `retryInSeconds`. */
export type BackupStep = { outcome: "done" } | { outcome: "more" } | { outcome: "wait"; retryInSeconds: number };

/** The columns a table's generated values live in: restore computes them again, so a backup leaves them out. */
async function generatedColumns(tx: Transaction, table: string): Promise<string[]> {
  const result = await tx.execute<{ name: string }>(sql`
    select attname as name from pg_attribute
     where attrelid = ${`public.${quoteIdent(table)}`}::regclass and attnum > 0 and not attisdropped and attgenerated <> ''`);
  return result.rows.map((row) => row.name);
}

/** Fixes the backup's table list and key, and records its start; the list comes from the schema and the database's foreign keys. */
async function initialState(db: Database, tenantId: string): Promise<{ state: BackupState; schemaVersion: string }> {
  const version = await db.execute<{ name: string | null }>(sql`select max(name) as name from schema_migrations`);
  return withTenant(db, tenantId, async (tx) => {
    const fks = await tx.execute<{ from: string; to: string }>(sql`
      select c.relname as "from", f.relname as "to" from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class f on f.oid = k.confrelid
       where k.contype = 'f' and c.relnamespace = 'public'::regnamespace`);
    const tables: BackupTableState[] = [];
    for (const table of backedUpTables(fks.rows)) {
      tables.push({ name: table.name, primaryKey: table.primaryKey, omit: await generatedColumns(tx, table.name), rows: 0, plainBytes: 0, hash: new Sha256().save() });
    }
    return { state: { tableIndex: 0, after: null, tables, parts: [], snapshots: [] }, schemaVersion: version.rows[0]?.name ?? "none" };
  });
}

/** Takes the backup for this invocation, or says who holds it. Starts a queued backup. */
async function claim(services: BackupServices, tenantId: string, backupId: string, budgetMs: number): Promise<BackupRow | BackupStep> {
  const { db, bucket, keys } = services;
  const fresh = await (async () => {
    const [row] = await withTenant(db, tenantId, (tx) => tx.select({ status: backups.status }).from(backups).where(eq(backups.id, backupId)));
    return row?.status === "queued" ? await initialState(db, tenantId) : null;
  })();
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(backups).where(eq(backups.id, backupId)).for("update");
    if (!row || row.status === "completed" || row.status === "failed") return { outcome: "done" } as const;
    const leaseUntil = row.state?.leaseUntil ? Date.parse(row.state.leaseUntil) : 0;
    if (leaseUntil > Date.now()) return { outcome: "wait", retryInSeconds: Math.ceil((leaseUntil - Date.now()) / 1000) } as const;
    let state = row.state;
    const begin: Partial<BackupRow> = {};
    if (row.status === "queued" || !state) {
      const initial = fresh ?? (await initialState(db, tenantId));
      state = initial.state;
      Object.assign(begin, { status: "running", startedAt: new Date(), keyId: keys.currentKeyId, schemaVersion: initial.schemaVersion });
    } else {
      // Parts written after the row's last save are recorded in the checkpoint object: resume after the last of them.
      const checkpoint = await readCheckpoint(bucket, tenantId, backupId);
      if (checkpoint && checkpoint.parts.length > state.parts.length) state = checkpoint;
    }
    state = { ...state, leaseUntil: new Date(Date.now() + budgetMs + LEASE_SLACK_MS).toISOString() };
    const [claimed] = await tx.update(backups).set({ ...begin, state, attempts: row.attempts + 1 }).where(eq(backups.id, backupId)).returning();
    return claimed!;
  });
}

function isStep(value: BackupRow | BackupStep): value is BackupStep {
  return "outcome" in value;
}

/**
 * Advances a backup by one invocation. Inside one REPEATABLE READ, read-only transaction it
 * streams each table's rows in primary-key order as NDJSON, cuts them into parts of about
 * `partBytes`, and writes each part gzip-compressed and AES-GCM-encrypted to R2, saving a
 * checkpoint (the cursor, the tables' running SHA-256 states, the parts) after every part. After
 * its time budget it stops at a part boundary and returns `more`; a crash resumes from the last
 * checkpoint. When every table is written, the manifest is written last and the backup completes.
 */
export async function runBackupStep(services: BackupServices, tenantId: string, backupId: string): Promise<BackupStep> {
  const { db, bucket, keys, log } = services;
  const started = Date.now();
  const peek = await withTenant(db, tenantId, (tx) => tx.select({ options: backups.options }).from(backups).where(eq(backups.id, backupId)));
  const options = peek[0]?.options ?? {};
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const claimed = await claim(services, tenantId, backupId, budgetMs);
  if (isStep(claimed)) return claimed;
  const state = claimed.state!;
  const key = await tenantKey(keys, claimed.keyId!, tenantId);
  const encoder = new TextEncoder();

  try {
    const finished = await db.transaction(
      async (tx) => {
        await enterTenant(tx, tenantId);
        await tx.execute(sql.raw("set local role ckm_app"));
        const [snapshot] = (await tx.execute<{ snapshot: string; at: string }>(sql`select pg_current_snapshot()::text as snapshot, now()::text as at`)).rows;
        state.snapshots.push({ at: new Date(snapshot!.at).toISOString(), snapshot: snapshot!.snapshot });

        while (state.tableIndex < state.tables.length) {
          const table = state.tables[state.tableIndex]!;
          const written = { ...table, columns: await writtenColumns(tx, table) };
          const hash = new Sha256(table.hash);
          let after = state.after;
          let chunks: Uint8Array[] = [];
          let bytes = 0;
          let rows = 0;
          const flush = async (tableDone: boolean) => {
            if (rows > 0) {
              const no = state.parts.length + 1;
              const sealed = await encryptPart(key, backupId, no, await gzip(chunks));
              await bucket.put(partKey(tenantId, backupId, no), sealed);
              state.parts.push({ no, table: table.name, rows, size: sealed.length, plainBytes: bytes, sha256: await sha256Hex(sealed) });
            }
            table.rows += rows;
            table.plainBytes += bytes;
            table.hash = hash.save();
            if (tableDone) {
              table.sha256 = hash.hex();
              state.tableIndex += 1;
              state.after = null;
            } else state.after = after;
            await writeCheckpoint(bucket, tenantId, backupId, state);
            chunks = [];
            bytes = 0;
            rows = 0;
          };
          // The next page is asked for before this one is hashed and written, so the database works while the Worker does.
          const fetchPage = (cursor: Record<string, unknown> | null) => {
            const page = pageAfter(tx, written, cursor, batchRows);
            page.catch(() => {});
            return page;
          };
          let next: Promise<Page> | null = fetchPage(after);
          try {
            while (next) {
              const page: Page = await next;
              next = page.rows === batchRows ? fetchPage(page.last) : null;
              if (page.rows > 0) {
                const chunk = encoder.encode(page.text);
                hash.update(chunk);
                chunks.push(chunk);
                bytes += chunk.length;
                rows += page.rows;
                after = page.last;
              }
              if (!next) await flush(true);
              else if (bytes >= partBytes) {
                await flush(false);
                if (Date.now() - started > budgetMs) return false;
              }
            }
          } finally {
            await next?.catch(() => {});
          }
          if (Date.now() - started > budgetMs && state.tableIndex < state.tables.length) return false;
        }
        return true;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );

    if (!finished) {
      await saveProgress(db, tenantId, backupId, { ...state, leaseUntil: null });
      return { outcome: "more" };
    }
    const manifest = await writeManifest(bucket, claimed, state);
    await withTenant(db, tenantId, (tx) =>
      tx
        .update(backups)
        .set({
          status: "completed",
          finishedAt: new Date(manifest.finishedAt),
          state: null,
          error: null,
          progress: progressOf(state),
          rows: totalRows(state),
          sizeBytes: state.parts.reduce((sum, part) => sum + part.size, 0),
          plainBytes: state.parts.reduce((sum, part) => sum + part.plainBytes, 0),
          tableCounts: Object.fromEntries(state.tables.map((table) => [table.name, table.rows])),
        })
        .where(eq(backups.id, backupId)),
    );
    await bucket.delete(checkpointKey(tenantId, backupId));
    log.info("backup completed", { backupId, rows: totalRows(state), parts: state.parts.length });
    return { outcome: "done" };
  } catch (error) {
    log.warn("backup step failed", { backupId, error: describeError(error) });
    await withTenant(db, tenantId, (tx) =>
      tx.update(backups).set({ error: "a step failed; it will be retried", state: sql`${backups.state} || '{"leaseUntil": null}'::jsonb` }).where(eq(backups.id, backupId)),
    );
    throw error;
  }
}

function totalRows(state: BackupState): number {
  return state.tables.reduce((sum, table) => sum + table.rows, 0);
}

function progressOf(state: BackupState) {
  return { table: state.tables[state.tableIndex]?.name ?? null, tablesDone: state.tableIndex, tablesTotal: state.tables.length, rows: totalRows(state), parts: state.parts.length };
}

async function saveProgress(db: Database, tenantId: string, backupId: string, state: BackupState): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(backups)
      .set({ state, progress: progressOf(state), rows: totalRows(state), sizeBytes: state.parts.reduce((sum, part) => sum + part.size, 0), error: null })
      .where(eq(backups.id, backupId)),
  );
}

/** The manifest, written only once every part is in the bucket. */
async function writeManifest(bucket: R2Bucket, backup: BackupRow, state: BackupState): Promise<Manifest> {
  const manifest: Manifest = {
    format: 1,
    backupId: backup.id,
    tenantId: backup.tenantId,
    schemaVersion: backup.schemaVersion ?? "none",
    startedAt: (backup.startedAt ?? new Date()).toISOString(),
    finishedAt: new Date().toISOString(),
    snapshots: state.snapshots,
    keyId: backup.keyId!,
    algorithm: ALGORITHM,
    compression: "gzip",
    tables: state.tables.map((table) => ({ name: table.name, primaryKey: table.primaryKey, rows: table.rows, plainBytes: table.plainBytes, sha256: table.sha256! })),
    parts: state.parts.map((part) => ({ ...part, key: partKey(backup.tenantId, backup.id, part.no) })),
  };
  await bucket.put(manifestKey(backup.tenantId, backup.id), JSON.stringify(manifest, null, 1), { httpMetadata: { contentType: "application/json" } });
  return manifest;
}
