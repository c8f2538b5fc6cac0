import type { RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { deleteIntegration } from "../integrations.ts";
import { IntegrationParams } from "./get-integration.ts";

export const route = defineRoute({
  operationId: "integrations.delete",
  method: "delete",
  path: "/v1/integrations/{integrationId}",
  tags: ["integrations"],
  summary: "Remove an integration and its delivery log",
  description: "Customers and orders it brought in stay. Its URL answers 404 from then on.",
  request: { params: IntegrationParams },
  responses: { 204: { description: "Removed." }, 404: json(ProblemSchema, "No such integration in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  await deleteIntegration(c.get("services").db(), currentActor(c), c.req.valid("param").integrationId);
  return c.body(null, 204);
};
