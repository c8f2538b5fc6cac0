import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { listInvites } from "../invites.ts";
import { Invite, json } from "./schemas.ts";
import { inviteView } from "./views.ts";

export const route = defineRoute({
  operationId: "invites.list",
  method: "get",
  path: "/v1/invites",
  tags: ["members"],
  summary: "List invitations, with their status",
  responses: { 200: json(z.object({ items: z.array(Invite) }), "Every invitation, newest first.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const invites = await listInvites(c.get("services").db(), currentActor(c));
  return c.json({ items: invites.map((invite) => inviteView(invite)) }, 200);
};
