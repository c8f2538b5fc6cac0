import { z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { readLimitedBody } from "../../platform/limited-body.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { MAX_WEBHOOK_BYTES, receiveDelivery } from "../receive-delivery.ts";
import { IntegrationParams } from "./get-integration.ts";

const Receipt = z
  .object({ received: z.literal(true), deliveryId: z.uuid().nullable(), duplicate: z.boolean() })
  .openapi("WebhookReceipt");

export const route = defineRoute({
  operationId: "hooks.receive",
  method: "post",
  path: "/v1/hooks/{integrationId}",
  tags: ["integrations"],
  summary: "Where a connected shop sends its webhooks",
  description: [
    "Authenticated by the platform's signature over the exact body, not by a bearer token:",
    "Shopify `X-Shopify-Hmac-Sha256`; WooCommerce `X-WC-Webhook-Signature`; Stripe `Stripe-Signature` (5-minute tolerance);",
    "generic senders Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`).",
    `Bodies up to ${MAX_WEBHOOK_BYTES} bytes. The delivery is recorded and queued, then answered 200; a repeat of a recorded delivery answers 200 with \`duplicate: true\` and does nothing.`,
    "WooCommerce's `webhook_id=<n>` set-up ping is answered 200 without effect.",
  ].join(" "),
  request: { params: IntegrationParams },
  responses: {
    200: json(Receipt, "Recorded (or already recorded), or a set-up ping."),
    401: json(ProblemSchema, "The signature is missing, malformed, wrong, or its timestamp is too old."),
    404: json(ProblemSchema, "No such integration."),
    410: json(ProblemSchema, "The integration is disabled."),
    413: json(ProblemSchema, "The body is too large."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const body = await readLimitedBody(c.req.raw, MAX_WEBHOOK_BYTES);
  const { db } = c.get("services");
  const received = await receiveDelivery(db(), c.env.JOBS, c.req.valid("param").integrationId, c.req.raw.headers, body, c.get("log"));
  if (received.kind === "ping") return c.json({ received: true as const, deliveryId: null, duplicate: false }, 200);
  return c.json({ received: true as const, deliveryId: received.deliveryId, duplicate: received.duplicate }, 200);
};
