import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { exportResponses } from "../export-responses.ts";
import { SurveyParams } from "./schemas.ts";

export const route = defineRoute({
  operationId: "surveys.responses.export",
  method: "get",
  path: "/v1/surveys/{surveyId}/responses/export",
  tags: ["surveys"],
  summary: "Every response as CSV, one column per question",
  description: "Scores as numbers, choices as option ids (several joined by `; `), other answers as `other: ...`. Audited.",
  request: { params: SurveyParams },
  responses: {
    200: { description: "The CSV file.", content: { "text/csv": { schema: z.string() } } },
    404: json(ProblemSchema, "No such survey in this tenant."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const surveyId = c.req.valid("param").surveyId;
  const csv = await exportResponses(c.get("services").db(), currentActor(c), surveyId);
  return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="survey-${surveyId}-responses.csv"` });
};
