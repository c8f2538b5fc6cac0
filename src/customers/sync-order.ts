import { and, eq, sql } from "drizzle-orm";
import { orderLines, orders, refunds } from "../db/schema/index.ts";
import type { Transaction } from "../platform/db.ts";
import { noteOnTimeline } from "./create-order.ts";
import { formatMinor } from "./money.ts";
import type { SourceOrder, SourceRefund } from "./source-records.ts";
import type { ChangeAuthor, SyncResult } from "./sync-customer.ts";

/** A refund that names an order ckm has not received yet; the delivery is retried later. */
export class OrderNotYetKnownError extends Error {
  constructor(readonly orderExternalId: string) {
    super(`Order ${orderExternalId} has not arrived yet.`);
  }
}

/**
 * Creates or updates an order from a shop, keyed by the shop's order id, with its lines
 * replaced by the shop's. An update older than the one already applied changes nothing, so
 * deliveries arriving out of order leave the newest state.
 */
export async function syncOrder(tx: Transaction, tenantId: string, platform: string, record: SourceOrder, customerId: string | null, who: ChangeAuthor): Promise<SyncResult> {
  const lineTotal = record.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const totalMinor = record.totalMinor ?? lineTotal;
  const [existing] = await tx.select().from(orders).where(and(eq(orders.source, platform), eq(orders.externalId, record.externalId))).for("update");
  if (existing && record.updatedAt && existing.sourceUpdatedAt && record.updatedAt < existing.sourceUpdatedAt) {
    return { id: existing.id, skipped: `order ${record.externalId}: older than what ${platform} sent before`, warnings: [] };
  }
  const fields = {
    customerId: customerId ?? existing?.customerId ?? null,
    status: record.status,
    currency: record.currency,
    totalMinor,
    orderedAt: record.orderedAt,
    cancelledAt: record.cancelledAt,
    sourceUpdatedAt: record.updatedAt,
  };
  let order;
  if (existing) {
    [order] = await tx.update(orders).set({ ...fields, updatedAt: new Date() }).where(eq(orders.id, existing.id)).returning();
    await tx.delete(orderLines).where(eq(orderLines.orderId, existing.id));
  } else {
    [order] = await tx.insert(orders).values({ ...fields, tenantId, source: platform, externalId: record.externalId }).returning();
  }
  if (record.lines.length) {
    await tx.insert(orderLines).values(record.lines.map((line, index) => ({ tenantId, orderId: order!.id, lineNo: index + 1, sku: line.sku, title: line.title, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor })));
  }
  if (!existing) await noteOnTimeline(tx, order!, `Order ${record.externalId} from ${platform}: ${formatMinor(totalMinor, record.currency)}`, who);
  else if (existing.status !== "cancelled" && record.status === "cancelled") await noteOnTimeline(tx, order!, `Order ${record.externalId} cancelled in ${platform}`, who);
  return { id: order!.id, warnings: [] };
}

/**
 * Records a refund from a shop on its order, once per refund id; a cumulative report (the
 * running total refunded on a payment) raises the stored amount to it and never lowers it.
 */
export async function syncRefund(tx: Transaction, tenantId: string, platform: string, record: SourceRefund, who: ChangeAuthor): Promise<SyncResult> {
  const [order] = await tx.select().from(orders).where(and(eq(orders.source, platform), eq(orders.externalId, record.orderExternalId))).for("update");
  if (!order) throw new OrderNotYetKnownError(record.orderExternalId);
  const [stored] = await tx.select().from(refunds).where(and(eq(refunds.orderId, order.id), eq(refunds.externalId, record.externalId)));
  let added = record.amountMinor;
  let refundId = stored?.id;
  if (stored) {
    if (!record.cumulative || record.amountMinor <= stored.amountMinor) return { id: stored.id, warnings: [] };
    added = record.amountMinor - stored.amountMinor;
    await tx.update(refunds).set({ amountMinor: record.amountMinor }).where(eq(refunds.id, stored.id));
  } else {
    const [created] = await tx
      .insert(refunds)
      .values({ tenantId, orderId: order.id, externalId: record.externalId, amountMinor: record.amountMinor, reason: record.reason, refundedAt: record.refundedAt })
      .returning({ id: refunds.id });
    refundId = created!.id;
  }
  await tx.update(orders).set({ refundedMinor: sql`${orders.refundedMinor} + ${added}`, updatedAt: new Date() }).where(eq(orders.id, order.id));
  await noteOnTimeline(tx, { ...order, orderedAt: record.refundedAt }, `Refund of ${formatMinor(added, order.currency)} on order ${record.externalId === order.externalId ? order.externalId : record.orderExternalId} from ${platform}`, who);
  return { id: refundId!, warnings: [] };
}
