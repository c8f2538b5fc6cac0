import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../platform/db.ts";
import { enterTenant } from "../platform/with-tenant.ts";
import type { BackupKeyRing } from "./keys.ts";
import type { Manifest } from "./manifest.ts";
import { readingAhead, readParts } from "./read-backup.ts";
import { quoteIdent, quoteLiteral } from "./sql.ts";
import { APPEND_ONLY, NOT_COPIED_TO_NEW_TENANT } from "./tables.ts";

/** The role a restore writes as: the application role plus DELETE, still bound by row-level security. */
const RESTORE_ROLE = "ckm_restore";

export type RestoreTarget = { into: "same"; customerId?: string } | { into: "new"; tenantId: string };

/** A column a restore writes, with its default as SQL (null: none), for rows backed up before the column was added. */
type Column = { name: string; type: string; default: string | null };

async function columnsOf(tx: Transaction, table: string): Promise<Column[]> {
  const result = await tx.execute<Column>(sql`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, pg_get_expr(d.adbin, d.adrelid) as default
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where a.attrelid = ${`public.${quoteIdent(table)}`}::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     order by a.attnum`);
  return result.rows;
}

/**
 * A column's value: `value` when the backed-up rows have the column, else the column's default,
 * evaluated per row. A backup made before a column was added has no key for it, and its rows get
 * what the migration gave existing rows. Every row of a table in one backup has the same keys
 * (each is the whole row), so the first row says which columns the backup has.
 */
function presentOrDefault(column: Column, value: string, present: Set<string>): string {
  return present.has(column.name) || column.default === null ? value : column.default;
}

/**
 * How each column's value is written: as backed up, or for a new tenant with the tenant id
 * replaced and every other uuid mapped to a new one derived from it (md5 of new tenant and old
 * uuid), so the copy never collides with the original's keys and references still line up.
 */
function valueOf(column: Column, table: string, target: RestoreTarget): string {
  const value = `r.${quoteIdent(column.name)}`;
  if (target.into === "same") return value;
  const tenant = `'${target.tenantId}'::uuid`;
  if (column.name === "tenant_id" || (table === "tenants" && column.name === "id")) return tenant;
  if (table === "tenants" && column.name === "slug") return `${value} || '-${target.tenantId.slice(0, 8)}'`;
  if (table === "tenants" && column.name === "name") return `${value} || ' (restored)'`;
  if (column.type === "uuid") return `case when ${value} is null then null else md5('${target.tenantId}' || ${value}::text)::uuid end`;
  return value;
}

/** The keys of an NDJSON text's first row. */
function keysOfFirstRow(text: string): Set<string> {
  const end = text.indexOf("\n");
  return new Set(Object.keys(JSON.parse(end === -1 ? text : text.slice(0, end)) as Record<string, unknown>));
}

/**
 * Inserts a part's rows in one statement: the whole NDJSON text is one parameter, which the
 * database turns into a JSON array and reads with `json_populate_recordset` (a key for a column
 * the table no longer has is ignored), so no row is parsed or re-serialised in the Worker.
 */
async function insertRows(tx: Transaction, table: string, columns: Column[], target: RestoreTarget, text: string): Promise<void> {
  if (!text) return;
  const present = keysOfFirstRow(text);
  const list = columns.map((column) => quoteIdent(column.name)).join(", ");
  const values = columns.map((column) => presentOrDefault(column, valueOf(column, table, target), present)).join(", ");
  const conflict = APPEND_ONLY.has(table) ? sql.raw(" on conflict do nothing") : sql``;
  await tx.execute(
    sql`insert into ${sql.raw(quoteIdent(table))} (${sql.raw(list)}) overriding system value select ${sql.raw(values)} from json_populate_recordset(null::${sql.raw(quoteIdent(table))}, ('[' || replace(rtrim(${text}::text, E'\n'), E'\n', ',') || ']')::json) r${conflict}`,
  );
}

/** Replaces the tenant's own row with the backed-up one (it cannot be deleted: everything hangs on it). */
async function updateTenantRow(tx: Transaction, columns: Column[], line: string): Promise<void> {
  const settable = columns.filter((column) => column.name !== "id");
  const list = settable.map((column) => quoteIdent(column.name)).join(", ");
  const values = settable.map((column) => presentOrDefault(column, `r.${quoteIdent(column.name)}`, keysOfFirstRow(line))).join(", ");
  await tx.execute(sql`update tenants t set (${sql.raw(list)}) = (select ${sql.raw(values)} from json_populate_record(null::tenants, ${line}::json) r) where t.id = app_tenant_id()`);
}

