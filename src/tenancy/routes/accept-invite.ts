import { z, type RouteHandler } from "@hono/zod-openapi";
import { requestOrigin } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { acceptInvite } from "../invites.ts";
import { checkPasswordPolicy, json, jsonBody, Name, NewPassword, Tokens } from "./schemas.ts";

const AcceptInviteInput = z
  .object({ token: z.string().min(1).max(200), name: Name, password: NewPassword })
  .superRefine(checkPasswordPolicy)
  .openapi("AcceptInviteInput");

const AcceptedInvite = z.object({ tenantId: z.uuid(), userId: z.uuid(), tokens: Tokens }).openapi("AcceptedInvite");

export const route = defineRoute({
  operationId: "invites.accept",
  method: "post",
  path: "/v1/invites/accept",
  tags: ["members"],
  summary: "Accept an invitation: become a member and log in",
  request: { body: jsonBody(AcceptInviteInput) },
  responses: {
    201: json(AcceptedInvite, "The new member and their tokens."),
    400: json(ProblemSchema, "The input is invalid, or the password breaks the policy."),
    404: json(ProblemSchema, "The invitation does not exist, has expired, was revoked or was already used."),
    409: json(ProblemSchema, "The invited email has meanwhile got an account."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const services = c.get("services");
  const result = await acceptInvite({
    db: services.db(),
    ring: await services.signingKeys(),
    data: c.req.valid("json"),
    origin: requestOrigin(c),
  });
  return c.json(result, 201);
};
