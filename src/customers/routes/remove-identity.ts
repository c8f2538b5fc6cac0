import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { removeIdentity } from "../identities.ts";
import { CustomerId, IdentityInput } from "./schemas.ts";

export const route = defineRoute({
  operationId: "customers.identities.remove",
  method: "delete",
  path: "/v1/customers/{customerId}/identities",
  tags: ["customers"],
  summary: "Unlink one of a customer's external ids",
  description: "The identity is named in the query, since platform ids may contain slashes.",
  request: { params: CustomerId, query: IdentityInput },
  responses: {
    200: json(z.object({ identities: z.array(IdentityInput) }), "The customer's identities after the change."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such customer, or no such identity on them."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const identities = await removeIdentity(c.get("services").db(), currentActor(c), c.req.valid("param").customerId, c.req.valid("query"));
  return c.json({ identities }, 200);
};
