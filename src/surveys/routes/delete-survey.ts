import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { deleteSurvey } from "../surveys.ts";
import { SurveyParams } from "./schemas.ts";

export const route = defineRoute({
  operationId: "surveys.delete",
  method: "delete",
  path: "/v1/surveys/{surveyId}",
  tags: ["surveys"],
  summary: "Delete a survey that was never published",
  request: { params: SurveyParams },
  responses: {
    204: { description: "Deleted." },
    404: json(ProblemSchema, "No such survey in this tenant."),
    409: json(ProblemSchema, "The survey was published; close it instead."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  await deleteSurvey(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId);
  return c.body(null, 204);
};
