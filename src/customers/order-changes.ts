import { and, eq, sql } from "drizzle-orm";
import { orders, refunds } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { ConflictError, NotFoundError, UnprocessableError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { noteOnTimeline, type OrderRow } from "./create-order.ts";
import { formatMinor } from "./money.ts";

export type RefundRow = typeof refunds.$inferSelect;

export async function findOrder(tx: Transaction, orderId: string, lock = false): Promise<OrderRow> {
  const query = tx.select().from(orders).where(eq(orders.id, orderId));
  const [order] = lock ? await query.for("update") : await query;
  if (!order) throw new NotFoundError("order", orderId);
  return order;
}

/**
 * Refunds part or all of an order. The order is locked while the refund is checked against what
 * remains, so two refunds racing cannot return more than was paid.
 */
export async function refundOrder(
  db: Database,
  actor: Actor,
  orderId: string,
  data: { amount: number; reason?: string; externalId?: string; refundedAt?: Date },
): Promise<RefundRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const order = await findOrder(tx, orderId, true);
    if (data.externalId) {
      const [existing] = await tx.select({ id: refunds.id }).from(refunds).where(and(eq(refunds.orderId, orderId), eq(refunds.externalId, data.externalId)));
      if (existing) throw new ConflictError(`Refund ${data.externalId} is already recorded.`, [{ path: "json.externalId", message: "is already recorded" }]);
    }
    const remaining = order.totalMinor - order.refundedMinor;
    if (data.amount > remaining) {
      throw new UnprocessableError(`Only ${formatMinor(remaining, order.currency)} of this order is left to refund.`, [
        { path: "json.amount", message: `must be at most ${remaining}` },
      ]);
    }
    const [refund] = await tx
      .insert(refunds)
      .values({ tenantId: actor.tenantId, orderId, amountMinor: data.amount, reason: data.reason ?? null, externalId: data.externalId ?? null, refundedAt: data.refundedAt ?? new Date() })
      .returning();
    await tx.update(orders).set({ refundedMinor: sql`${orders.refundedMinor} + ${data.amount}`, updatedAt: new Date() }).where(eq(orders.id, orderId));
    const who = auditActorOf(actor);
    await noteOnTimeline(tx, { ...order, orderedAt: refund!.refundedAt }, `Refund of ${formatMinor(data.amount, order.currency)} on order ${order.externalId ?? order.id.slice(0, 8)}`, who);
    await recordAudit(tx, actor.tenantId, who, { action: "orders.refund", entityType: "order", entityId: orderId, changes: { amountMinor: data.amount, reason: data.reason ?? null } });
    return refund!;
  });
}

/** Cancels an order; cancelling a cancelled order changes nothing. */
export async function cancelOrder(db: Database, actor: Actor, orderId: string, reason?: string): Promise<OrderRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const order = await findOrder(tx, orderId, true);
    if (order.status === "cancelled") return order;
    const [cancelled] = await tx.update(orders).set({ status: "cancelled", cancelledAt: new Date(), updatedAt: new Date() }).where(eq(orders.id, orderId)).returning();
    const who = auditActorOf(actor);
    await noteOnTimeline(tx, { ...order, orderedAt: cancelled!.cancelledAt! }, `Cancelled order ${order.externalId ?? order.id.slice(0, 8)}`, who);
    await recordAudit(tx, actor.tenantId, who, { action: "orders.cancel", entityType: "order", entityId: orderId, changes: { status: { from: order.status, to: "cancelled" }, reason: reason ?? null } });
    return cancelled!;
  });
}
