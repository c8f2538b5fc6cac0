import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as customerScores from "./customer-scores.ts";
import * as getRun from "./get-run.ts";
import * as listRuns from "./list-runs.ts";
import * as listScores from "./list-scores.ts";
import * as startRun from "./start-run.ts";

export const segmentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(startRun.route, startRun.handler)
  .openapi(listRuns.route, listRuns.handler)
  .openapi(getRun.route, getRun.handler)
  .openapi(listScores.route, listScores.handler)
  .openapi(customerScores.route, customerScores.handler);
