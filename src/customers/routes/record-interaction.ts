import type { RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { recordInteraction } from "../timeline.ts";
import { CustomerId, Interaction, InteractionInput } from "./schemas.ts";
import { interactionView } from "./views.ts";

export const route = defineRoute({
  operationId: "customers.interactions.create",
  method: "post",
  path: "/v1/customers/{customerId}/interactions",
  tags: ["customers"],
  summary: "Record a note, call, email, chat or visit on a customer's timeline",
  request: { params: CustomerId, body: jsonBody(InteractionInput) },
  responses: {
    201: json(Interaction, "The recorded interaction."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such customer in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const row = await recordInteraction(c.get("services").db(), currentActor(c), c.req.valid("param").customerId, {
    ...input,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
  });
  return c.json(interactionView(row), 201);
};
