import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { createSurvey } from "../surveys.ts";
import { CreateSurveyInput, Survey } from "./schemas.ts";
import { surveyView } from "./views.ts";

export const route = defineRoute({
  operationId: "surveys.create",
  method: "post",
  path: "/v1/surveys",
  tags: ["surveys"],
  summary: "Create a survey as a draft",
  description: "The definition is checked whole: unique question ids, skip rules on earlier questions and their answers, every text in the default language, hex colours with WCAG AA contrast of text on background.",
  request: { body: jsonBody(CreateSurveyInput) },
  responses: { 201: json(Survey, "The draft survey."), 400: json(ProblemSchema, "The definition is invalid; the issues name each field.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const row = await createSurvey(c.get("services").db(), currentActor(c), c.req.valid("json"));
  return c.json(surveyView(row), 201);
};
