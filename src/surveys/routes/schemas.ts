import { z } from "@hono/zod-openapi";
import { Name, Timestamp, Uuid } from "../../tenancy/routes/schemas.ts";
import { SurveyDefinitionSchema } from "../definition.ts";

export const SURVEY_STATUSES = ["draft", "published", "closed"] as const;

export const SurveyParams = z.object({ surveyId: Uuid("surveyId") });

export const SurveyVersion = z
  .object({ version: z.number().int(), publishedAt: Timestamp, publishedBy: z.string().nullable(), definition: SurveyDefinitionSchema })
  .openapi("SurveyVersion");

export const Survey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(SURVEY_STATUSES),
    version: z.number().int().nullable().openapi({ description: "The latest published version; null until the first publication." }),
    draft: SurveyDefinitionSchema,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    publishedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
  })
  .openapi("Survey");

export const SurveyWithVersions = Survey.extend({ versions: z.array(SurveyVersion) }).openapi("SurveyWithVersions");

export const CreateSurveyInput = z.object({ name: Name, definition: SurveyDefinitionSchema }).strict().openapi("CreateSurveyInput");
export const UpdateSurveyInput = z.object({ name: Name, definition: SurveyDefinitionSchema }).partial().strict().openapi("UpdateSurveyInput");

const Showing = z.record(z.string(), z.unknown());

export const WidgetQuestion = z
  .object({
    id: z.string(),
    type: z.string(),
    text: z.string(),
    required: z.boolean(),
    scale: z.object({ points: z.number().int(), display: z.string() }).optional(),
    options: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
    allowOther: z.boolean().optional(),
    showIf: z.object({ questionId: z.string(), anyOf: z.array(z.union([z.string(), z.number()])) }).optional(),
  })
  .openapi("WidgetQuestion");

export const WidgetSurvey = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    language: z.string(),
    dir: z.enum(["ltr", "rtl"]),
    title: z.string(),
    questions: z.array(WidgetQuestion),
    showing: Showing,
    theme: z.object({ primary: z.string(), background: z.string(), text: z.string(), position: z.string() }),
  })
  .openapi("WidgetSurvey");

export const WidgetLanguageQuery = z.object({
  lang: z.string().max(35).optional().openapi({ description: "The visitor's language; texts fall back to its base language, then the survey's default.", example: "zh-CN" }),
});
