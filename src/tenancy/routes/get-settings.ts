import type { RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { getSettings } from "../settings.ts";
import { json, Settings } from "./schemas.ts";

export const route = defineRoute({
  operationId: "settings.get",
  method: "get",
  path: "/v1/settings",
  tags: ["settings"],
  summary: "The tenant's settings",
  responses: { 200: json(Settings, "Name, timezone, currency, locale, widget origins and retention.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  return c.json(await getSettings(c.get("services").db(), currentActor(c)), 200);
};
