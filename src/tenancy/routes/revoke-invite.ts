import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { revokeInvite } from "../invites.ts";
import { Invite, json, Uuid } from "./schemas.ts";
import { inviteView } from "./views.ts";

export const route = defineRoute({
  operationId: "invites.revoke",
  method: "delete",
  path: "/v1/invites/{inviteId}",
  tags: ["members"],
  summary: "Withdraw an invitation",
  request: { params: z.object({ inviteId: Uuid("inviteId") }) },
  responses: {
    200: json(Invite, "The invitation, revoked (or unchanged if it was no longer pending)."),
    404: json(ProblemSchema, "No such invitation in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const invite = await revokeInvite(c.get("services").db(), currentActor(c), c.req.valid("param").inviteId);
  return c.json(inviteView(invite), 200);
};
