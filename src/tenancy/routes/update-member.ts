import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { changeMemberRole } from "../members.ts";
import { json, jsonBody, Member, RoleSchema, Uuid } from "./schemas.ts";
import { memberView } from "./views.ts";

export const route = defineRoute({
  operationId: "members.update",
  method: "patch",
  path: "/v1/members/{memberId}",
  tags: ["members"],
  summary: "Change a member's role",
  description: "Only an owner may grant the owner role or change an owner; the last owner cannot be demoted.",
  request: {
    params: z.object({ memberId: Uuid("memberId") }),
    body: jsonBody(z.object({ role: RoleSchema }).openapi("UpdateMemberInput")),
  },
  responses: {
    200: json(Member, "The member with the new role, effective from their next request."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such member in this tenant."),
    409: json(ProblemSchema, "The change would leave the tenant without an owner."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { memberId } = c.req.valid("param");
  const member = await changeMemberRole(c.get("services").db(), currentActor(c), memberId, c.req.valid("json").role);
  return c.json(memberView(member), 200);
};
