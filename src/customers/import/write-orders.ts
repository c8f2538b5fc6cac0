import { sql } from "drizzle-orm";
import type { ImportOptions, ImportResults } from "../../db/schema/index.ts";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Transaction } from "../../platform/db.ts";
import { formatMinor } from "../money.ts";
import type { Note, ValidRow } from "./plan-customers.ts";

type Invoice = { id: string; customerId: string | null; currency: string; orderedAt: string; batchTotal: number };
type Line = { invoice: string; lineNo: number; sku: string | null; title: string; quantity: number; unitPriceMinor: number };
type Return = { customerId: string | null; currency: string; externalId: string; amountMinor: number; reason: string; refundedAt: string };

/** Splits a batch's order parts into the invoices it names (first row first), their lines, and returns. */
function orderParts(rows: ValidRow[], customerOf: Array<string | null>, source: string) {
  const invoices = new Map<string, Invoice>();
  const lines: Line[] = [];
  const returns: Return[] = [];
  rows.forEach((row, index) => {
    const part = row.order;
    if (!part || part.quantity === 0) return;
    const customerId = customerOf[index] ?? null;
    const amountMinor = Math.abs(part.quantity) * part.unitPriceMinor;
    if (part.quantity < 0) {
      returns.push({ customerId, currency: part.currency, externalId: `${source}:${part.orderId}:${row.line}`, amountMinor, reason: `Cancellation ${part.orderId}: ${part.title}`, refundedAt: part.orderedAt });
      return;
    }
    const invoice = invoices.get(part.orderId) ?? { id: crypto.randomUUID(), customerId, currency: part.currency, orderedAt: part.orderedAt, batchTotal: 0 };
    invoice.batchTotal += amountMinor;
    invoices.set(part.orderId, invoice);
    lines.push({ invoice: part.orderId, lineNo: row.line, sku: part.sku, title: part.title, quantity: part.quantity, unitPriceMinor: part.unitPriceMinor });
  });
  return { invoices, lines, returns };
}

/**
 * Writes a batch's order lines and returns in at most four statements: a positive quantity is a
 * line of its invoice's order (created on first sight, with a timeline entry for its customer), a
 * negative one a return recorded as a refund of its own, as cancellation invoices name no
 * original order. Lines and returns are keyed by the file's line, so importing the same file
 * again adds nothing; only what is new is counted. A new order starts with the total of its lines
 * in the batch (it can have no others); an existing order that gained lines has its total brought
 * up to its lines' sum. Returns the timeline entries for new orders and returns.
 */
export async function writeOrders(tx: Transaction, tenantId: string, options: ImportOptions, rows: ValidRow[], customerOf: Array<string | null>, results: ImportResults): Promise<Note[]> {
  const { invoices, lines, returns } = orderParts(rows, customerOf, options.source);
  const notes: Note[] = [];
  const orderIds = new Map<string, string>();
  const createdNow = new Set<string>();
  if (invoices.size) {
    const wanted = [...invoices];
    // The insert's rows are not visible to the same statement's read of orders, so the two
    // halves of the union are the orders created now and those that were there before.
    const { rows: found } = await tx.execute<{ id: string; external_id: string; created: boolean }>(sql`
      with wanted as (
        select * from unnest(${boundArray(wanted.map(([invoice]) => invoice), "text")}, ${boundArray(wanted.map(([, order]) => order.id), "uuid")},
                             ${boundArray(wanted.map(([, order]) => order.customerId), "uuid")}, ${boundArray(wanted.map(([, order]) => order.currency), "text")},
                             ${boundArray(wanted.map(([, order]) => order.orderedAt), "timestamptz")}, ${boundArray(wanted.map(([, order]) => order.batchTotal), "bigint")})
                 as w(external_id, id, customer_id, currency, ordered_at, total)),
      created as (
        insert into orders (tenant_id, id, customer_id, source, external_id, status, currency, total_minor, ordered_at)
        select ${tenantId}, id, customer_id, ${options.source}, external_id, 'paid', currency, total, ordered_at from wanted
        on conflict (tenant_id, source, external_id) where external_id is not null do nothing
        returning id, external_id)
      select id, external_id, true as created from created
      union all
      select o.id, o.external_id, false from orders o join wanted w on o.external_id = w.external_id where o.source = ${options.source}`);
    for (const order of found) {
      orderIds.set(order.external_id, order.id);
      if (order.created) createdNow.add(order.id);
      const invoice = invoices.get(order.external_id)!;
      if (order.created && invoice.customerId) {
        notes.push({ customerId: invoice.customerId, kind: "order", occurredAt: invoice.orderedAt, summary: `Order ${order.external_id}`, data: { orderId: order.id, externalId: order.external_id } });
      }
    }
  }
  if (lines.length) {
    const { rows: gained } = await tx.execute<{ order_id: string; lines: number }>(sql`
      with inserted as (
        insert into order_lines (tenant_id, order_id, line_no, sku, title, quantity, unit_price_minor)
        select ${tenantId}, l.* from unnest(${boundArray(lines.map((line) => orderIds.get(line.invoice)!), "uuid")}, ${boundArray(lines.map((line) => line.lineNo), "integer")},
                                            ${boundArray(lines.map((line) => line.sku), "text")}, ${boundArray(lines.map((line) => line.title), "text")},
                                            ${boundArray(lines.map((line) => line.quantity), "integer")}, ${boundArray(lines.map((line) => line.unitPriceMinor), "bigint")}) as l
        on conflict do nothing
        returning order_id)
      select order_id, count(*)::int as lines from inserted group by order_id`);
    results.orderLines += gained.reduce((sum, order) => sum + order.lines, 0);
    const grown = gained.filter((order) => !createdNow.has(order.order_id));
    if (grown.length) {
      await tx.execute(sql`
        update orders o set total_minor = s.total, updated_at = now()
          from (select order_id, sum(quantity::bigint * unit_price_minor) as total from order_lines
                 where order_id = any(${boundArray(grown.map((order) => order.order_id), "uuid")}) group by order_id) s
         where o.id = s.order_id`);
    }
  }
  if (returns.length) {
    const { rows: recorded } = await tx.execute<{ id: string; external_id: string }>(sql`
      insert into refunds (tenant_id, customer_id, currency, external_id, amount_minor, reason, refunded_at)
      select ${tenantId}, r.* from unnest(${boundArray(returns.map((item) => item.customerId), "uuid")}, ${boundArray(returns.map((item) => item.currency), "text")},
                                          ${boundArray(returns.map((item) => item.externalId), "text")}, ${boundArray(returns.map((item) => item.amountMinor), "bigint")},
                                          ${boundArray(returns.map((item) => item.reason), "text")}, ${boundArray(returns.map((item) => item.refundedAt), "timestamptz")}) as r
      on conflict do nothing
      returning id, external_id`);
    results.refunds += recorded.length;
    const byExternalId = new Map(returns.map((item) => [item.externalId, item]));
    for (const refund of recorded) {
      const item = byExternalId.get(refund.external_id)!;
      if (!item.customerId) continue;
      notes.push({ customerId: item.customerId, kind: "order", occurredAt: item.refundedAt, summary: `Return of ${formatMinor(item.amountMinor, item.currency)}`, data: { refundId: refund.id, externalId: refund.external_id } });
    }
  }
  return notes;
}
