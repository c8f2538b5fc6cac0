import { and, eq } from "drizzle-orm";
import { interactions, orderLines, orders } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { BadRequestError, ConflictError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit, type AuditActor } from "../tenancy/audit.ts";
import { findCustomer } from "./customer-context.ts";
import { formatMinor } from "./money.ts";

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

export type NewOrder = {
  customerId?: string;
  source: string;
  externalId?: string;
  status: "open" | "paid" | "fulfilled";
  currency: string;
  orderedAt: Date;
  lines: Array<{ sku?: string; title: string; quantity: number; unitPrice: number }>;
};

/** The order's total in minor units; refused when it would not be an exact integer. */
export function orderTotal(lines: NewOrder["lines"]): number {
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  if (!Number.isSafeInteger(total)) {
    throw new BadRequestError("The order total is too large.", [{ path: "json.lines", message: "add up to more than can be stored exactly" }]);
  }
  return total;
}

/** Writes an order on the customer's timeline so their history reads in one place. */
export async function noteOnTimeline(tx: Transaction, order: OrderRow, summary: string, who: { type: string; id: string }): Promise<void> {
  if (!order.customerId) return;
  await tx.insert(interactions).values({
    tenantId: order.tenantId,
    customerId: order.customerId,
    kind: "order",
    occurredAt: order.orderedAt,
    summary,
    data: { orderId: order.id, externalId: order.externalId, totalMinor: order.totalMinor, currency: order.currency },
    actorType: who.type,
    actorId: who.id,
  });
}

/**
 * Records an order with its lines. Money is integer minor units of the order's currency. An
 * order whose source and external id are already recorded is a conflict naming the existing one.
 */
export async function createOrder(db: Database, actor: Actor, data: NewOrder): Promise<{ order: OrderRow; lines: OrderLineRow[] }> {
  const totalMinor = orderTotal(data.lines);
  return withTenant(db, actor.tenantId, async (tx) => {
    if (data.customerId) await findCustomer(tx, data.customerId);
    if (data.externalId) {
      const [existing] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.source, data.source), eq(orders.externalId, data.externalId)));
      if (existing) {
        throw new ConflictError(`Order ${data.externalId} from ${data.source} is already recorded as ${existing.id}.`, [
          { path: "json.externalId", message: "is already recorded" },
        ]);
      }
    }
    const [order] = await tx
      .insert(orders)
      .values({
        tenantId: actor.tenantId,
        customerId: data.customerId ?? null,
        source: data.source,
        externalId: data.externalId ?? null,
        status: data.status,
        currency: data.currency,
        totalMinor,
        orderedAt: data.orderedAt,
      })
      .returning();
    const lines = await tx
      .insert(orderLines)
      .values(data.lines.map((line, index) => ({ tenantId: actor.tenantId, orderId: order!.id, lineNo: index + 1, sku: line.sku ?? null, title: line.title, quantity: line.quantity, unitPriceMinor: line.unitPrice })))
      .returning();
    const who = auditActorOf(actor);
    await noteOnTimeline(tx, order!, `Order ${data.externalId ?? order!.id.slice(0, 8)}: ${formatMinor(totalMinor, data.currency)}`, who);
    await recordAudit(tx, actor.tenantId, who, {
      action: "orders.create",
      entityType: "order",
      entityId: order!.id,
      changes: { customerId: data.customerId ?? null, source: data.source, externalId: data.externalId ?? null, totalMinor, currency: data.currency },
    });
    return { order: order!, lines };
  });
}