/** The rows of one customer in a table, as the backup has them: the customer, and what hangs on them or their orders. */
function customerRows(table: string, text: string, customerId: string, orderIds: Set<string>): string[] {
  const lines = text.split("\n");
  lines.pop();
  return lines.filter((line) => {
    const row = JSON.parse(line) as Record<string, unknown>;
    if (table === "customers") return row.id === customerId;
    if (row.customer_id === customerId) {
      if (table === "orders") orderIds.add(row.id as string);
      return table !== "customer_merges";
    }
    return typeof row.order_id === "string" && orderIds.has(row.order_id);
  });
}

/** Tables that hold one customer's rows: the customer, their identities, orders, lines, refunds, timeline and scores. */
const CUSTOMER_TABLES = new Set(["customers", "customer_identities", "orders", "order_lines", "refunds", "interactions", "customer_scores"]);

/**
 * Writes a verified backup into a tenant in one transaction (so a part that turns out damaged
 * part-way, or any failing insert, leaves the tenant as it was):
 * - `same`: every backed-up table's rows are deleted (children first) and the backup's inserted
 *   (parents first); the tenant's row is updated; the audit log only gains missing entries.
 * - `same` with `customerId`: only that customer's rows (identities, orders with their lines and
 *   refunds, timeline, scores) are replaced.
 * - `new`: a new tenant with every uuid remapped; staff, credentials and the audit log stay behind.
 * A backup from an older schema restores too: a column its rows lack gets its default, and a key
 * for a column the table no longer has is ignored (json_populate_recordset reads only the table's).
 * Returns the number of rows written.
 */
export async function applyRestore(db: Database, bucket: R2Bucket, ring: BackupKeyRing, manifest: Manifest, target: RestoreTarget): Promise<number> {
  const scope = target.into === "new" ? target.tenantId : manifest.tenantId;
  return db.transaction(async (tx) => {
    await enterTenant(tx, scope);
    await tx.execute(sql.raw(`set local role ${RESTORE_ROLE}`));
    const tables = manifest.tables.map((table) => table.name).filter((name) => target.into !== "new" || !NOT_COPIED_TO_NEW_TENANT.has(name));
    const columns = new Map<string, Column[]>();
    for (const name of tables) columns.set(name, await columnsOf(tx, name));
    if (target.into === "same" && target.customerId) {
      const id = target.customerId;
      await tx.execute(sql`delete from orders where customer_id = ${id}`);
      await tx.execute(sql`delete from refunds where customer_id = ${id}`);
      await tx.execute(sql`delete from customers where id = ${id}`);
    } else if (target.into === "same") {
      for (const name of [...tables].reverse()) {
        if (name !== "tenants" && !APPEND_ONLY.has(name)) await tx.execute(sql.raw(`delete from ${quoteIdent(name)}`));
      }
    }
    const orderIds = new Set<string>();
    let written = 0;
    let customerFound = false;
    const decoder = new TextDecoder();
    for await (const { part, plain } of readingAhead(readParts(bucket, ring, manifest))) {
      if (!columns.has(part.table)) continue;
      if (target.into === "same" && target.customerId && !CUSTOMER_TABLES.has(part.table)) continue;
      let text = decoder.decode(plain);
      let rows = part.rows;
      if (target.into === "same" && target.customerId) {
        const lines = customerRows(part.table, text, target.customerId, orderIds);
        text = lines.map((line) => `${line}\n`).join("");
        rows = lines.length;
        if (part.table === "customers" && rows) customerFound = true;
      }
      if (part.table === "tenants" && target.into === "same") {
        if (!target.customerId) await updateTenantRow(tx, columns.get("tenants")!, text.slice(0, text.indexOf("\n")));
      } else await insertRows(tx, part.table, columns.get(part.table)!, target, text);
      written += rows;
    }
    if (target.into === "same" && target.customerId && !customerFound) throw new CustomerNotInBackup(target.customerId);
    return written;
  });
}

export class CustomerNotInBackup extends Error {
  constructor(customerId: string) {
    super(`customer ${customerId} is not in the backup`);
  }
}
