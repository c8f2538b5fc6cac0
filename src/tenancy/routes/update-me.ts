import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { updateProfile } from "../members.ts";
import { getSettings } from "../settings.ts";
import { json, jsonBody, LanguageSchema, Me } from "./schemas.ts";
import { memberView } from "./views.ts";

const UpdateMeInput = z
  .object({ language: LanguageSchema.nullable().openapi({ description: "The dashboard's language; null: follow the browser." }) })
  .partial()
  .strict()
  .openapi("UpdateMeInput");

export const route = defineRoute({
  operationId: "me.update",
  method: "patch",
  path: "/v1/me",
  tags: ["members"],
  summary: "Change the logged-in user's own preferences",
  request: { body: jsonBody(UpdateMeInput) },
  responses: {
    200: json(Me, "The logged-in user after the change, and their tenant."),
    400: json(ProblemSchema, "The input is invalid; nothing was changed."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const actor = currentActor(c);
  const db = c.get("services").db();
  const user = await updateProfile(db, actor, c.req.valid("json"));
  return c.json({ user: memberView(user), tenant: await getSettings(db, actor) }, 200);
};
