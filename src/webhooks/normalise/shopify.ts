import type { SourceCustomer, SourceOrder, SourceRefund } from "../../customers/source-records.ts";
import { currencyOf, fullName, ignored, idText, list, money, object, records, requireId, requireObject, text, time, type Json, type Normalised } from "./read.ts";

const ORDER_TOPICS = new Set(["orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled", "orders/edited"]);
const CUSTOMER_TOPICS = new Set(["customers/create", "customers/update", "customers/enable", "customers/disable"]);

function consented(value: unknown): boolean | undefined {
  const state = text(object(value)?.state);
  return state === null ? undefined : state === "subscribed";
}

export function shopifyCustomer(customer: Json, orderEmail?: unknown): SourceCustomer {
  const address = object(customer.default_address) ?? {};
  const tags = text(customer.tags);
  return {
    externalId: requireId(customer.id, "customer"),
    updatedAt: time(customer.updated_at),
    input: {
      name: fullName(customer.first_name, customer.last_name, address.name),
      email: text(customer.email) ?? text(orderEmail),
      phone: text(customer.phone) ?? text(address.phone),
      company: text(address.company),
      addressLine1: text(address.address1),
      addressLine2: text(address.address2),
      city: text(address.city),
      region: text(address.province),
      postalCode: text(address.zip),
      country: text(address.country_code) ?? text(address.country),
      tags: tags ? tags.split(",").map((tag) => tag.trim()).filter(Boolean) : undefined,
      emailConsent: consented(customer.email_marketing_consent),
      smsConsent: consented(customer.sms_marketing_consent),
    },
  };
}

function orderStatus(order: Json): SourceOrder["status"] {
  if (order.cancelled_at) return "cancelled";
  if (order.fulfillment_status === "fulfilled") return "fulfilled";
  return ["paid", "partially_refunded", "refunded", "partially_paid"].includes(String(order.financial_status)) ? "paid" : "open";
}

export function shopifyOrder(order: Json): SourceOrder {
  const currency = currencyOf(order.currency, "order");
  const customer = object(order.customer);
  const guest = text(order.email) ?? text(order.contact_email);
  return {
    externalId: requireId(order.id, "order"),
    customer: customer ? shopifyCustomer(customer, guest) : guest ? { externalId: null, updatedAt: null, input: { email: guest, phone: text(order.phone) } } : null,
    status: orderStatus(order),
    currency,
    orderedAt: time(order.processed_at) ?? time(order.created_at) ?? new Date(),
    updatedAt: time(order.updated_at),
    cancelledAt: time(order.cancelled_at),
    totalMinor: order.total_price === undefined ? null : money(order.total_price, currency, "order total"),
    lines: list(order.line_items).map((line) => ({
      sku: text(line.sku),
      title: [text(line.title), text(line.variant_title)].filter(Boolean).join(" - ") || "Item",
      quantity: Number(line.quantity) || 0,
      unitPriceMinor: money(line.price, currency, "line price"),
    })),
  };
}

/** A refund's amount is what its successful refund transactions returned. */
export function shopifyRefund(refund: Json): SourceRefund {
  const transactions = list(refund.transactions).filter((transaction) => transaction.kind === "refund" && transaction.status !== "failure" && transaction.status !== "error");
  const currency = transactions.length ? currencyOf(transactions[0]!.currency, "refund transaction") : null;
  return {
    externalId: requireId(refund.id, "refund"),
    orderExternalId: requireId(refund.order_id, "refund's order"),
    amountMinor: currency ? transactions.reduce((sum, transaction) => sum + money(transaction.amount, currency, "refund amount"), 0) : 0,
    currency,
    reason: text(refund.note),
    refundedAt: time(refund.processed_at) ?? time(refund.created_at) ?? new Date(),
  };
}

/** Shopify topics ckm learns from; others are recorded and ignored. */
export function normaliseShopify(topic: string, payload: unknown): Normalised {
  const body = requireObject(payload, "payload");
  if (CUSTOMER_TOPICS.has(topic)) return records({ customers: [shopifyCustomer(body)] });
  if (ORDER_TOPICS.has(topic)) return records({ orders: [shopifyOrder(body)] });
  if (topic === "refunds/create") {
    const refund = shopifyRefund(body);
    return refund.amountMinor > 0 ? records({ refunds: [refund] }) : ignored(`refund ${refund.externalId} returned no money`);
  }
  if (topic === "customers/delete") return ignored(`customer ${idText(body.id) ?? ""} deleted in Shopify: ckm keeps the record (erase it in ckm to remove personal data)`);
  return ignored(`topic ${topic} carries nothing ckm records`);
}
