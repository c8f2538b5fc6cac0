import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { AppError, BadRequestError } from "../../platform/errors.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { csvRow } from "../csv-write.ts";
import { getImport, listProblems, MAX_UPLOAD_BYTES, startProcessing, templateHeaders, updateImport, uploadImport, type ImportRow } from "../import/uploads.ts";
import { Currency } from "./order-schemas.ts";

const ImportOptionsInput = z.object({
  source: z.string().trim().toLowerCase().min(1).max(40).regex(/^[a-z0-9_-]+$/).optional(),
  dateOrder: z.enum(["YMD", "DMY", "MDY"]).optional().openapi({ description: "How to read dates such as 05/03/2024." }),
  timeZone: z.string().max(64).refine((zone) => { try { new Intl.DateTimeFormat("en", { timeZone: zone }); return true; } catch { return false; } }, { error: "must be an IANA time zone" }).optional(),
  currency: Currency.optional(),
});

export const Import = z
  .object({
    id: z.uuid(),
    status: z.enum(["uploaded", "validating", "validated", "running", "done", "failed"]),
    fileName: z.string().nullable(),
    sizeBytes: z.number().int(),
    bytesDone: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "How far into the file the dry run or the run has committed, in bytes, for a progress bar; null before the first batch and for files where it cannot be told exactly (GB18030)." }),
    encoding: z.string(),
    delimiter: z.string(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string().nullable()),
    options: z.record(z.string(), z.unknown()),
    progress: z.object({ rowsDone: z.number().int(), rowsValid: z.number().int(), rowsRejected: z.number().int() }),
    results: z
      .record(z.string(), z.number().int())
      .openapi({ description: "What the run did: created, updated, unchanged, mergedInFile (rows matching a customer an earlier row created), orderLines, refunds." }),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("Import");

export function importView(row: ImportRow): z.infer<typeof Import> {
  // The cursor is where the next invocation starts reading, not something the run did.
  const { cursor: _cursor, ...results } = row.results;
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    bytesDone: row.results.cursor?.offset ?? null,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: row.headers,
    mapping: row.mapping,
    options: row.options,
    progress: { rowsDone: row.rowsDone, rowsValid: row.rowsValid, rowsRejected: row.rowsRejected },
    results: results as Record<string, number>,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const ImportId = z.object({ importId: z.uuid({ error: "must be a UUID" }).openapi({ param: { name: "importId", in: "path" } }) });
const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });

export const template = defineRoute({
  operationId: "imports.template",
  method: "get",
  path: "/v1/imports/template.csv",
  tags: ["imports"],
  summary: "Step one: the CSV template, with the tenant's custom attributes",
  request: { query: z.object({ lang: z.enum(["en", "zh"]).default("en") }) },
  responses: { 200: csv("A header line to fill in.") },
});

