import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { listMembers } from "../members.ts";
import { json, Member } from "./schemas.ts";
import { memberView } from "./views.ts";

export const route = defineRoute({
  operationId: "members.list",
  method: "get",
  path: "/v1/members",
  tags: ["members"],
  summary: "List the tenant's members",
  responses: { 200: json(z.object({ items: z.array(Member) }), "Every member, oldest first.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const members = await listMembers(c.get("services").db(), currentActor(c));
  return c.json({ items: members.map(memberView) }, 200);
};
