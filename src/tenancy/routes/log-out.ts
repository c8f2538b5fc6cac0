import type { RouteHandler } from "@hono/zod-openapi";
import { requestOrigin } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { endSession } from "../refresh-session.ts";
import { RefreshInput } from "./refresh.ts";
import { json, jsonBody } from "./schemas.ts";

export const route = defineRoute({
  operationId: "auth.logout",
  method: "post",
  path: "/v1/auth/logout",
  tags: ["auth"],
  summary: "End the session a refresh token belongs to",
  request: { body: jsonBody(RefreshInput) },
  responses: {
    204: { description: "The session is over (or the token was unknown: logging out twice is harmless)." },
    400: json(ProblemSchema, "The input is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  await endSession({ db: c.get("services").db(), refreshToken: c.req.valid("json").refreshToken, origin: requestOrigin(c) });
  return c.body(null, 204);
};
