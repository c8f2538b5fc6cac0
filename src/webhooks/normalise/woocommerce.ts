import type { SourceCustomer, SourceOrder, SourceRefund } from "../../customers/source-records.ts";
import { currencyOf, fullName, ignored, idText, list, money, object, records, requireId, requireObject, text, time, type Json, type Normalised } from "./read.ts";

const STATUS: Record<string, SourceOrder["status"]> = {
  pending: "open",
  "on-hold": "open",
  processing: "paid",
  completed: "fulfilled",
  refunded: "paid",
  cancelled: "cancelled",
  failed: "cancelled",
  trash: "cancelled",
};

function addressInput(billing: Json) {
  return {
    email: text(billing.email),
    phone: text(billing.phone),
    company: text(billing.company),
    addressLine1: text(billing.address_1),
    addressLine2: text(billing.address_2),
    city: text(billing.city),
    region: text(billing.state),
    postalCode: text(billing.postcode),
    country: text(billing.country),
  };
}

export function wooCustomer(customer: Json): SourceCustomer {
  const billing = object(customer.billing) ?? {};
  return {
    externalId: requireId(customer.id, "customer"),
    updatedAt: time(customer.date_modified_gmt) ?? time(customer.date_modified),
    input: { ...addressInput(billing), name: fullName(customer.first_name, customer.last_name) ?? fullName(billing.first_name, billing.last_name), email: text(customer.email) ?? text(billing.email) },
  };
}

/** Refunds arrive inside the order (`refunds: [{ id, reason, total: "-10.00" }]`). */
function wooRefunds(order: Json, orderId: string, currency: string, at: Date): SourceRefund[] {
  return list(order.refunds).map((refund) => ({
    externalId: requireId(refund.id, "refund"),
    orderExternalId: orderId,
    amountMinor: Math.abs(money(String(refund.total ?? "0").replace(/^-/, ""), currency, "refund total")),
    currency,
    reason: text(refund.reason),
    refundedAt: at,
  }));
}

export function wooOrder(order: Json): { order: SourceOrder; refunds: SourceRefund[] } {
  const currency = currencyOf(order.currency, "order");
  const externalId = requireId(order.id, "order");
  const billing = object(order.billing) ?? {};
  const customerId = idText(order.customer_id);
  const details = { ...addressInput(billing), name: fullName(billing.first_name, billing.last_name) };
  const updatedAt = time(order.date_modified_gmt) ?? time(order.date_modified);
  const status = STATUS[String(order.status)] ?? "open";
  return {
    order: {
      externalId,
      customer: customerId && customerId !== "0" ? { externalId: customerId, updatedAt: null, input: details } : details.email ? { externalId: null, updatedAt: null, input: details } : null,
      status,
      currency,
      orderedAt: time(order.date_created_gmt) ?? time(order.date_created) ?? new Date(),
      updatedAt,
      cancelledAt: status === "cancelled" ? updatedAt : null,
      totalMinor: order.total === undefined ? null : money(order.total, currency, "order total"),
      lines: list(order.line_items).map((line) => {
        const quantity = Number(line.quantity) || 0;
        const subtotal = money(line.subtotal ?? "0", currency, "line subtotal");
        return { sku: text(line.sku), title: text(line.name) ?? "Item", quantity, unitPriceMinor: quantity ? Math.round(subtotal / quantity) : subtotal };
      }),
    },
    refunds: wooRefunds(order, externalId, currency, updatedAt ?? new Date()),
  };
}

/** WooCommerce topics ckm learns from; others are recorded and ignored. */
export function normaliseWooCommerce(topic: string, payload: unknown): Normalised {
  const body = requireObject(payload, "payload");
  if (topic === "customer.created" || topic === "customer.updated") return records({ customers: [wooCustomer(body)] });
  if (topic === "order.created" || topic === "order.updated" || topic === "order.restored") {
    const { order, refunds } = wooOrder(body);
    return records({ orders: [order], refunds });
  }
  return ignored(`topic ${topic} carries nothing ckm records`);
}
