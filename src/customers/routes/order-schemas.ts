import { z } from "@hono/zod-openapi";
import type { OrderLineRow, OrderRow } from "../create-order.ts";
import { isCurrency } from "../money.ts";
import type { RefundRow } from "../order-changes.ts";

export const Currency = z
  .string()
  .refine(isCurrency, { error: "must be an ISO 4217 currency code such as GBP" })
  .openapi({ example: "GBP" });

const Minor = (description: string) => z.number().int().openapi({ description });

export const OrderInput = z
  .object({
    customerId: z.uuid().optional(),
    source: z.string().trim().toLowerCase().min(1).max(40).default("api").openapi({ example: "shopify" }),
    externalId: z.string().trim().min(1).max(200).optional(),
    status: z.enum(["open", "paid", "fulfilled"]).default("paid"),
    currency: Currency,
    orderedAt: z.iso.datetime({ offset: true }),
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1).max(100).optional(),
          title: z.string().trim().min(1).max(500),
          quantity: z.number().int().min(1).max(1_000_000),
          unitPrice: Minor("Minor units of the currency (pence, cents, fen): 1250 is 12.50 GBP.").min(0).max(1e12),
        }),
      )
      .min(1)
      .max(1000),
  })
  .openapi("NewOrder");

export const RefundInput = z
  .object({
    amount: Minor("Minor units.").min(1),
    reason: z.string().trim().max(1000).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    refundedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi("NewRefund");

export const OrderLine = z.object({ lineNo: z.number().int(), sku: z.string().nullable(), title: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int() });
export const Refund = z
  .object({ id: z.uuid(), amountMinor: z.number().int(), reason: z.string().nullable(), externalId: z.string().nullable(), refundedAt: z.string() })
  .openapi("Refund");

export const Order = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    source: z.string(),
    externalId: z.string().nullable(),
    status: z.enum(["open", "paid", "fulfilled", "cancelled"]),
    currency: z.string(),
    totalMinor: z.number().int(),
    refundedMinor: z.number().int(),
    orderedAt: z.string(),
    cancelledAt: z.string().nullable(),
    lines: z.array(OrderLine).optional(),
    refunds: z.array(Refund).optional(),
  })
  .openapi("Order");

export const OrderId = z.object({ orderId: z.uuid({ error: "must be a UUID" }).openapi({ param: { name: "orderId", in: "path" } }) });

export function orderView(row: OrderRow, lines?: OrderLineRow[], refunds?: RefundRow[]): z.infer<typeof Order> {
  return {
    id: row.id,
    customerId: row.customerId,
    source: row.source,
    externalId: row.externalId,
    status: row.status,
    currency: row.currency,
    totalMinor: row.totalMinor,
    refundedMinor: row.refundedMinor,
    orderedAt: row.orderedAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    ...(lines ? { lines: lines.map(({ lineNo, sku, title, quantity, unitPriceMinor }) => ({ lineNo, sku, title, quantity, unitPriceMinor })) } : {}),
    ...(refunds ? { refunds: refunds.map(refundView) } : {}),
  };
}

export function refundView(row: RefundRow): z.infer<typeof Refund> {
  return { id: row.id, amountMinor: row.amountMinor, reason: row.reason, externalId: row.externalId, refundedAt: row.refundedAt.toISOString() };
}
