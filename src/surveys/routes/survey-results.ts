import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Timestamp } from "../../tenancy/routes/schemas.ts";
import { surveyResults } from "../results.ts";
import { SurveyParams } from "./schemas.ts";

const Nps = z
  .object({
    responses: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    nps: z.number().nullable(),
    standardError: z.number().nullable(),
    interval: z.object({ low: z.number(), high: z.number(), confidence: z.number() }).nullable(),
  })
  .openapi("NpsSummary");
const Csat = z.object({ responses: z.number().int(), satisfied: z.number().int(), csat: z.number().nullable() }).openapi("CsatSummary");
const Ces = z.object({ responses: z.number().int(), average: z.number().nullable() }).openapi("CesSummary");
const Scores = z.object({ responses: z.number().int(), nps: Nps.nullable(), csat: Csat.nullable(), ces: Ces.nullable() });

const SurveyResults = Scores.extend({
  surveyId: z.uuid(),
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      text: z.string(),
      answered: z.number().int(),
      distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
      other: z.number().int().optional(),
      average: z.number().nullable().optional(),
      nps: Nps.optional(),
      csat: Csat.optional(),
      ces: Ces.optional(),
      keywords: z.array(z.object({ term: z.string(), count: z.number().int() })).optional(),
    }),
  ),
  trend: z.array(Scores.extend({ period: z.string().openapi({ description: "First day of the week or month, in the tenant's time zone." }) })),
  byLanguage: z.array(Scores.extend({ language: z.string() })),
  bySegment: z.array(Scores.extend({ segment: z.string().openapi({ description: "RFM segment in the latest finished run, or `unscored`." }) })),
}).openapi("SurveyResults");

const ResultsQuery = z
  .object({
    from: Timestamp.optional(),
    to: Timestamp.optional(),
    version: z.coerce.number().int().min(1).optional(),
    language: z.string().max(35).optional(),
    segment: z.string().max(64).optional().openapi({ example: "Champions" }),
    interval: z.enum(["week", "month"]).default("month"),
  })
  .strict();

export const route = defineRoute({
  operationId: "surveys.results",
  method: "get",
  path: "/v1/surveys/{surveyId}/results",
  tags: ["surveys"],
  summary: "NPS, CSAT, CES, per-question distributions, trend, languages, segments and open-text keywords",
  description: "Over completed responses, unified across versions (questions match by id) and languages. NPS comes with its counts and a 95% interval; CSAT is the top-box (4-5) share; CES the mean.",
  request: { params: SurveyParams, query: ResultsQuery },
  responses: { 200: json(SurveyResults, "The results."), 400: json(ProblemSchema, "A filter is invalid."), 404: json(ProblemSchema, "No such survey in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const results = await surveyResults(c.get("services").db(), currentActor(c), c.req.valid("param").surveyId, {
    ...query,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  });
  return c.json(results, 200);
};
