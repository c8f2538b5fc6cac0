import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { PageQuery } from "../../platform/pagination.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { createOrder } from "../create-order.ts";
import { getOrder, listOrders, summariseOrders } from "../list-orders.ts";
import { cancelOrder, refundOrder } from "../order-changes.ts";
import { Order, OrderId, OrderInput, orderView, Refund, RefundInput, refundView } from "./order-schemas.ts";

const Instant = z.iso.datetime({ offset: true });
const Period = z.object({ from: Instant.optional(), to: Instant.optional() });
const toDate = (value: string | undefined) => (value ? new Date(value) : undefined);

export const summary = defineRoute({
  operationId: "orders.summary",
  method: "get",
  path: "/v1/orders/summary",
  tags: ["orders"],
  summary: "Revenue per currency: gross, refunded and net, cancelled orders left out",
  request: { query: Period },
  responses: {
    200: json(
      z.object({
        currencies: z.array(
          z.object({ currency: z.string(), orders: z.number().int(), customers: z.number().int(), grossMinor: z.number().int(), refundedMinor: z.number().int(), netMinor: z.number().int() }),
        ),
      }),
      "One row per currency.",
    ),
    400: json(ProblemSchema, "The period is invalid."),
  },
});

export const summaryHandler: RouteHandler<typeof summary, AppEnv> = async (c) => {
  const { from, to } = c.req.valid("query");
  const currencies = await summariseOrders(c.get("services").db(), currentActor(c), { from: toDate(from), to: toDate(to) });
  return c.json({ currencies }, 200);
};

export const list = defineRoute({
  operationId: "orders.list",
  method: "get",
  path: "/v1/orders",
  tags: ["orders"],
  summary: "Orders, newest first",
  request: { query: PageQuery.extend({ customerId: z.uuid().optional() }).merge(Period) },
  responses: {
    200: json(z.object({ items: z.array(Order), nextCursor: z.string().nullable() }), "One page of orders."),
    400: json(ProblemSchema, "A filter or the cursor is invalid."),
  },
});

export const listHandler: RouteHandler<typeof list, AppEnv> = async (c) => {
  const { cursor, limit, customerId, from, to } = c.req.valid("query");
  const page = await listOrders(c.get("services").db(), currentActor(c), { customerId, from: toDate(from), to: toDate(to) }, { cursor, limit });
  return c.json({ items: page.items.map((row) => orderView(row)), nextCursor: page.nextCursor }, 200);
};

export const get = defineRoute({
  operationId: "orders.get",
  method: "get",
  path: "/v1/orders/{orderId}",
  tags: ["orders"],
  summary: "One order with its lines and refunds",
  request: { params: OrderId },
  responses: { 200: json(Order, "The order."), 404: json(ProblemSchema, "No such order in this tenant.") },
});

export const getHandler: RouteHandler<typeof get, AppEnv> = async (c) => {
  const { order, lines, refunds } = await getOrder(c.get("services").db(), currentActor(c), c.req.valid("param").orderId);
  return c.json(orderView(order, lines, refunds), 200);
};

export const create = defineRoute({
  operationId: "orders.create",
  method: "post",
  path: "/v1/orders",
  tags: ["orders"],
  summary: "Record an order",
  description: "Money is integer minor units of the order's currency. `source` + `externalId` identify an order from a shop; recording one twice is a conflict.",
  request: { body: jsonBody(OrderInput) },
  responses: {
    201: json(Order, "The order as recorded."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "The customer does not exist."),
    409: json(ProblemSchema, "The order is already recorded."),
  },
});

export const createHandler: RouteHandler<typeof create, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const { order, lines } = await createOrder(c.get("services").db(), currentActor(c), { ...input, orderedAt: new Date(input.orderedAt) });
  return c.json(orderView(order, lines, []), 201);
};

export const refund = defineRoute({
  operationId: "orders.refund",
  method: "post",
  path: "/v1/orders/{orderId}/refunds",
  tags: ["orders"],
  summary: "Refund part or all of an order",
  request: { params: OrderId, body: jsonBody(RefundInput) },
  responses: {
    201: json(Refund, "The refund."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such order in this tenant."),
    409: json(ProblemSchema, "The refund is already recorded."),
    422: json(ProblemSchema, "The refund exceeds what is left of the order."),
  },
});

export const refundHandler: RouteHandler<typeof refund, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const row = await refundOrder(c.get("services").db(), currentActor(c), c.req.valid("param").orderId, {
    ...input,
    refundedAt: toDate(input.refundedAt),
  });
  return c.json(refundView(row), 201);
};

export const cancel = defineRoute({
  operationId: "orders.cancel",
  method: "post",
  path: "/v1/orders/{orderId}/cancel",
  tags: ["orders"],
  summary: "Cancel an order",
  request: { params: OrderId, body: jsonBody(z.object({ reason: z.string().trim().max(1000).optional() })) },
  responses: {
    200: json(Order, "The order, cancelled."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such order in this tenant."),
  },
});

export const cancelHandler: RouteHandler<typeof cancel, AppEnv> = async (c) => {
  const order = await cancelOrder(c.get("services").db(), currentActor(c), c.req.valid("param").orderId, c.req.valid("json").reason);
  return c.json(orderView(order), 200);
};
