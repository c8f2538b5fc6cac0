import type { z } from "@hono/zod-openapi";
import type { SurveyDefinition } from "../definition.ts";
import type { SurveyRow, SurveyVersionRow } from "../surveys.ts";
import type { Survey, SurveyVersion } from "./schemas.ts";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function surveyView(row: SurveyRow): z.infer<typeof Survey> {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    version: row.version,
    draft: row.draft as SurveyDefinition,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    closedAt: iso(row.closedAt),
  };
}

export function versionView(row: SurveyVersionRow): z.infer<typeof SurveyVersion> {
  return { version: row.version, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy, definition: row.definition as SurveyDefinition };
}
