import { z, type RouteHandler } from "@hono/zod-openapi";
import { requestOrigin } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { refreshSession } from "../refresh-session.ts";
import { json, jsonBody, Tokens } from "./schemas.ts";

export const RefreshInput = z.object({ refreshToken: z.string().min(1).max(200) }).openapi("RefreshInput");

export const route = defineRoute({
  operationId: "auth.refresh",
  method: "post",
  path: "/v1/auth/refresh",
  tags: ["auth"],
  summary: "Spend a refresh token for a new access and refresh token",
  description:
    "Each refresh token works once. Presenting a spent one revokes its whole family (every session token descended from the same login).",
  request: { body: jsonBody(RefreshInput) },
  responses: {
    200: json(Tokens, "The next token pair."),
    400: json(ProblemSchema, "The input is invalid."),
    401: json(ProblemSchema, "The refresh token is invalid, expired, spent or revoked."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const services = c.get("services");
  const tokens = await refreshSession({
    db: services.db(),
    ring: await services.signingKeys(),
    refreshToken: c.req.valid("json").refreshToken,
    origin: requestOrigin(c),
  });
  return c.json(tokens, 200);
};
