import { sql } from "drizzle-orm";
import type { Transaction } from "../platform/db.ts";

/** A SQL identifier, quoted. Table and column names come from the schema and the catalog, never from input. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal, quoted; for names from the schema and the catalog, never for input. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** One page of a table's NDJSON: the rows' lines (each ending in a newline) as one text, how many, and the last row's primary key. */
export type Page = { text: string; rows: number; last: Record<string, unknown> | null };

/** The columns a backup writes of a table, in the table's order: every column but `omit` (the generated ones, which restore computes again). */
export async function writtenColumns(tx: Transaction, table: { name: string; omit: string[] }): Promise<string[]> {
  const result = await tx.execute<{ name: string }>(sql`
    select attname as name from pg_attribute
     where attrelid = ${`public.${quoteIdent(table.name)}`}::regclass and attnum > 0 and not attisdropped order by attnum`);
  return result.rows.map((row) => row.name).filter((name) => !table.omit.includes(name));
}

/**
 * The next rows of a table after a primary key, in primary-key order, as PostgreSQL writes them
 * (`row_to_json` of the row's `columns`), joined into one NDJSON text. The columns are picked by
 * a lateral subquery, which the planner folds into the index scan, so nothing sorts the rows
 * again; its alias is one no column has, or `row_to_json` would take that column. A row a line
 * costs less than the database joining the page into one value: that sorts the lines once more,
 * and the driver reads one value of megabytes slower than thousands of small ones. Row-level
 * security keeps the rows to the tenant of the transaction. The cursor is read back from the
 * last line.
 */
export async function pageAfter(
  tx: Transaction,
  table: { name: string; primaryKey: string[]; columns: string[] },
  after: Record<string, unknown> | null,
  limit: number,
): Promise<Page> {
  const name = quoteIdent(table.name);
  const where = after ? sql`where ${afterCondition(name, table.primaryKey, JSON.stringify(after))}` : sql``;
  const result = await tx.execute<{ line: string }>(sql`
    select row_to_json(written_row)::text as line from ${sql.raw(name)} t cross join lateral (select ${sql.raw(qualified("t", table.columns))}) written_row
      ${where} order by ${sql.raw(qualified("t", table.primaryKey))} limit ${limit}`);
  const lines = result.rows.map((row) => row.line);
  if (lines.length === 0) return { text: "", rows: 0, last: null };
  const line = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  return { text: `${lines.join("\n")}\n`, rows: lines.length, last: Object.fromEntries(table.primaryKey.map((key) => [key, line[key]])) };
}

/**
 * Rows after the cursor's primary key. A key led by `tenant_id` is split into `tenant_id = …`
 * and a comparison of the rest: the same rows, since row-level security leaves one tenant, but
 * the index scan starts at the cursor. Compared as one row with the policy's `tenant_id = …`
 * beside it, the scan starts at the tenant's first row and steps over every row before the cursor.
 */
function afterCondition(name: string, primaryKey: string[], cursor: string) {
  const from = sql`from jsonb_populate_record(null::${sql.raw(name)}, ${cursor}::jsonb) a`;
  const [first, ...rest] = primaryKey;
  const compared = first === "tenant_id" && rest.length > 0 ? rest : primaryKey;
  const row = sql`(${sql.raw(qualified("t", compared))}) > (select ${sql.raw(qualified("a", compared))} ${from})`;
  return compared === primaryKey ? row : sql`t.tenant_id = (select a.tenant_id ${from}) and ${row}`;
}

/** Columns of an aliased table, quoted and joined for a select list or an order by. */
function qualified(alias: string, columns: string[]): string {
  return columns.map((column) => `${alias}.${quoteIdent(column)}`).join(", ");
}
