import { z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { checkHealth } from "../check-health.ts";

export const HealthSchema = z
  .object({
    status: z.literal("ok"),
    database: z.object({ reachable: z.literal(true), latencyMs: z.number().int() }),
  })
  .openapi("Health");

export const route = defineRoute({
  operationId: "system.health",
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Service health, including a database round trip",
  responses: {
    200: { description: "The service and its database answer.", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "The database is unreachable.", content: { "application/problem+json": { schema: ProblemSchema } } },
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const health = await checkHealth(c.get("services").db());
  return c.json(health, 200);
};
