import { eq, sql } from "drizzle-orm";
import { imports, type ImportResults } from "../../db/schema/index.ts";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Database } from "../../platform/db.ts";
import type { Logger } from "../../platform/logger.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import { standardiseContext } from "../customer-context.ts";
import { standardiseCustomer } from "../standardise-customer.ts";
import { applyBatch, type ValidRow } from "./apply-batch.ts";
import { decodeCsv, type CsvEncoding } from "./decode.ts";
import { forgetMet } from "./met-customers.ts";
import { problemsOf } from "./row-problems.ts";
import { rowValues } from "./row-values.ts";
import { csvRecords } from "./rows.ts";
import type { Delimiter } from "./sniff.ts";

/** Records per transaction: each batch is a handful of statements, so larger batches mean fewer round trips. */
const BATCH = 5_000;
export type ImportMode = "validate" | "apply";

/** How much one invocation takes on before it leaves the rest to a follow-up message. */
export type ImportBudget = { rows: number; ms: number };
/** Well inside a queue consumer's limits: a few seconds of CPU, and half a minute of wall-clock time. */
export const INVOCATION_BUDGET: ImportBudget = { rows: 250_000, ms: 30_000 };

const EMPTY_RESULTS: ImportResults = { created: 0, updated: 0, unchanged: 0, mergedInFile: 0, orderLines: 0, refunds: 0 };

/** Another invocation moved the import on (its message came twice); this one stops. */
class Superseded extends Error {}

/** The stored file from `offset` on; null when it is gone. */
async function openFile(bucket: R2Bucket, key: string, offset: number, size: number): Promise<ReadableStream<Uint8Array> | null> {
  if (offset === 0) return (await bucket.get(key))?.body ?? null;
  if (offset < size) return (await bucket.get(key, { range: { offset } }))?.body ?? null;
  return (await bucket.head(key)) ? new Blob([]).stream() : null;
}

/**
 * Works through an uploaded file as a stream, 5,000 records per transaction: the dry run records
 * each row's problems; the run also writes every valid row (customers matched or created, order
 * lines, returns), set-wise. Each transaction commits the rows, their problems, the counts, the
 * line reached and the byte offset after it together, so the next invocation, or a run cut
 * short, starts reading the file there and nothing is lost or doubled; rows are keyed by line, so
 * even a repeated batch adds nothing twice. Stops after a batch once `budget` is spent and
 * answers "more", for the caller to queue the rest; "done" when the file is finished (or another
 * invocation has taken over).
 */
