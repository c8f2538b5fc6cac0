import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { listRuns } from "../runs.ts";
import { Run, runView } from "./views.ts";

export const route = defineRoute({
  operationId: "segmentation.runs.list",
  method: "get",
  path: "/v1/segmentation/runs",
  tags: ["segmentation"],
  summary: "Recent segmentation runs, newest first",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: { 200: json(z.object({ items: z.array(Run) }), "The runs."), 400: json(ProblemSchema, "The limit is invalid.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const runs = await listRuns(c.get("services").db(), currentActor(c), c.req.valid("query").limit);
  return c.json({ items: runs.map(runView) }, 200);
};
