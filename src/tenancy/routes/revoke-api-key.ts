import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { revokeApiKey } from "../api-keys.ts";
import { ApiKey, json, Uuid } from "./schemas.ts";
import { apiKeyView } from "./views.ts";

export const route = defineRoute({
  operationId: "api_keys.revoke",
  method: "delete",
  path: "/v1/api-keys/{apiKeyId}",
  tags: ["api keys"],
  summary: "Revoke an API key",
  description: "The key answers 401 from the next request. It stays listed, revoked, so the audit trail can name it.",
  request: { params: z.object({ apiKeyId: Uuid("apiKeyId") }) },
  responses: {
    200: json(ApiKey, "The key, revoked."),
    404: json(ProblemSchema, "No such key in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const apiKey = await revokeApiKey(c.get("services").db(), currentActor(c), c.req.valid("param").apiKeyId);
  return c.json(apiKeyView(apiKey), 200);
};
