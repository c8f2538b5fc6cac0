import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { createInvite } from "../invites.ts";
import { Email, Invite, json, jsonBody, RoleSchema } from "./schemas.ts";
import { inviteView } from "./views.ts";

const CreateInviteInput = z.object({ email: Email, role: RoleSchema }).openapi("CreateInviteInput");
const CreatedInvite = z
  .object({
    invite: Invite,
    token: z.string().openapi({ description: "The one-time token for POST /v1/invites/accept; shown only here." }),
  })
  .openapi("CreatedInvite");

export const route = defineRoute({
  operationId: "invites.create",
  method: "post",
  path: "/v1/invites",
  tags: ["members"],
  summary: "Invite someone by email",
  description: "Inviting the same email again replaces the pending invitation. Only an owner may invite an owner.",
  request: { body: jsonBody(CreateInviteInput) },
  responses: {
    201: json(CreatedInvite, "The invitation and its one-time token."),
    400: json(ProblemSchema, "The input is invalid."),
    409: json(ProblemSchema, "The email already has an account."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { invite, token } = await createInvite(c.get("services").db(), currentActor(c), c.req.valid("json"));
  return c.json({ invite: inviteView(invite), token }, 201);
};
