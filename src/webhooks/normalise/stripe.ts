import type { SourceCustomer, SourceOrder, SourceRefund } from "../../customers/source-records.ts";
import { currencyOf, idText, ignored, list, object, records, requireId, requireObject, text, unixTime, UnreadablePayloadError, type Json, type Normalised } from "./read.ts";

export function stripeCustomer(customer: Json, at: Date | null): SourceCustomer {
  const address = object(customer.address) ?? {};
  return {
    externalId: requireId(customer.id, "customer"),
    updatedAt: at,
    input: {
      name: text(customer.name),
      email: text(customer.email),
      phone: text(customer.phone),
      addressLine1: text(address.line1),
      addressLine2: text(address.line2),
      city: text(address.city),
      region: text(address.state),
      postalCode: text(address.postal_code),
      country: text(address.country),
    },
  };
}

/** Amounts are integers in the currency's minor units already. */
function amount(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new UnreadablePayloadError(`${what} is not an amount`);
  return value;
}

function payer(customerId: unknown, email: unknown): SourceCustomer | null {
  const id = idText(customerId);
  if (id) return { externalId: id, updatedAt: null, input: { email: text(email) } };
  return text(email) ? { externalId: null, updatedAt: null, input: { email: text(email) } } : null;
}

/**
 * A payment is an order of one line keyed by its PaymentIntent, so `payment_intent.succeeded`
 * and the charge events of the same payment land on one order.
 */
function payment(source: Json, paid: number, at: Date | null, customer: SourceCustomer | null): SourceOrder {
  const currency = currencyOf(source.currency, "payment");
  const key = idText(source.object === "payment_intent" ? source.id : (source.payment_intent ?? source.id));
  return {
    externalId: key ?? requireId(source.id, "payment"),
    customer,
    status: "paid",
    currency,
    orderedAt: unixTime(source.created) ?? new Date(),
    updatedAt: at,
    cancelledAt: null,
    totalMinor: paid,
    lines: [{ sku: null, title: text(source.description) ?? "Payment", quantity: 1, unitPriceMinor: paid }],
  };
}

function chargeRefunds(charge: Json, order: SourceOrder): SourceRefund[] {
  const listed = list(object(charge.refunds)?.data);
  if (listed.length) {
    return listed
      .filter((refund) => refund.status !== "failed" && refund.status !== "canceled")
      .map((refund) => ({ externalId: requireId(refund.id, "refund"), orderExternalId: order.externalId, amountMinor: amount(refund.amount, "refund amount"), currency: order.currency, reason: text(refund.reason), refundedAt: unixTime(refund.created) ?? new Date() }));
  }
  const refunded = amount(charge.amount_refunded ?? 0, "amount refunded");
  return refunded ? [{ externalId: requireId(charge.id, "charge"), orderExternalId: order.externalId, amountMinor: refunded, currency: order.currency, reason: null, refundedAt: order.updatedAt ?? new Date(), cumulative: true }] : [];
}

/** Stripe events ckm learns from (customers, payments, refunds); others are recorded and ignored. */
export function normaliseStripe(topic: string, payload: unknown): Normalised {
  const event = requireObject(payload, "event");
  const subject = requireObject(object(event.data)?.object, "event data");
  const at = unixTime(event.created);
  if (topic === "customer.created" || topic === "customer.updated") return records({ customers: [stripeCustomer(subject, at)] });
  if (topic === "payment_intent.succeeded") {
    return records({ orders: [payment(subject, amount(subject.amount_received ?? subject.amount, "amount received"), at, payer(subject.customer, subject.receipt_email))] });
  }
  if (topic === "charge.succeeded" || topic === "charge.captured" || topic === "charge.refunded") {
    const captured = amount(subject.amount_captured ?? subject.amount, "amount captured");
    const order = payment(subject, captured, at, payer(subject.customer, subject.receipt_email ?? object(subject.billing_details)?.email));
    return records({ orders: [order], refunds: topic === "charge.refunded" ? chargeRefunds(subject, order) : [] });
  }
  return ignored(`event ${topic} carries nothing ckm records`);
}
