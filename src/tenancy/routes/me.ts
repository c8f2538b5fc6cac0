import type { RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ForbiddenError } from "../../platform/errors.ts";
import { getMember } from "../members.ts";
import { getSettings } from "../settings.ts";
import { json, Me } from "./schemas.ts";
import { memberView } from "./views.ts";

export const route = defineRoute({
  operationId: "me.get",
  method: "get",
  path: "/v1/me",
  tags: ["members"],
  summary: "The logged-in user and their tenant",
  responses: { 200: json(Me, "Who the access token belongs to, as of now.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const actor = currentActor(c);
  const db = c.get("services").db();
  if (actor.kind !== "user") throw new ForbiddenError("Only a logged-in user has a profile.");
  const [user, tenant] = [await getMember(db, actor, actor.userId), await getSettings(db, actor)];
  return c.json({ user: memberView(user), tenant }, 200);
};
