import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Timestamp, Uuid } from "../../tenancy/routes/schemas.ts";
import { latestScores } from "../scores.ts";
import { Score, scoreView } from "./views.ts";

export const route = defineRoute({
  operationId: "customers.scores",
  method: "get",
  path: "/v1/customers/{customerId}/scores",
  tags: ["segmentation"],
  summary: "A customer's latest scores, with the run that computed them",
  request: { params: z.object({ customerId: Uuid("customerId") }) },
  responses: {
    200: json(Score.extend({ asOf: Timestamp }), "The scores of the latest finished run that scored the customer."),
    404: json(ProblemSchema, "No such customer, or no run has scored them yet."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await latestScores(c.get("services").db(), currentActor(c), c.req.valid("param").customerId);
  return c.json({ ...scoreView(row), asOf: row.asOf.toISOString() }, 200);
};
