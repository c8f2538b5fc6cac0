import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../platform/db.ts";
import { enterTenant } from "../platform/with-tenant.ts";
import type { BackupKeyRing } from "./keys.ts";
import type { Manifest } from "./manifest.ts";
import { readParts } from "./read-backup.ts";
import { quoteIdent, quoteLiteral } from "./sql.ts";
import { APPEND_ONLY, NOT_COPIED_TO_NEW_TENANT } from "./tables.ts";

/** The role a restore writes as: the application role plus DELETE, still bound by row-level security. */
const RESTORE_ROLE = "ckm_restore";
const INSERT_ROWS = 500;

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
 * A column's value from the backed-up row `b.line` (read into record `r`): `value` when the row
 * has the column, else the column's default, evaluated per row. A backup made before a column
 * was added has no key for it, and its rows get what the migration gave existing rows.
 */
function presentOrDefault(column: Column, value: string): string {
  if (column.default === null) return value;
  return `case when b.line ? ${quoteLiteral(column.name)} then ${value} else ${column.default} end`;
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

async function insertRows(tx: Transaction, table: string, columns: Column[], target: RestoreTarget, lines: string[]): Promise<void> {
  const list = columns.map((column) => quoteIdent(column.name)).join(", ");
  const values = columns.map((column) => presentOrDefault(column, valueOf(column, table, target))).join(", ");
  const conflict = APPEND_ONLY.has(table) ? sql.raw(" on conflict do nothing") : sql``;
  for (let start = 0; start < lines.length; start += INSERT_ROWS) {
    const batch = `[${lines.slice(start, start + INSERT_ROWS).join(",")}]`;
    await tx.execute(
      sql`insert into ${sql.raw(quoteIdent(table))} (${sql.raw(list)}) overriding system value select ${sql.raw(values)} from jsonb_array_elements(${batch}::jsonb) b(line), jsonb_populate_record(null::${sql.raw(quoteIdent(table))}, b.line) r${conflict}`,
    );
  }
}

/** Replaces the tenant's own row with the backed-up one (it cannot be deleted: everything hangs on it). */
async function updateTenantRow(tx: Transaction, columns: Column[], line: string): Promise<void> {
  const settable = columns.filter((column) => column.name !== "id");
  const list = settable.map((column) => quoteIdent(column.name)).join(", ");
  const values = settable.map((column) => presentOrDefault(column, `r.${quoteIdent(column.name)}`)).join(", ");
  await tx.execute(
    sql`update tenants t set (${sql.raw(list)}) = (select ${sql.raw(values)} from (select ${line}::jsonb as line) b, jsonb_populate_record(null::tenants, b.line) r) where t.id = app_tenant_id()`,
  );
}

/** The rows of one customer in a table, as the backup has them: the customer, and what hangs on them or their orders. */
function customerRows(table: string, lines: string[], customerId: string, orderIds: Set<string>): string[] {
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
 * for a column the table no longer has is ignored (jsonb_populate_record reads only the table's).
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
    for await (const part of readParts(bucket, ring, manifest)) {
      if (!columns.has(part.table)) continue;
      let lines = part.lines;
      if (target.into === "same" && target.customerId) {
        if (!CUSTOMER_TABLES.has(part.table)) continue;
        lines = customerRows(part.table, lines, target.customerId, orderIds);
        if (part.table === "customers" && lines.length) customerFound = true;
      }
      if (part.table === "tenants" && target.into === "same") {
        if (!target.customerId) await updateTenantRow(tx, columns.get("tenants")!, lines[0]!);
      } else await insertRows(tx, part.table, columns.get(part.table)!, target, lines);
      written += lines.length;
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
