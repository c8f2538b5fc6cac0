import type { CustomerInput } from "./customer-input.ts";

/**
 * What a shop says about a customer, in ckm's terms. `input` holds raw values (standardised on
 * write like every other path); `updatedAt` is the shop's last-modified time, so an older
 * message never overwrites a newer one.
 */
export type SourceCustomer = { externalId: string | null; input: CustomerInput; updatedAt: Date | null };

export type SourceOrderLine = { sku: string | null; title: string; quantity: number; unitPriceMinor: number };

export type SourceOrder = {
  externalId: string;
  customer: SourceCustomer | null;
  status: "open" | "paid" | "fulfilled" | "cancelled";
  currency: string;
  orderedAt: Date;
  updatedAt: Date | null;
  cancelledAt: Date | null;
  lines: SourceOrderLine[];
  /** What the customer paid, taxes and shipping included; the lines' sum when the shop gives none. */
  totalMinor: number | null;
};

/**
 * Money returned on an order. `cumulative` marks a shop that reports only the running total
 * refunded on a payment (Stripe without the refund list): the stored amount then grows to it.
 */
export type SourceRefund = {
  externalId: string;
  orderExternalId: string;
  amountMinor: number;
  currency: string | null;
  reason: string | null;
  refundedAt: Date;
  cumulative?: boolean;
};

/** Everything one delivery carries, in the order it is applied: customers, orders, refunds. */
export type SourceRecords = { customers: SourceCustomer[]; orders: SourceOrder[]; refunds: SourceRefund[] };
