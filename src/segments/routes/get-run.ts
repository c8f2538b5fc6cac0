import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Uuid } from "../../tenancy/routes/schemas.ts";
import { getRun } from "../runs.ts";
import { Run, runView } from "./views.ts";

export const RunParams = z.object({ runId: Uuid("runId") });

export const route = defineRoute({
  operationId: "segmentation.runs.get",
  method: "get",
  path: "/v1/segmentation/runs/{runId}",
  tags: ["segmentation"],
  summary: "A run's status, progress, fitted model parameters and diagnostics",
  request: { params: RunParams },
  responses: { 200: json(Run, "The run."), 404: json(ProblemSchema, "No such run in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const run = await getRun(c.get("services").db(), currentActor(c), c.req.valid("param").runId);
  return c.json(runView(run), 200);
};
