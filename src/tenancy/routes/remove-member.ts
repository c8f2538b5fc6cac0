import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { removeMember } from "../members.ts";
import { json, Uuid } from "./schemas.ts";

export const route = defineRoute({
  operationId: "members.remove",
  method: "delete",
  path: "/v1/members/{memberId}",
  tags: ["members"],
  summary: "Remove a member",
  description: "Their sessions end at once. Only an owner may remove an owner; the last owner stays.",
  request: { params: z.object({ memberId: Uuid("memberId") }) },
  responses: {
    204: { description: "The member is removed." },
    404: json(ProblemSchema, "No such member in this tenant."),
    409: json(ProblemSchema, "The member is the last owner."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  await removeMember(c.get("services").db(), currentActor(c), c.req.valid("param").memberId);
  return c.body(null, 204);
};
