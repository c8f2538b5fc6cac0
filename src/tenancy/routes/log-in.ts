import { z, type RouteHandler } from "@hono/zod-openapi";
import { requestOrigin } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { logIn } from "../log-in.ts";
import { Email, json, jsonBody, Tokens } from "./schemas.ts";

const LogInInput = z.object({ email: Email, password: z.string().min(1).max(1024) }).openapi("LogInInput");

export const route = defineRoute({
  operationId: "auth.login",
  method: "post",
  path: "/v1/auth/login",
  tags: ["auth"],
  summary: "Log in with email and password",
  request: { body: jsonBody(LogInInput) },
  responses: {
    200: json(Tokens, "A short-lived access token and a refresh token."),
    400: json(ProblemSchema, "The input is invalid."),
    401: json(ProblemSchema, "The email or password is wrong (one answer for both)."),
    429: json(ProblemSchema, "Too many failed logins for this account or address; see Retry-After."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const services = c.get("services");
  const { email, password } = c.req.valid("json");
  const tokens = await logIn({ db: services.db(), ring: await services.signingKeys(), email, password, origin: requestOrigin(c) });
  return c.json(tokens, 200);
};
