import type { RouteHandler, z } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { getCustomer } from "../get-customer.ts";
import { Customer, CustomerId } from "./schemas.ts";

export const route = defineRoute({
  operationId: "customers.get",
  method: "get",
  path: "/v1/customers/{customerId}",
  tags: ["customers"],
  summary: "One customer, with their external identities",
  request: { params: CustomerId },
  responses: {
    200: json(Customer, "The customer."),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const customer = await getCustomer(c.get("services").db(), currentActor(c), c.req.valid("param").customerId);
  return c.json(customer as z.infer<typeof Customer>, 200);
};
