import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { getSurvey } from "../surveys.ts";
import { SurveyParams, SurveyWithVersions } from "./schemas.ts";
import { surveyView, versionView } from "./views.ts";

export const route = defineRoute({
  operationId: "surveys.get",
  method: "get",
  path: "/v1/surveys/{surveyId}",
  tags: ["surveys"],
  summary: "One survey with its draft and every published version",
  request: { params: SurveyParams },
  responses: { 200: json(SurveyWithVersions, "The survey."), 404: json(ProblemSchema, "No such survey in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { survey, versions } = await getSurvey(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId);
  return c.json({ ...surveyView(survey), versions: versions.map(versionView) }, 200);
};
