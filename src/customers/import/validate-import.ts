import { eq, sql } from "drizzle-orm";
import { importProblems, imports } from "../../db/schema/index.ts";
import type { Database } from "../../platform/db.ts";
import type { Logger } from "../../platform/logger.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import { standardiseContext } from "../customer-context.ts";
import { standardiseCustomer } from "../standardise-customer.ts";
import { decodeCsv, type CsvEncoding } from "./decode.ts";
import { rowValues, type RowProblem } from "./row-values.ts";
import { csvRecords } from "./rows.ts";
import type { Delimiter } from "./sniff.ts";

const BATCH = 500;

type Progress = { rowsDone: number; rowsValid: number; rowsRejected: number; lastLine: number };

/** The problems of one record: unreadable values, then what standardisation refuses, by column. */
function problemsOf(values: Record<string, string>, record: { problem?: string }, row: ReturnType<typeof rowValues>, issues: Array<{ path: string; message: string }>): RowProblem[] {
  const problems: RowProblem[] = [...row.problems];
  if (record.problem) problems.push({ column: "", problem: record.problem });
  for (const issue of issues) {
    const field = issue.path.replace(/^json\.?/, "");
    problems.push({ column: row.columnOf[field] ?? field, problem: issue.message });
  }
  const identified = row.customer.name || row.customer.email || row.customer.phone || row.externalId;
  if (!identified && !row.order && Object.keys(values).length) {
    problems.push({ column: "", problem: "has nothing to import: no name, email, phone or id, and no order line" });
  }
  return problems;
}

/**
 * The dry run: reads the uploaded file as a stream and checks every row as the import would
 * write it, recording each problem by row and column. Results are committed every 500 rows with
 * the line reached, so a run cut short resumes after that line and never counts a row twice.
 */
export async function validateImport(db: Database, bucket: R2Bucket, tenantId: string, importId: string, log: Logger): Promise<void> {
  const loaded = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(imports).where(eq(imports.id, importId));
    return row ? { row, context: await standardiseContext(tx) } : undefined;
  });
  if (!loaded || loaded.row.status !== "validating") return;
  const { row: upload, context } = loaded;
  const object = await bucket.get(upload.objectKey);
  if (!object) {
    await withTenant(db, tenantId, (tx) => tx.update(imports).set({ status: "failed", error: "The uploaded file is gone." }).where(eq(imports.id, importId)));
    return;
  }
  const progress: Progress = { rowsDone: upload.rowsDone, rowsValid: upload.rowsValid, rowsRejected: upload.rowsRejected, lastLine: upload.lastLine };
  let pending: Array<{ line: number; column: string; problem: string }> = [];
  const flush = async (done: boolean) => {
    const problems = pending;
    pending = [];
    await withTenant(db, tenantId, async (tx) => {
      if (problems.length) {
        await tx.insert(importProblems).values(problems.map((problem) => ({ ...problem, tenantId, importId }))).onConflictDoNothing();
      }
      await tx
        .update(imports)
        .set({ ...progress, updatedAt: new Date(), ...(done ? { status: "validated" as const, finishedAt: sql`now()` } : {}) })
        .where(eq(imports.id, importId));
    });
  };

  const { text } = decodeCsv(object.body, upload.encoding as CsvEncoding);
  let sinceFlush = 0;
  for await (const record of csvRecords(text, { delimiter: upload.delimiter as Delimiter })) {
    if (record.line <= progress.lastLine) continue;
    const row = rowValues(record.values, upload.mapping, upload.options);
    const { issues } = standardiseCustomer(row.customer, { ...context, dateOrder: upload.options.dateOrder });
    const problems = problemsOf(record.values, record, row, issues);
    const seen = new Set<string>();
    for (const problem of problems) {
      if (seen.has(problem.column)) continue;
      seen.add(problem.column);
      pending.push({ line: record.line, ...problem });
    }
    progress.rowsDone++;
    if (problems.length) progress.rowsRejected++;
    else progress.rowsValid++;
    progress.lastLine = record.line;
    if (++sinceFlush >= BATCH) {
      await flush(false);
      sinceFlush = 0;
    }
  }
  await flush(true);
  log.info("import validated", { importId, rows: progress.rowsDone, rejected: progress.rowsRejected });
}
