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

/**
 * The next rows of a table after a primary key, in primary-key order: each row as its JSON
 * text (generated columns left out) and its key as JSON, for the cursor. Row-level security
 * keeps them to the tenant of the transaction.
 */
export async function rowsAfter(
  tx: Transaction,
  table: { name: string; primaryKey: string[]; omit: string[] },
  after: Record<string, unknown> | null,
  limit: number,
): Promise<Array<{ line: string; key: string }>> {
  const name = quoteIdent(table.name);
  const keys = table.primaryKey.map(quoteIdent);
  const row = sql.raw(["to_jsonb(t)", ...table.omit.map((column) => `'${column.replaceAll("'", "''")}'`)].join(" - "));
  const keyJson = sql.raw(`jsonb_build_object(${table.primaryKey.map((key, i) => `'${key}', t.${keys[i]}`).join(", ")})::text`);
  const where = after
    ? sql`where (${sql.raw(keys.map((key) => `t.${key}`).join(", "))}) > (select ${sql.raw(keys.map((key) => `a.${key}`).join(", "))} from jsonb_populate_record(null::${sql.raw(name)}, ${JSON.stringify(after)}::jsonb) a)`
    : sql``;
  const result = await tx.execute<{ line: string; key: string }>(
    sql`select (${row})::text as line, ${keyJson} as key from ${sql.raw(name)} t ${where} order by ${sql.raw(keys.map((key) => `t.${key}`).join(", "))} limit ${limit}`,
  );
  return result.rows;
}
