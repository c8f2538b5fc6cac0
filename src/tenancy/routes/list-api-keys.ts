import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { listApiKeys } from "../api-keys.ts";
import { ApiKey, json } from "./schemas.ts";
import { apiKeyView } from "./views.ts";

export const route = defineRoute({
  operationId: "api_keys.list",
  method: "get",
  path: "/v1/api-keys",
  tags: ["api keys"],
  summary: "List API keys, revoked ones included",
  responses: { 200: json(z.object({ items: z.array(ApiKey) }), "Every key, newest first, with its last use.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const keys = await listApiKeys(c.get("services").db(), currentActor(c));
  return c.json({ items: keys.map(apiKeyView) }, 200);
};
