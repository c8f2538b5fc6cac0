import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { closeSurvey } from "../surveys.ts";
import { Survey, SurveyParams } from "./schemas.ts";
import { surveyView } from "./views.ts";

export const route = defineRoute({
  operationId: "surveys.close",
  method: "post",
  path: "/v1/surveys/{surveyId}/close",
  tags: ["surveys"],
  summary: "Stop showing a published survey; its responses stay",
  request: { params: SurveyParams },
  responses: {
    200: json(Survey, "The closed survey."),
    404: json(ProblemSchema, "No such survey in this tenant."),
    409: json(ProblemSchema, "The survey is not published."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await closeSurvey(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId);
  return c.json(surveyView(row), 200);
};
