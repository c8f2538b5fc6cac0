import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { widgetSurveys } from "../widget-surveys.ts";
import { WidgetLanguageQuery, WidgetSurvey } from "./schemas.ts";

export const route = defineRoute({
  operationId: "widget.surveys.list",
  method: "get",
  path: "/v1/widget/surveys",
  tags: ["widget"],
  summary: "The published surveys for a page, in the visitor's language",
  description: "Publishable key only, from one of the tenant's allowed origins. URL-triggered surveys whose pattern does not match `url` are left out.",
  request: { query: WidgetLanguageQuery.extend({ url: z.string().max(2000).optional().openapi({ description: "The page's URL." }) }) },
  responses: {
    200: json(
      z.object({ settings: z.object({ globalRecontactDays: z.number().int().nullable() }), surveys: z.array(WidgetSurvey) }).openapi("WidgetSurveys"),
      "The surveys and the tenant's global re-contact rule (null: off).",
    ),
    400: json(ProblemSchema, "The query is invalid."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  return c.json(await widgetSurveys(c.get("services").db(), currentActor(c), { language: query.lang, pageUrl: query.url }), 200);
};
