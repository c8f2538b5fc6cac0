import type { RouteHandler, z } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { createCustomer } from "../create-customer.ts";
import { Customer, NewCustomerInput } from "./schemas.ts";

export const route = defineRoute({
  operationId: "customers.create",
  method: "post",
  path: "/v1/customers",
  tags: ["customers"],
  summary: "Create a customer",
  description:
    "Values are standardised before they are stored: text trimmed and width-normalised, email lower-cased, phone to E.164 (national numbers use the tenant's default country), country to ISO 3166, dates to YYYY-MM-DD. An invalid value is a field-level problem and nothing is stored.",
  request: { body: jsonBody(NewCustomerInput) },
  responses: {
    201: json(Customer, "The customer as stored."),
    400: json(ProblemSchema, "A value is invalid; every problem is listed by field."),
    409: json(ProblemSchema, "An external identity belongs to another customer."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const customer = await createCustomer(c.get("services").db(), currentActor(c), c.req.valid("json"));
  return c.json(customer as z.infer<typeof Customer>, 201);
};
