import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listIntegrations } from "../integrations.ts";
import { Integration } from "./schemas.ts";
import { integrationView } from "./views.ts";

export const route = defineRoute({
  operationId: "integrations.list",
  method: "get",
  path: "/v1/integrations",
  tags: ["integrations"],
  summary: "The tenant's connected shops, newest first",
  responses: { 200: json(z.object({ items: z.array(Integration) }), "Every integration (a tenant has a handful).") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const rows = await listIntegrations(c.get("services").db(), currentActor(c));
  const origin = new URL(c.req.url).origin;
  return c.json({ items: rows.map((row) => integrationView(row, origin)) }, 200);
};
