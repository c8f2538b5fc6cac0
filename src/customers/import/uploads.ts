import { asc, eq } from "drizzle-orm";
import { importProblems, imports, tenants, type ImportOptions } from "../../db/schema/index.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../platform/errors.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../../tenancy/audit.ts";
import { attributeDefinitions } from "../attributes.ts";
import { checkMapping, suggestMapping, type ColumnMapping } from "./column-mapping.ts";
import { decodeCsv, type CsvEncoding } from "./decode.ts";
import { IMPORT_FIELDS } from "./fields.ts";
import { forgetMet } from "./met-customers.ts";
import { csvRecords } from "./rows.ts";
import type { Delimiter } from "./sniff.ts";

export type ImportRow = typeof imports.$inferSelect;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/** Reads the header line (and the encoding and delimiter) from the start of the stored file. */
async function readHead(bucket: R2Bucket, key: string, declared?: CsvEncoding) {
  const head = await bucket.get(key, { range: { offset: 0, length: HEAD_BYTES } });
  if (!head) throw new Error(`upload ${key} vanished`);
  const decoded = decodeCsv(head.body, declared);
  let found: { headers: string[]; delimiter: Delimiter } | undefined;
  const records = csvRecords(decoded.text, { onHeaders: (headers, delimiter) => (found = { headers, delimiter }) });
  await records.next().catch(() => undefined);
  await records.return(undefined);
  return { ...found, encoding: await decoded.encoding };
}

/**
 * Step two of an import: stores the uploaded CSV in R2 as it streams in, then reads its header
 * line and suggests how each column maps onto customer, order and custom attribute fields.
 */
export async function uploadImport(
  db: Database,
  bucket: R2Bucket,
  actor: Actor,
  upload: { body: ReadableStream<Uint8Array>; size: number; fileName: string | null; encoding?: CsvEncoding; options: Partial<ImportOptions> },
): Promise<{ upload: ImportRow; unmapped: string[] }> {
  const id = crypto.randomUUID();
  const objectKey = `${actor.tenantId}/${id}.csv`;
  await bucket.put(objectKey, upload.body, { httpMetadata: { contentType: "text/csv" } });
  const head = await readHead(bucket, objectKey, upload.encoding);
  if (!head.headers?.length) {
    await bucket.delete(objectKey);
    throw new BadRequestError("The file has no header line.", [{ path: "body", message: "must start with a line of column names" }]);
  }
  return withTenant(db, actor.tenantId, async (tx) => {
    const definitions = await attributeDefinitions(tx);
    const { mapping, unmapped } = suggestMapping(head.headers!, definitions);
    const [tenant] = await tx.select({ timezone: tenants.timezone, currency: tenants.currency }).from(tenants);
    const options: ImportOptions = {
      source: upload.options.source ?? "import",
      dateOrder: upload.options.dateOrder ?? "YMD",
      timeZone: upload.options.timeZone ?? tenant?.timezone ?? "UTC",
      currency: upload.options.currency ?? tenant?.currency ?? null,
    };
    const [row] = await tx
      .insert(imports)
      .values({ tenantId: actor.tenantId, id, status: "uploaded", fileName: upload.fileName, objectKey, sizeBytes: upload.size, encoding: head.encoding, delimiter: head.delimiter!, headers: head.headers!, mapping, options, createdBy: auditActorOf(actor).id })
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "imports.create", entityType: "import", entityId: id, changes: { fileName: upload.fileName, size: upload.size } });
    return { upload: row!, unmapped };
  });
}

/** The template's header line: every import field in the language asked for, then the tenant's attributes. */
export async function templateHeaders(db: Database, actor: Actor, lang: "en" | "zh"): Promise<string[]> {
  const definitions = await withTenant(db, actor.tenantId, (tx) => attributeDefinitions(tx));
  return [...IMPORT_FIELDS.map((field) => field.label[lang]), ...definitions.map((definition) => definition.label)];
}

export async function getImport(db: Database, actor: Actor, importId: string): Promise<ImportRow> {
  const [row] = await withTenant(db, actor.tenantId, (tx) => tx.select().from(imports).where(eq(imports.id, importId)));
  if (!row) throw new NotFoundError("import", importId);
  return row;
}

/** Overrides the suggested mapping or the options; the file is then to be validated again. */
export async function updateImport(db: Database, actor: Actor, importId: string, change: { mapping?: ColumnMapping; options?: Partial<ImportOptions> }): Promise<ImportRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [current] = await tx.select().from(imports).where(eq(imports.id, importId)).for("update");
    if (!current) throw new NotFoundError("import", importId);
    if (current.status === "validating" || current.status === "running") throw new ConflictError("The import is being worked on; wait for it to finish.");
    if (change.mapping) {
      const keys = (await attributeDefinitions(tx)).map((definition) => definition.key);
      const issues = checkMapping(current.headers, change.mapping, keys).map((issue) => ({ ...issue, path: `json.${issue.path}` }));
      if (issues.length) throw new BadRequestError("The mapping is invalid.", issues);
    }
    await tx.delete(importProblems).where(eq(importProblems.importId, importId));
    await forgetMet(tx, importId);
    const [row] = await tx
      .update(imports)
      .set({ mapping: change.mapping ?? current.mapping, options: { ...current.options, ...change.options }, status: "uploaded", rowsDone: 0, rowsValid: 0, rowsRejected: 0, lastLine: 1, results: {}, finishedAt: null, updatedAt: new Date() })
      .where(eq(imports.id, importId))
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "imports.update", entityType: "import", entityId: importId, changes: { mapping: change.mapping ?? null, options: change.options ?? null } });
    return row!;
  });
}

/**
 * Queues the dry run (`validate`) or the run (`apply`) over the whole file; progress shows on
 * the import as it goes. Starting again while one is under way changes nothing.
 */
export async function startProcessing(db: Database, queue: Queue, actor: Actor, importId: string, mode: "validate" | "apply"): Promise<ImportRow> {
  const status = mode === "validate" ? ("validating" as const) : ("running" as const);
  const row = await withTenant(db, actor.tenantId, async (tx) => {
    const [current] = await tx.select().from(imports).where(eq(imports.id, importId)).for("update");
    if (!current) throw new NotFoundError("import", importId);
    if (current.status === "validating" || current.status === "running") return undefined;
    await tx.delete(importProblems).where(eq(importProblems.importId, importId));
    await forgetMet(tx, importId);
    const [started] = await tx
      .update(imports)
      .set({ status, rowsDone: 0, rowsValid: 0, rowsRejected: 0, lastLine: 1, results: {}, finishedAt: null, updatedAt: new Date() })
      .where(eq(imports.id, importId))
      .returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: mode === "validate" ? "imports.validate" : "imports.run", entityType: "import", entityId: importId });
    return started!;
  });
  if (!row) return getImport(db, actor, importId);
  await queue.send({ kind: mode === "validate" ? "import.validate" : "import.run", tenantId: actor.tenantId, importId });
  return row;
}

export async function listProblems(db: Database, actor: Actor, importId: string) {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [found] = await tx.select({ id: imports.id }).from(imports).where(eq(imports.id, importId));
    if (!found) throw new NotFoundError("import", importId);
    return tx.select().from(importProblems).where(eq(importProblems.importId, importId)).orderBy(asc(importProblems.line), asc(importProblems.column));
  });
}