export async function processImport(
  db: Database,
  bucket: R2Bucket,
  tenantId: string,
  importId: string,
  mode: ImportMode,
  log: Logger,
  budget: ImportBudget = INVOCATION_BUDGET,
): Promise<"done" | "more"> {
  const started = Date.now();
  const working = mode === "validate" ? "validating" : "running";
  const loaded = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, importId));
    return row ? { row, context: await standardiseContext(tx) } : undefined;
  });
  if (!loaded || loaded.row.status !== working) return "done";
  const { row: upload, context } = loaded;
  const { cursor: stored, ...counts } = upload.results;
  // A cursor is only good for the line it was written with; without one the file is read from the start.
  const from = stored?.line === upload.lastLine ? stored.offset : 0;
  const body = await openFile(bucket, upload.objectKey, from, upload.sizeBytes);
  if (!body) {
    await withTenant(db, tenantId, (tx) => tx.update(imports).set({ status: "failed", error: "The uploaded file is gone." }).where(eq(imports.id, importId)));
    return "done";
  }
  const results: ImportResults = { ...EMPTY_RESULTS, ...counts };
  const progress = { rowsDone: upload.rowsDone, rowsValid: upload.rowsValid, rowsRejected: upload.rowsRejected, lastLine: upload.lastLine };
  const rowsAtStart = progress.rowsDone;
  let committedLine = upload.lastLine;
  let offset: number | undefined = from;
  let problems: Array<{ line: number; column: string; problem: string }> = [];
  let valid: ValidRow[] = [];

  /** Commits what has been read since the last commit; `done` also closes the run. */
  const commit = async (done: boolean) => {
    const [batchProblems, batchRows, reached] = [problems, valid, { ...progress }];
    const cursor = offset === undefined ? {} : { cursor: { line: reached.lastLine, offset } };
    [problems, valid] = [[], []];
    await withTenant(db, tenantId, async (tx) => {
      const [current] = await tx.select({ status: imports.status, lastLine: imports.lastLine }).from(imports).where(eq(imports.id, importId)).for("update");
      if (current?.status !== working || current.lastLine !== committedLine) throw new Superseded();
      if (mode === "apply") await applyBatch(tx, tenantId, importId, upload.options, batchRows, results);
      if (batchProblems.length) {
        await tx.execute(sql`
          insert into import_problems (tenant_id, import_id, line, "column", problem)
          select ${tenantId}, ${importId}, p.* from unnest(${boundArray(batchProblems.map((problem) => problem.line), "integer")},
            ${boundArray(batchProblems.map((problem) => problem.column), "text")}, ${boundArray(batchProblems.map((problem) => problem.problem), "text")}) as p
          on conflict do nothing`);
      }
      if (done && mode === "apply") await forgetMet(tx, importId);
      const finished = done ? { status: mode === "validate" ? ("validated" as const) : ("done" as const), finishedAt: sql`now()` } : {};
      await tx.update(imports).set({ ...reached, results: { ...results, ...cursor }, updatedAt: new Date(), ...finished }).where(eq(imports.id, importId));
    });
    committedLine = reached.lastLine;
  };

  const decoded = decodeCsv(body, upload.encoding as CsvEncoding, { midFile: from > 0 });
  const resume = from > 0 ? { headers: upload.headers, line: upload.lastLine } : undefined;
  // A batch is written while the next one is read; batches still commit one after the other.
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const record of csvRecords(decoded.text, { delimiter: upload.delimiter as Delimiter, resume })) {
      if (record.line <= progress.lastLine) continue;
      const row = rowValues(record.values, upload.mapping, upload.options);
      const { values, issues } = standardiseCustomer(row.customer, { ...context, dateOrder: upload.options.dateOrder });
      const found = problemsOf(record.values, record, row, issues);
      const columns = new Set<string>();
      for (const problem of found) {
        if (!columns.has(problem.column)) problems.push({ line: record.line, ...problem });
        columns.add(problem.column);
      }
      progress.rowsDone++;
      if (found.length) progress.rowsRejected++;
      else {
        progress.rowsValid++;
        if (mode === "apply") valid.push({ line: record.line, values, externalId: row.externalId, order: row.order });
      }
      progress.lastLine = record.line;
      const read = decoded.sourceBytes(record.end);
      offset = read === undefined ? undefined : from + read;
      if (progress.rowsDone % BATCH !== 0) continue;
      await writing;
      writing = commit(false);
      // Marks a failure as handled until the next await of `writing` throws it.
      writing.catch(() => {});
      const spent = progress.rowsDone - rowsAtStart >= budget.rows || Date.now() - started >= budget.ms;
      // At the file's last byte the loop is about to end anyway; a follow-up would find nothing.
      if (spent && !(offset !== undefined && offset >= upload.sizeBytes)) {
        await writing;
        log.info("import continues", { importId, mode, rows: progress.rowsDone, line: progress.lastLine });
        return "more";
      }
    }
    await writing;
    await commit(true);
  } catch (error) {
    // A batch may still be on its way when reading fails; it settles before the error goes up.
    await writing.catch(() => {});
    if (!(error instanceof Superseded)) throw error;
    log.warn("import taken over by another invocation", { importId, mode });
    return "done";
  }
  log.info(mode === "validate" ? "import validated" : "import applied", { importId, rows: progress.rowsDone, rejected: progress.rowsRejected, ...results });
  return "done";
}
