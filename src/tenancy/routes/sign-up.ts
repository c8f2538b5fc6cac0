import { z, type RouteHandler } from "@hono/zod-openapi";
import { requestOrigin } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { signUp } from "../sign-up.ts";
import { checkPasswordPolicy, Email, json, jsonBody, Name, NewPassword, Tokens } from "./schemas.ts";

export const SignUpInput = z
  .object({ company: Name.openapi({ example: "Acme Gifts Ltd" }), name: Name, email: Email, password: NewPassword })
  .superRefine(checkPasswordPolicy)
  .openapi("SignUpInput");

const SignUpResult = z
  .object({ tenantId: z.uuid(), userId: z.uuid(), tokens: Tokens })
  .openapi("SignUpResult");

export const route = defineRoute({
  operationId: "auth.signup",
  method: "post",
  path: "/v1/signup",
  tags: ["auth"],
  summary: "Create a tenant and its owner, and log the owner in",
  request: { body: jsonBody(SignUpInput) },
  responses: {
    201: json(SignUpResult, "The tenant, its owner, and the owner's tokens."),
    400: json(ProblemSchema, "The input is invalid, or the password breaks the policy."),
    409: json(ProblemSchema, "The email already has an account."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const services = c.get("services");
  const result = await signUp({
    db: services.db(),
    ring: await services.signingKeys(),
    data: c.req.valid("json"),
    origin: requestOrigin(c),
  });
  return c.json(result, 201);
};