export const templateHandler: RouteHandler<typeof template, AppEnv> = async (c) => {
  const headers = await templateHeaders(c.get("services").db(), currentActor(c), c.req.valid("query").lang);
  return c.body(`\uFEFF${csvRow(headers)}`, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="ckm-import-template.csv"` });
};

export const create = defineRoute({
  operationId: "imports.create",
  method: "post",
  path: "/v1/imports",
  tags: ["imports"],
  summary: "Step two: upload a CSV file",
  description:
    "The body is the file (UTF-8 with or without BOM, or GB18030, detected unless `encoding` is given; comma, semicolon or tab separated). It is stored as it streams in; the answer holds its columns and a suggested mapping, English and Chinese headers recognised.",
  request: {
    query: ImportOptionsInput.extend({ fileName: z.string().max(255).optional(), encoding: z.enum(["utf-8", "gb18030"]).optional() }),
    body: { required: true, content: { "text/csv": { schema: z.string() } } },
  },
  responses: {
    201: json(z.object({ import: Import, unmapped: z.array(z.string()) }), "The upload, its columns and the suggested mapping."),
    400: json(ProblemSchema, "No body, no header line, or an invalid option."),
    413: json(ProblemSchema, "The file is larger than 512 MiB."),
  },
});

export const createHandler: RouteHandler<typeof create, AppEnv> = async (c) => {
  const size = Number(c.req.header("content-length") ?? NaN);
  const body = c.req.raw.body;
  if (!body || !Number.isFinite(size) || size <= 0) {
    throw new BadRequestError("Send the CSV file as the request body, with its Content-Length.", [{ path: "body", message: "is missing" }]);
  }
  if (size > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Files up to 512 MiB can be imported; split larger ones.");
  const { fileName, encoding, ...options } = c.req.valid("query");
  const result = await uploadImport(c.get("services").db(), c.env.IMPORTS, currentActor(c), { body, size, fileName: fileName ?? null, encoding, options });
  return c.json({ import: importView(result.upload), unmapped: result.unmapped }, 201);
};

export const get = defineRoute({
  operationId: "imports.get",
  method: "get",
  path: "/v1/imports/{importId}",
  tags: ["imports"],
  summary: "An import with its mapping and progress",
  request: { params: ImportId },
  responses: { 200: json(Import, "The import."), 404: json(ProblemSchema, "No such import in this tenant.") },
});

export const getHandler: RouteHandler<typeof get, AppEnv> = async (c) => {
  return c.json(importView(await getImport(c.get("services").db(), currentActor(c), c.req.valid("param").importId)), 200);
};

export const update = defineRoute({
  operationId: "imports.update",
  method: "patch",
  path: "/v1/imports/{importId}",
  tags: ["imports"],
  summary: "Step three: correct the column mapping or the options",
  description: "A mapping names, for each header, a field key (see the template), `attributes.<key>`, or null to ignore the column.",
  request: {
    params: ImportId,
    body: jsonBody(z.object({ mapping: z.record(z.string(), z.string().nullable()).optional(), options: ImportOptionsInput.optional() }).strict().openapi("ImportChange")),
  },
  responses: {
    200: json(Import, "The import, ready to validate."),
    400: json(ProblemSchema, "The mapping or an option is invalid."),
    404: json(ProblemSchema, "No such import in this tenant."),
    409: json(ProblemSchema, "The import is being validated."),
  },
});

export const updateHandler: RouteHandler<typeof update, AppEnv> = async (c) => {
  const row = await updateImport(c.get("services").db(), currentActor(c), c.req.valid("param").importId, c.req.valid("json"));
  return c.json(importView(row), 200);
};

export const validate = defineRoute({
  operationId: "imports.validate",
  method: "post",
  path: "/v1/imports/{importId}/validate",
  tags: ["imports"],
  summary: "Step four: the dry run, checking every row without writing customers",
  description: "Queued; follow `progress` on the import. Problems are listed by row and column at `/problems.csv`.",
  request: { params: ImportId },
  responses: { 202: json(Import, "The dry run is queued."), 404: json(ProblemSchema, "No such import in this tenant.") },
});

export const validateHandler: RouteHandler<typeof validate, AppEnv> = async (c) => {
  const row = await startProcessing(c.get("services").db(), c.env.JOBS, currentActor(c), c.req.valid("param").importId, "validate");
  return c.json(importView(row), 202);
};

export const run = defineRoute({
  operationId: "imports.run",
  method: "post",
  path: "/v1/imports/{importId}/run",
  tags: ["imports"],
  summary: "Step five: import the file",
  description:
    "Queued; follow `progress` and `results` on the import. Customers are matched by external id, then email, then phone, and updated or created; order lines and returns are keyed by their line in the file, so running the same file again changes nothing. Rows with problems are skipped and listed at `/problems.csv`.",
  request: { params: ImportId },
  responses: { 202: json(Import, "The run is queued."), 404: json(ProblemSchema, "No such import in this tenant.") },
});

export const runHandler: RouteHandler<typeof run, AppEnv> = async (c) => {
  const row = await startProcessing(c.get("services").db(), c.env.JOBS, currentActor(c), c.req.valid("param").importId, "apply");
  return c.json(importView(row), 202);
};

export const problems = defineRoute({
  operationId: "imports.problems",
  method: "get",
  path: "/v1/imports/{importId}/problems.csv",
  tags: ["imports"],
  summary: "The validation report: row, column, problem",
  request: { params: ImportId },
  responses: { 200: csv("One line per problem, in file order."), 404: json(ProblemSchema, "No such import in this tenant.") },
});

export const problemsHandler: RouteHandler<typeof problems, AppEnv> = async (c) => {
  const rows = await listProblems(c.get("services").db(), currentActor(c), c.req.valid("param").importId);
  const body = `\uFEFF${csvRow(["row", "column", "problem"])}${rows.map((row) => csvRow([row.line, row.column, row.problem])).join("")}`;
  return c.body(body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-problems.csv"` });
};
