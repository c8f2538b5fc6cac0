import { z } from "zod";
import type { SourceRecords } from "../../customers/source-records.ts";
import { ignored, records, UnreadablePayloadError, type Normalised } from "./read.ts";

const Id = z.union([z.string().min(1).max(200), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).transform(String);
const Time = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Currency = z.string().regex(/^[A-Za-z]{3}$/).transform((value) => value.toUpperCase());

const Customer = z.object({
  id: Id.nullish(),
  email: z.string().max(320).nullish(),
  phone: z.string().max(64).nullish(),
  name: z.string().max(200).nullish(),
  company: z.string().max(300).nullish(),
  country: z.string().max(100).nullish(),
  city: z.string().max(200).nullish(),
  postalCode: z.string().max(32).nullish(),
  updatedAt: Time.nullish(),
});

const Order = z.object({
  id: Id,
  customer: Customer.nullish(),
  status: z.enum(["open", "paid", "fulfilled", "cancelled"]).default("paid"),
  currency: Currency,
  orderedAt: Time,
  updatedAt: Time.nullish(),
  total: Minor.nullish(),
  lines: z.array(z.object({ sku: z.string().max(200).nullish(), title: z.string().min(1).max(500), quantity: z.number().int().min(0).max(1_000_000), unitPrice: Minor })).max(1000),
});

const Refund = z.object({ id: Id, orderId: Id, amount: Minor, currency: Currency.nullish(), reason: z.string().max(500).nullish(), refundedAt: Time });

const toCustomer = (customer: z.infer<typeof Customer>) => {
  const { id, updatedAt, ...input } = customer;
  return { externalId: id ?? null, updatedAt: updatedAt ?? null, input: Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) };
};

const EVENTS: Record<string, (data: unknown) => Partial<SourceRecords>> = {
  "customer.created": (data) => ({ customers: [toCustomer(Customer.parse(data))] }),
  "customer.updated": (data) => ({ customers: [toCustomer(Customer.parse(data))] }),
  "order.created": (data) => orderRecords(Order.parse(data)),
  "order.updated": (data) => orderRecords(Order.parse(data)),
  "refund.created": (data) => {
    const refund = Refund.parse(data);
    return { refunds: [{ externalId: refund.id, orderExternalId: refund.orderId, amountMinor: refund.amount, currency: refund.currency ?? null, reason: refund.reason ?? null, refundedAt: refund.refundedAt }] };
  },
};

function orderRecords(order: z.infer<typeof Order>): Partial<SourceRecords> {
  return {
    orders: [
      {
        externalId: order.id,
        customer: order.customer ? toCustomer(order.customer) : null,
        status: order.status,
        currency: order.currency,
        orderedAt: order.orderedAt,
        updatedAt: order.updatedAt ?? null,
        cancelledAt: order.status === "cancelled" ? (order.updatedAt ?? order.orderedAt) : null,
        totalMinor: order.total ?? null,
        lines: order.lines.map((line) => ({ sku: line.sku ?? null, title: line.title, quantity: line.quantity, unitPriceMinor: line.unitPrice })),
      },
    ],
  };
}

/**
 * Standard Webhooks payloads (`{ type, timestamp, data }`) in ckm's own shapes, for shops ckm
 * does not know by name: `customer.created|updated`, `order.created|updated`, `refund.created`,
 * amounts in integer minor units. The shapes are documented in the README.
 */
export function normaliseGeneric(topic: string, payload: unknown): Normalised {
  const read = EVENTS[topic];
  if (!read) return ignored(`event type ${topic} is not one ckm reads`);
  const parsed = z.object({ data: z.unknown() }).safeParse(payload);
  try {
    if (!parsed.success) throw new UnreadablePayloadError("payload has no data");
    return records(read(parsed.data.data));
  } catch (error) {
    if (error instanceof z.ZodError) throw new UnreadablePayloadError(error.issues.map((issue) => `data.${issue.path.join(".")} ${issue.message}`).join("; "));
    throw error;
  }
}
