import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gte, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { orderLines, orders, refunds } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { decodeCursor, encodeCursor } from "../platform/pagination.ts";
import { withTenant } from "../platform/with-tenant.ts";
import type { OrderLineRow, OrderRow } from "./create-order.ts";
import { findOrder, type RefundRow } from "./order-changes.ts";

const Position = z.object({ at: z.string(), id: z.uuid() });

/** Orders newest first, optionally one customer's, paged by (ordered_at, id) at full precision. */
export async function listOrders(
  db: Database,
  actor: Actor,
  filter: { customerId?: string; from?: Date; to?: Date },
  page: { cursor?: string; limit: number },
): Promise<{ items: OrderRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.customerId) conditions.push(eq(orders.customerId, filter.customerId));
  if (filter.from) conditions.push(gte(orders.orderedAt, filter.from));
  if (filter.to) conditions.push(lt(orders.orderedAt, filter.to));
  if (page.cursor) {
    const position = decodeCursor(page.cursor, Position);
    conditions.push(sql`(${orders.orderedAt}, ${orders.id}) < (${position.at}::timestamptz, ${position.id}::uuid)`);
  }
  const rows = await withTenant(db, actor.tenantId, (tx) =>
    tx
      .select({ order: orders, at: sql<string>`${orders.orderedAt}::text` })
      .from(orders)
      .where(and(...conditions))
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(page.limit + 1),
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map((row) => row.order), nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.at, id: last.order.id }) : null };
}

export async function getOrder(db: Database, actor: Actor, orderId: string): Promise<{ order: OrderRow; lines: OrderLineRow[]; refunds: RefundRow[] }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const order = await findOrder(tx, orderId);
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
    const refundRows = await tx.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.refundedAt));
    return { order, lines, refunds: refundRows };
  });
}

export type RevenueSummary = {
  currency: string;
  orders: number;
  customers: number;
  grossMinor: number;
  refundedMinor: number;
  netMinor: number;
};

/**
 * Revenue per currency over a period: gross (orders not cancelled), refunded (refunds of those
 * orders and returns recorded on their own, such as imported cancellation invoices), and net.
 */
export async function summariseOrders(db: Database, actor: Actor, filter: { from?: Date; to?: Date }): Promise<RevenueSummary[]> {
  const conditions: SQL[] = [ne(orders.status, "cancelled")];
  if (filter.from) conditions.push(gte(orders.orderedAt, filter.from));
  if (filter.to) conditions.push(lt(orders.orderedAt, filter.to));
  const standaloneConditions: SQL[] = [isNull(refunds.orderId)];
  if (filter.from) standaloneConditions.push(gte(refunds.refundedAt, filter.from));
  if (filter.to) standaloneConditions.push(lt(refunds.refundedAt, filter.to));
  const [orderRows, returnRows] = await withTenant(db, actor.tenantId, async (tx) => [
    await tx
      .select({
        currency: orders.currency,
        orders: sql<number>`count(*)::int`,
        customers: sql<number>`count(distinct ${orders.customerId})::int`,
        grossMinor: sql<string>`coalesce(sum(${orders.totalMinor}), 0)::text`,
        refundedMinor: sql<string>`coalesce(sum(${orders.refundedMinor}), 0)::text`,
      })
      .from(orders)
      .where(and(...conditions))
      .groupBy(orders.currency),
    await tx
      .select({ currency: sql<string>`${refunds.currency}`, amountMinor: sql<string>`sum(${refunds.amountMinor})::text` })
      .from(refunds)
      .where(and(...standaloneConditions))
      .groupBy(refunds.currency),
  ] as const);
  const byCurrency = new Map<string, RevenueSummary>();
  for (const row of orderRows) {
    byCurrency.set(row.currency, { currency: row.currency, orders: row.orders, customers: row.customers, grossMinor: Number(row.grossMinor), refundedMinor: Number(row.refundedMinor), netMinor: 0 });
  }
  for (const row of returnRows) {
    const summary = byCurrency.get(row.currency) ?? { currency: row.currency, orders: 0, customers: 0, grossMinor: 0, refundedMinor: 0, netMinor: 0 };
    summary.refundedMinor += Number(row.amountMinor);
    byCurrency.set(row.currency, summary);
  }
  return [...byCurrency.values()]
    .map((summary) => ({ ...summary, netMinor: summary.grossMinor - summary.refundedMinor }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
