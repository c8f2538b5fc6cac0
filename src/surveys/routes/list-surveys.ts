import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { listSurveys } from "../surveys.ts";
import { Survey, SURVEY_STATUSES } from "./schemas.ts";
import { surveyView } from "./views.ts";

const SurveyListItem = Survey.extend({ responses: z.number().int().openapi({ description: "Completed responses, across every version." }) }).openapi("SurveyListItem");

export const route = defineRoute({
  operationId: "surveys.list",
  method: "get",
  path: "/v1/surveys",
  tags: ["surveys"],
  summary: "The tenant's surveys, newest first",
  request: { query: z.object({ status: z.enum(SURVEY_STATUSES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(SurveyListItem) }), "Every survey, or those with the status asked for."), 400: json(ProblemSchema, "The filter is invalid.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const rows = await listSurveys(c.get("services").db(), currentActor(c), c.req.valid("query").status);
  return c.json({ items: rows.map((row) => ({ ...surveyView(row), responses: row.responses })) }, 200);
};
