import { and, eq, sql } from "drizzle-orm";
import { customerIdentities, customers, interactions, orderLines, orders, refunds, type ImportOptions, type ImportResults } from "../../db/schema/index.ts";
import type { Transaction } from "../../platform/db.ts";
import { formatMinor } from "../money.ts";
import type { CustomerValues } from "../standardise-customer.ts";
import type { OrderPart } from "./row-values.ts";

/** What a run remembers across rows, so a customer or order seen before costs no query. */
export type RunMemo = {
  customerByKey: Map<string, string>;
  lastValues: Map<string, string>;
  /** Customers an earlier row of this run matched or created. */
  seen: Set<string>;
  orderByInvoice: Map<string, string>;
  /** Rows of the current batch, written together when it settles. */
  lines: Array<typeof orderLines.$inferInsert>;
  returns: Array<typeof refunds.$inferInsert>;
  notes: Array<typeof interactions.$inferInsert>;
};

export const newMemo = (): RunMemo => ({ customerByKey: new Map(), lastValues: new Map(), seen: new Set(), orderByInvoice: new Map(), lines: [], returns: [], notes: [] });

type Who = { type: string; id: string };

function keysOf(values: CustomerValues, externalId: string | null): string[] {
  return [externalId && `id:${externalId}`, values.email && `email:${values.email}`, values.phone && `phone:${values.phone}`].filter(Boolean) as string[];
}

async function findExisting(tx: Transaction, options: ImportOptions, values: CustomerValues, externalId: string | null): Promise<string | undefined> {
  if (externalId) {
    const [identity] = await tx.select({ id: customerIdentities.customerId }).from(customerIdentities).where(and(eq(customerIdentities.platform, options.source), eq(customerIdentities.externalId, externalId)));
    if (identity) return identity.id;
  }
  for (const [column, value] of [[customers.email, values.email], [customers.phone, values.phone]] as const) {
    if (!value) continue;
    const [match] = await tx.select({ id: customers.id }).from(customers).where(eq(column, value)).orderBy(customers.createdAt).limit(1);
    if (match) return match.id;
  }
  return undefined;
}

/**
 * Writes one valid row's customer: matched by external id, then email, then phone (this run's
 * earlier rows first), updated with the row's non-empty values when they differ, or created.
 * Returns the customer id, or null for a row that names no customer (a guest order).
 */
export async function applyCustomer(
  tx: Transaction,
  tenantId: string,
  options: ImportOptions,
  values: CustomerValues,
  externalId: string | null,
  memo: RunMemo,
  results: ImportResults,
  who: Who,
): Promise<string | null> {
  const keys = keysOf(values, externalId);
  if (keys.length === 0 && !values.displayName) return null;
  const provided = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)));
  const fingerprint = JSON.stringify(provided);
  let id = keys.map((key) => memo.customerByKey.get(key)).find(Boolean) ?? (await findExisting(tx, options, values, externalId));
  if (id) {
    // The first row of a customer in a file sets their values; later rows of the same customer
    // only fill what is still empty, so a file that disagrees with itself reads the same way on
    // every run and a second run changes nothing.
    const laterRow = memo.seen.has(id);
    if (memo.lastValues.get(id) === fingerprint) results[laterRow ? "mergedInFile" : "unchanged"]++;
    else {
      const [current] = await tx.select().from(customers).where(eq(customers.id, id));
      const stored = (field: string) => current?.[field as keyof typeof current] ?? null;
      const isEmpty = (value: unknown) => value === null || value === "" || (Array.isArray(value) && value.length === 0);
      // A row's attributes add to the stored ones; they never drop keys the file does not name.
      if (provided.attributes) provided.attributes = { ...(current?.attributes ?? {}), ...(provided.attributes as object) };
      const changes = Object.fromEntries(
        Object.entries(provided)
          .filter(([field, value]) => (laterRow ? isEmpty(stored(field)) : JSON.stringify(stored(field)) !== JSON.stringify(value)))
          .map(([field, to]) => [field, { from: stored(field), to }]),
      );
      if (Object.keys(changes).length) {
        const set = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
        await tx.update(customers).set({ ...set, updatedAt: new Date() }).where(eq(customers.id, id));
        await tx.insert(interactions).values({ tenantId, customerId: id, kind: "field_change", summary: `Changed ${Object.keys(changes).join(", ")} by import`, data: changes, actorType: who.type, actorId: who.id });
      }
      results[laterRow ? "mergedInFile" : Object.keys(changes).length ? "updated" : "unchanged"]++;
    }
  } else {
    const [created] = await tx.insert(customers).values({ ...provided, source: values.source ?? options.source, tenantId }).returning({ id: customers.id });
    id = created!.id;
    await tx.insert(interactions).values({ tenantId, customerId: id, kind: "created", summary: `Created by import from ${options.source}`, actorType: who.type, actorId: who.id });
    results.created++;
  }
  memo.seen.add(id);
  if (externalId) {
    await tx.insert(customerIdentities).values({ tenantId, platform: options.source, externalId, customerId: id }).onConflictDoNothing();
  }
  for (const key of keys) memo.customerByKey.set(key, id);
  memo.lastValues.set(id, fingerprint);
  return id;
}

