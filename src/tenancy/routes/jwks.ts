import { z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { json } from "./schemas.ts";

const JwkSet = z
  .object({
    keys: z.array(
      z.object({ kty: z.string(), crv: z.string(), x: z.string(), y: z.string(), kid: z.string(), alg: z.string(), use: z.string() }),
    ),
  })
  .openapi("JwkSet");

export const route = defineRoute({
  operationId: "auth.jwks",
  method: "get",
  path: "/.well-known/jwks.json",
  tags: ["auth"],
  summary: "The public keys that verify access tokens",
  responses: { 200: json(JwkSet, "Every key that may have signed a live token; the first signs new ones.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const ring = await c.get("services").signingKeys();
  c.header("cache-control", "public, max-age=300");
  return c.json(ring.jwks as z.infer<typeof JwkSet>, 200);
};
