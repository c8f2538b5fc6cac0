import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody, Name } from "../../tenancy/routes/schemas.ts";
import { createIntegration } from "../integrations.ts";
import { IntegrationWithSecret, PLATFORMS, ShopDomain } from "./schemas.ts";
import { integrationView } from "./views.ts";

export const Secret = z.string().min(8).max(500).openapi({ description: "The signing secret the platform shows (required for Shopify and Stripe); omit for WooCommerce and generic senders to have one made." });

const CreateIntegrationInput = z
  .object({ platform: z.enum(PLATFORMS), name: Name, shopDomain: ShopDomain.optional(), secret: Secret.optional() })
  .strict()
  .openapi("CreateIntegrationInput");

export const route = defineRoute({
  operationId: "integrations.create",
  method: "post",
  path: "/v1/integrations",
  tags: ["integrations"],
  summary: "Connect a shop: Shopify, WooCommerce, Stripe, or any Standard Webhooks sender",
  description:
    "Returns the delivery URL to enter in the shop's webhook settings and the signing secret. A Shopify integration with a `shopDomain` also refuses deliveries from other shops.",
  request: { body: jsonBody(CreateIntegrationInput) },
  responses: {
    201: json(IntegrationWithSecret, "The integration and its secret, shown here and on rotation only."),
    400: json(ProblemSchema, "The input is invalid, or the platform's secret is missing."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { integration, secret } = await createIntegration(c.get("services").db(), currentActor(c), c.req.valid("json"));
  return c.json({ integration: integrationView(integration, new URL(c.req.url).origin), secret }, 201);
};
