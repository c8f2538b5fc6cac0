import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { rotateIdentitySecret } from "../identity.ts";

export const route = defineRoute({
  operationId: "surveys.identity_secret",
  method: "post",
  path: "/v1/surveys/identity-secret",
  tags: ["surveys"],
  summary: "Make a new identity verification secret for the widget",
  description:
    "The tenant's server signs a visitor's external id (or lower-cased email) with HMAC-SHA256 under this secret and hands the hex signature to the page for `ckm(\"identify\", ...)`. Shown only here; the previous secret stops verifying at once.",
  responses: { 200: json(z.object({ secret: z.string().openapi({ example: "wis_3Xk9..." }) }).openapi("IdentitySecret"), "The new secret, shown only now.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  return c.json({ secret: await rotateIdentitySecret(c.get("services").db(), currentActor(c)) }, 200);
};
