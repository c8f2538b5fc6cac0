import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { updateSurveyDraft } from "../surveys.ts";
import { Survey, SurveyParams, UpdateSurveyInput } from "./schemas.ts";
import { surveyView } from "./views.ts";

export const route = defineRoute({
  operationId: "surveys.update",
  method: "patch",
  path: "/v1/surveys/{surveyId}",
  tags: ["surveys"],
  summary: "Edit a survey's name or draft definition",
  description: "Published versions never change: the edited draft goes live when it is published as the next version.",
  request: { params: SurveyParams, body: jsonBody(UpdateSurveyInput) },
  responses: {
    200: json(Survey, "The survey with its new draft."),
    400: json(ProblemSchema, "The definition is invalid; nothing was changed."),
    404: json(ProblemSchema, "No such survey in this tenant."),
    409: json(ProblemSchema, "The survey is closed."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await updateSurveyDraft(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId, c.req.valid("json"));
  return c.json(surveyView(row), 200);
};
