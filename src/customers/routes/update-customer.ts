import type { RouteHandler, z } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { updateCustomer } from "../update-customer.ts";
import { Customer, CustomerChange, CustomerId } from "./schemas.ts";

export const route = defineRoute({
  operationId: "customers.update",
  method: "patch",
  path: "/v1/customers/{customerId}",
  tags: ["customers"],
  summary: "Change some of a customer's fields",
  description: "`null` clears a field; in `attributes`, `null` removes that attribute. Each change is recorded on the timeline.",
  request: { params: CustomerId, body: jsonBody(CustomerChange) },
  responses: {
    200: json(Customer, "The customer after the change."),
    400: json(ProblemSchema, "A value is invalid; nothing was changed."),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { customerId } = c.req.valid("param");
  const customer = await updateCustomer(c.get("services").db(), currentActor(c), customerId, c.req.valid("json"));
  return c.json(customer as z.infer<typeof Customer>, 200);
};
