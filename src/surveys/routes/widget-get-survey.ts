import { type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { widgetSurvey } from "../widget-surveys.ts";
import { SurveyParams, WidgetLanguageQuery, WidgetSurvey } from "./schemas.ts";

export const route = defineRoute({
  operationId: "widget.surveys.get",
  method: "get",
  path: "/v1/widget/surveys/{surveyId}",
  tags: ["widget"],
  summary: "One published survey in the visitor's language (for ckm(\"show\", id) and the hosted link page)",
  request: { params: SurveyParams, query: WidgetLanguageQuery },
  responses: { 200: json(WidgetSurvey, "The survey's latest version."), 404: json(ProblemSchema, "No such published survey.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  return c.json(await widgetSurvey(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId, c.req.valid("query").lang), 200);
};
