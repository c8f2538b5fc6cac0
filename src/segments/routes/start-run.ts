import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody, Timestamp } from "../../tenancy/routes/schemas.ts";
import { startRun } from "../runs.ts";
import { Run, runView } from "./views.ts";

const StartRunInput = z
  .object({
    asOf: Timestamp.optional()
      .refine((value) => value === undefined || new Date(value) <= new Date(), { error: "must not be in the future" })
      .openapi({ description: "Orders after this are ignored (the calibration period of a backtest); default now." }),
  })
  .strict()
  .openapi("StartRunInput");

export const route = defineRoute({
  operationId: "segmentation.runs.create",
  method: "post",
  path: "/v1/segmentation/runs",
  tags: ["segmentation"],
  summary: "Start a segmentation run: RFM, predicted value, churn risk, clusters, loyalty, product rules",
  description: "Queued; follow `progress` at `GET /v1/segmentation/runs/{runId}`. A run waiting to start is started instead of queueing a second. Runs also start by themselves ten minutes after data changes (imports, shop orders).",
  request: { body: jsonBody(StartRunInput) },
  responses: {
    202: json(Run, "The run, queued."),
    400: json(ProblemSchema, "The input is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { asOf } = c.req.valid("json");
  const run = await startRun(c.get("services").db(), c.env.JOBS, currentActor(c), { asOf: asOf ? new Date(asOf) : undefined });
  return c.json(runView(run), 202);
};
