import { eq, sql } from "drizzle-orm";
import { importProblems, imports, type ImportResults } from "../../db/schema/index.ts";
import type { Database } from "../../platform/db.ts";
import type { Logger } from "../../platform/logger.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import { standardiseContext } from "../customer-context.ts";
import { standardiseCustomer, type CustomerValues } from "../standardise-customer.ts";
import { applyCustomer, applyOrderLine, newMemo, settleBatch } from "./apply-row.ts";
import { decodeCsv, type CsvEncoding } from "./decode.ts";
import { rowValues, type OrderPart } from "./row-values.ts";
import { csvRecords } from "./rows.ts";
import type { Delimiter } from "./sniff.ts";
import { problemsOf } from "./row-problems.ts";

const BATCH = 500;
export type ImportMode = "validate" | "apply";

const EMPTY_RESULTS: ImportResults = { created: 0, updated: 0, unchanged: 0, mergedInFile: 0, orderLines: 0, refunds: 0 };

type ValidRow = { line: number; values: CustomerValues; externalId: string | null; order: OrderPart | null };

/**
 * Works through an uploaded file as a stream, 500 rows per transaction: the dry run records
 * each row's problems; the run also writes every valid row (customers matched or created,
 * order lines, returns). Each transaction commits the rows, their problems, the counts and the
 * line reached together, so a run cut short resumes after that line and nothing is lost or
 * doubled; rows are keyed by line, so even a repeated batch adds nothing twice.
 */
export async function processImport(db: Database, bucket: R2Bucket, tenantId: string, importId: string, mode: ImportMode, log: Logger): Promise<void> {
  const working = mode === "validate" ? "validating" : "running";
  const loaded = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, importId));
    return row ? { row, context: await standardiseContext(tx) } : undefined;
  });
  if (!loaded || loaded.row.status !== working) return;
  const { row: upload, context } = loaded;
  const object = await bucket.get(upload.objectKey);
  if (!object) {
    await withTenant(db, tenantId, (tx) => tx.update(imports).set({ status: "failed", error: "The uploaded file is gone." }).where(eq(imports.id, importId)));
    return;
  }
  const who = { type: "import", id: importId };
  const memo = newMemo();
  const results: ImportResults = { ...EMPTY_RESULTS, ...upload.results };
  const progress = { rowsDone: upload.rowsDone, rowsValid: upload.rowsValid, rowsRejected: upload.rowsRejected, lastLine: upload.lastLine };
  let problems: Array<{ line: number; column: string; problem: string }> = [];
  let valid: ValidRow[] = [];

  const flush = async (done: boolean) => {
    const [batchProblems, batchRows] = [problems, valid];
    [problems, valid] = [[], []];
    await withTenant(db, tenantId, async (tx) => {
      for (const row of batchRows) {
        const customerId = await applyCustomer(tx, tenantId, upload.options, row.values, row.externalId, memo, results, who);
        if (row.order) await applyOrderLine(tx, tenantId, upload.options, row.line, row.order, customerId, memo, who);
      }
      await settleBatch(tx, memo, results, who);
      if (batchProblems.length) await tx.insert(importProblems).values(batchProblems.map((problem) => ({ ...problem, tenantId, importId }))).onConflictDoNothing();
      const finished = done ? { status: mode === "validate" ? ("validated" as const) : ("done" as const), finishedAt: sql`now()` } : {};
      await tx.update(imports).set({ ...progress, results, updatedAt: new Date(), ...finished }).where(eq(imports.id, importId));
    });
  };

  const { text } = decodeCsv(object.body, upload.encoding as CsvEncoding);
  for await (const record of csvRecords(text, { delimiter: upload.delimiter as Delimiter })) {
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
    if (progress.rowsDone % BATCH === 0) await flush(false);
  }
  await flush(true);
  log.info(mode === "validate" ? "import validated" : "import applied", { importId, rows: progress.rowsDone, rejected: progress.rowsRejected, ...results });
}
