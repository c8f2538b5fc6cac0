import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { addIdentity } from "../identities.ts";
import { CustomerId, IdentityInput } from "./schemas.ts";

export const route = defineRoute({
  operationId: "customers.identities.add",
  method: "post",
  path: "/v1/customers/{customerId}/identities",
  tags: ["customers"],
  summary: "Link a customer to their id on another platform",
  request: { params: CustomerId, body: jsonBody(IdentityInput) },
  responses: {
    200: json(z.object({ identities: z.array(IdentityInput) }), "The customer's identities after the change."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such customer in this tenant."),
    409: json(ProblemSchema, "The id is linked to another customer."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const identities = await addIdentity(c.get("services").db(), currentActor(c), c.req.valid("param").customerId, c.req.valid("json"));
  return c.json({ identities }, 200);
};
