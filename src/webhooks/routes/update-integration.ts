import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody, Name } from "../../tenancy/routes/schemas.ts";
import { updateIntegration } from "../integrations.ts";
import { IntegrationParams } from "./get-integration.ts";
import { Integration, ShopDomain } from "./schemas.ts";
import { integrationView } from "./views.ts";

const UpdateIntegrationInput = z
  .object({ name: Name.optional(), shopDomain: ShopDomain.nullable().optional(), status: z.enum(["active", "disabled"]).optional() })
  .strict()
  .openapi("UpdateIntegrationInput");

export const route = defineRoute({
  operationId: "integrations.update",
  method: "patch",
  path: "/v1/integrations/{integrationId}",
  tags: ["integrations"],
  summary: "Rename, re-point, disable or enable an integration",
  description: "A disabled integration answers its deliveries with 410 (the platform stops or retries later) until it is enabled again.",
  request: { params: IntegrationParams, body: jsonBody(UpdateIntegrationInput) },
  responses: { 200: json(Integration, "The integration after the change."), 400: json(ProblemSchema, "The input is invalid."), 404: json(ProblemSchema, "No such integration in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await updateIntegration(c.get("services").db(), currentActor(c), c.req.valid("param").integrationId, c.req.valid("json"));
  return c.json(integrationView(row, new URL(c.req.url).origin), 200);
};
