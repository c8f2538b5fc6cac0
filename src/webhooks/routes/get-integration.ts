import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Uuid } from "../../tenancy/routes/schemas.ts";
import { getIntegration } from "../integrations.ts";
import { Integration } from "./schemas.ts";
import { integrationView } from "./views.ts";

export const IntegrationParams = z.object({ integrationId: Uuid("integrationId") });

export const route = defineRoute({
  operationId: "integrations.get",
  method: "get",
  path: "/v1/integrations/{integrationId}",
  tags: ["integrations"],
  summary: "One integration",
  request: { params: IntegrationParams },
  responses: { 200: json(Integration, "The integration."), 404: json(ProblemSchema, "No such integration in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await getIntegration(c.get("services").db(), currentActor(c), c.req.valid("param").integrationId);
  return c.json(integrationView(row, new URL(c.req.url).origin), 200);
};
