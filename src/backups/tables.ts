import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "../db/schema/index.ts";

/** A table a backup holds: its SQL name, its primary key (the order rows are written in), and the tables it references. */
export type BackedUpTable = { name: string; primaryKey: string[]; references: string[] };

/** Tables with a tenant_id that a backup leaves out: the backups' own records. */
export const NOT_BACKED_UP = new Set(["backups"]);

/**
 * Tables a backup into a new tenant leaves out: staff accounts and their credentials (an email
 * belongs to one account across tenants) and the audit trail of the original tenant.
 */
export const NOT_COPIED_TO_NEW_TENANT = new Set(["users", "sessions", "refresh_tokens", "api_keys", "invites", "audit_log"]);

/** Written after every row that may hang on them, removed before: the audit log is only ever added to. */
export const APPEND_ONLY = new Set(["audit_log"]);

/** A column's SQL name: the schema names columns by their TypeScript keys and maps them with `casing: "snake_case"`. */
function columnName(column: { name: string; keyAsName: boolean }): string {
  return column.keyAsName ? column.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : column.name;
}

function describe(table: PgTable): BackedUpTable {
  const config = getTableConfig(table);
  const primaryKey = (config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary)).map(columnName);
  const references = config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((name) => name !== config.name);
  return { name: config.name, primaryKey, references };
}

/** Orders tables so every table comes after the ones it references (restore inserts in this order, deletes in reverse). */
function dependencyOrder(tables: BackedUpTable[]): BackedUpTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const done = new Set<string>();
  const ordered: BackedUpTable[] = [];
  const visit = (table: BackedUpTable, path: Set<string>) => {
    if (done.has(table.name) || path.has(table.name)) return;
    path.add(table.name);
    for (const name of table.references) {
      const referenced = byName.get(name);
      if (referenced) visit(referenced, path);
    }
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, new Set());
  return ordered;
}

/**
 * Every table a backup holds, derived from the drizzle schema so a new tenant-owned table cannot
 * be forgotten: the tenant's own row (`tenants`), then every table with a `tenant_id` column
 * except `backups`, in dependency order (the schema's foreign keys, and `foreignKeys` read from
 * the database, which also knows those only the migrations declare).
 */
export function backedUpTables(foreignKeys: Array<{ from: string; to: string }> = []): BackedUpTable[] {
  const tables = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => value instanceof PgTable)
    .filter((table) => {
      const config = getTableConfig(table);
      return config.name === "tenants" || (config.columns.some((column) => columnName(column) === "tenant_id") && !NOT_BACKED_UP.has(config.name));
    })
    .map(describe)
    .map((table) => ({ ...table, references: [...new Set([...table.references, ...foreignKeys.filter((fk) => fk.from === table.name && fk.to !== table.name).map((fk) => fk.to)])] }));
  return dependencyOrder(tables);
}
