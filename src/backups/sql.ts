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
 * (`row_to_json` of the row's `columns`, as text), joined into one NDJSON text by the database,
 * so a page crosses the wire as one value instead of a row each. Row-level security keeps them
 * to the tenant of the transaction. The cursor is read back from the last line.
 */
export async function pageAfter(
  tx: Transaction,
  table: { name: string; primaryKey: string[]; columns: string[] },
  after: Record<string, unknown> | null,
  limit: number,
): Promise<Page> {
  const name = quoteIdent(table.name);
  const keys = (alias: string) => table.primaryKey.map((key) => `${alias}.${quoteIdent(key)}`).join(", ");
  const columns = table.columns.map((column) => `t.${quoteIdent(column)}`).join(", ");
  const where = after
    ? sql`where (${sql.raw(keys("t"))}) > (select ${sql.raw(keys("a"))} from jsonb_populate_record(null::${sql.raw(name)}, ${JSON.stringify(after)}::jsonb) a)`
    : sql``;
  const result = await tx.execute<{ rows: number; text: string | null }>(sql`
    select count(*)::int as rows, string_agg(q.line, '' order by q.n) as text
      from (select row_to_json(p)::text || E'\n' as line, row_number() over (order by ${sql.raw(keys("p"))}) as n
              from (select ${sql.raw(columns)} from ${sql.raw(name)} t ${where} order by ${sql.raw(keys("t"))} limit ${limit}) p) q`);
  const { rows, text } = result.rows[0]!;
  if (!text) return { text: "", rows: 0, last: null };
  const line = JSON.parse(text.slice(text.lastIndexOf("\n", text.length - 2) + 1)) as Record<string, unknown>;
  return { text, rows, last: Object.fromEntries(table.primaryKey.map((key) => [key, line[key]])) };
}
