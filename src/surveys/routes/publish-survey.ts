import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { publishSurvey } from "../surveys.ts";
import { SurveyParams, SurveyWithVersions } from "./schemas.ts";
import { surveyView, versionView } from "./views.ts";

export const route = defineRoute({
  operationId: "surveys.publish",
  method: "post",
  path: "/v1/surveys/{surveyId}/publish",
  tags: ["surveys"],
  summary: "Freeze the draft as the next version and show it to visitors",
  description: "The new version is immutable; responses always refer to the version they answered. Publishing a closed survey reopens it.",
  request: { params: SurveyParams },
  responses: { 200: json(SurveyWithVersions, "The survey with its versions, newest first."), 404: json(ProblemSchema, "No such survey in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { survey, versions } = await publishSurvey(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId);
  return c.json({ ...surveyView(survey), versions: versions.map(versionView) }, 200);
};
