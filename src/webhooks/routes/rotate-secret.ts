import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { rotateIntegrationSecret } from "../integrations.ts";
import { Secret } from "./create-integration.ts";
import { IntegrationParams } from "./get-integration.ts";
import { IntegrationWithSecret } from "./schemas.ts";
import { integrationView } from "./views.ts";

const RotateSecretInput = z
  .object({
    secret: Secret.optional(),
    overlapHours: z.number().int().min(0).max(168).default(24).openapi({ description: "How long the old secret keeps verifying; 0 ends it at once." }),
  })
  .strict()
  .openapi("RotateSecretInput");

export const route = defineRoute({
  operationId: "integrations.rotate_secret",
  method: "post",
  path: "/v1/integrations/{integrationId}/rotate-secret",
  tags: ["integrations"],
  summary: "Replace the signing secret, with an overlap during which both verify",
  request: { params: IntegrationParams, body: jsonBody(RotateSecretInput) },
  responses: {
    200: json(IntegrationWithSecret, "The integration and its new secret."),
    400: json(ProblemSchema, "The input is invalid, or the platform's secret is missing."),
    404: json(ProblemSchema, "No such integration in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { integration, secret } = await rotateIntegrationSecret(c.get("services").db(), currentActor(c), c.req.valid("param").integrationId, c.req.valid("json"));
  return c.json({ integration: integrationView(integration, new URL(c.req.url).origin), secret }, 200);
};