/**
 * Takes one row's order line: a positive quantity is a line of the invoice's order (created on
 * first sight), a negative one a return recorded as a refund of its own, as cancellation
 * invoices name no original order. Lines and returns are keyed by the file's line number, so
 * importing the same file again adds nothing; they are written when the batch settles.
 */
export async function applyOrderLine(tx: Transaction, tenantId: string, options: ImportOptions, line: number, part: OrderPart, customerId: string | null, memo: RunMemo, who: Who): Promise<void> {
  if (part.quantity === 0) return;
  const amount = Math.abs(part.quantity) * part.unitPriceMinor;
  if (part.quantity < 0) {
    memo.returns.push({ tenantId, customerId, currency: part.currency, externalId: `${options.source}:${part.orderId}:${line}`, amountMinor: amount, reason: `Cancellation ${part.orderId}: ${part.title}`, refundedAt: new Date(part.orderedAt) });
    return;
  }
  let orderId = memo.orderByInvoice.get(part.orderId);
  if (!orderId) {
    const [existing] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.source, options.source), eq(orders.externalId, part.orderId)));
    if (existing) orderId = existing.id;
    else {
      const [created] = await tx
        .insert(orders)
        .values({ tenantId, customerId, source: options.source, externalId: part.orderId, status: "paid", currency: part.currency, totalMinor: 0, orderedAt: new Date(part.orderedAt) })
        .returning({ id: orders.id });
      orderId = created!.id;
      if (customerId) {
        memo.notes.push({ tenantId, customerId, kind: "order", occurredAt: new Date(part.orderedAt), summary: `Order ${part.orderId}`, data: { orderId, externalId: part.orderId }, actorType: who.type, actorId: who.id });
      }
    }
    memo.orderByInvoice.set(part.orderId, orderId);
  }
  memo.lines.push({ tenantId, orderId, lineNo: line, sku: part.sku, title: part.title, quantity: part.quantity, unitPriceMinor: part.unitPriceMinor });
}

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) => items.slice(index * CHUNK, (index + 1) * CHUNK));
}

/**
 * Writes the batch's lines, returns and timeline entries in a few statements, counting only
 * what was new, and brings the totals of the orders that gained lines up to their sum.
 */
export async function settleBatch(tx: Transaction, memo: RunMemo, results: ImportResults, who: Who): Promise<void> {
  const [lines, returns, notes] = [memo.lines, memo.returns, memo.notes];
  [memo.lines, memo.returns, memo.notes] = [[], [], []];
  const touched = new Set<string>();
  for (const chunk of chunks(lines)) {
    const inserted = await tx.insert(orderLines).values(chunk).onConflictDoNothing().returning({ orderId: orderLines.orderId });
    results.orderLines += inserted.length;
    for (const row of inserted) touched.add(row.orderId);
  }
  for (const chunk of chunks(returns)) {
    const inserted = await tx.insert(refunds).values(chunk).onConflictDoNothing().returning();
    results.refunds += inserted.length;
    for (const refund of inserted) {
      if (!refund.customerId) continue;
      notes.push({ tenantId: refund.tenantId, customerId: refund.customerId, kind: "order", occurredAt: refund.refundedAt, summary: `Return of ${formatMinor(refund.amountMinor, refund.currency!)}`, data: { refundId: refund.id, externalId: refund.externalId }, actorType: who.type, actorId: who.id });
    }
  }
  for (const chunk of chunks(notes)) await tx.insert(interactions).values(chunk);
  if (touched.size === 0) return;
  await tx.execute(sql`
    update orders o set total_minor = s.total, updated_at = now()
      from (select order_id, sum(quantity::bigint * unit_price_minor) as total from order_lines
             where order_id in (${sql.join([...touched].map((id) => sql`${id}::uuid`), sql`, `)}) group by order_id) s
     where o.id = s.order_id`);
}
