import { asc, eq, inArray } from "drizzle-orm";
import { interactions, orderLines, orders, refunds } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findCustomer, identitiesOf } from "./customer-context.ts";
import { customerView } from "./customer-view.ts";

/**
 * Everything ckm holds about one person (the right of access): the record with its
 * identities, every order with lines and refunds, and the whole timeline. The request is
 * audited, since handing out someone's data is itself worth a record.
 */
export async function personData(db: Database, actor: Actor, customerId: string) {
  return withTenant(db, actor.tenantId, async (tx) => {
    const customer = customerView(await findCustomer(tx, customerId), await identitiesOf(tx, customerId));
    const orderRows = await tx.select().from(orders).where(eq(orders.customerId, customerId)).orderBy(asc(orders.orderedAt));
    const ids = orderRows.map((order) => order.id);
    const lines = ids.length ? await tx.select().from(orderLines).where(inArray(orderLines.orderId, ids)).orderBy(asc(orderLines.lineNo)) : [];
    const refundRows = ids.length ? await tx.select().from(refunds).where(inArray(refunds.orderId, ids)) : [];
    const timeline = await tx.select().from(interactions).where(eq(interactions.customerId, customerId)).orderBy(asc(interactions.occurredAt));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "customers.data", entityType: "customer", entityId: customerId });
    return {
      exportedAt: new Date().toISOString(),
      customer,
      orders: orderRows.map((order) => ({
        id: order.id,
        source: order.source,
        externalId: order.externalId,
        status: order.status,
        currency: order.currency,
        totalMinor: order.totalMinor,
        refundedMinor: order.refundedMinor,
        orderedAt: order.orderedAt.toISOString(),
        lines: lines.filter((line) => line.orderId === order.id).map(({ lineNo, sku, title, quantity, unitPriceMinor }) => ({ lineNo, sku, title, quantity, unitPriceMinor })),
        refunds: refundRows.filter((refund) => refund.orderId === order.id).map((refund) => ({ amountMinor: refund.amountMinor, reason: refund.reason, refundedAt: refund.refundedAt.toISOString() })),
      })),
      timeline: timeline.map((entry) => ({ kind: entry.kind, occurredAt: entry.occurredAt.toISOString(), summary: entry.summary, data: entry.data })),
    };
  });
}
