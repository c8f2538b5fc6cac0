import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as createSegment from "./create-segment.ts";
import * as customerPortrait from "./customer-portrait.ts";
import * as customerScores from "./customer-scores.ts";
import * as deleteSegment from "./delete-segment.ts";
import * as exportSegment from "./export-segment.ts";
import * as getSegment from "./get-segment.ts";
import * as getRun from "./get-run.ts";
import * as listRuns from "./list-runs.ts";
import * as listScores from "./list-scores.ts";
import * as listSegments from "./list-segments.ts";
import * as previewSegment from "./preview-segment.ts";
import * as runPortraits from "./run-portraits.ts";
import * as segmentMembers from "./segment-members.ts";
import * as startRun from "./start-run.ts";
import * as updateSegment from "./update-segment.ts";

export const segmentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(startRun.route, startRun.handler)
  .openapi(listRuns.route, listRuns.handler)
  .openapi(getRun.route, getRun.handler)
  .openapi(listScores.route, listScores.handler)
  .openapi(customerScores.route, customerScores.handler)
  .openapi(runPortraits.route, runPortraits.handler)
  .openapi(customerPortrait.route, customerPortrait.handler)
  .openapi(previewSegment.route, previewSegment.handler)
  .openapi(createSegment.route, createSegment.handler)
  .openapi(listSegments.route, listSegments.handler)
  .openapi(getSegment.route, getSegment.handler)
  .openapi(updateSegment.route, updateSegment.handler)
  .openapi(deleteSegment.route, deleteSegment.handler)
  .openapi(segmentMembers.route, segmentMembers.handler)
  .openapi(exportSegment.route, exportSegment.handler);
