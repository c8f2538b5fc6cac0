import { and, eq } from "drizzle-orm";
import { surveys, surveyVersions, tenants } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import type { SurveyDefinition } from "./definition.ts";
import { localiseSurvey, matchesPage, type WidgetSurvey } from "./localise.ts";

/** The published surveys for a page, in the visitor's language, with the tenant's global re-contact rule. */
export async function widgetSurveys(
  db: Database,
  actor: Actor,
  options: { language?: string; pageUrl?: string },
): Promise<{ settings: { globalRecontactDays: number | null }; surveys: WidgetSurvey[] }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [tenant] = await tx.select({ globalRecontactDays: tenants.globalRecontactDays }).from(tenants).where(eq(tenants.id, actor.tenantId));
    const rows = await tx
      .select({ id: surveys.id, version: surveyVersions.version, definition: surveyVersions.definition })
      .from(surveys)
      .innerJoin(surveyVersions, and(eq(surveyVersions.tenantId, surveys.tenantId), eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.version)))
      .where(eq(surveys.status, "published"))
      .orderBy(surveys.publishedAt, surveys.id);
    return {
      settings: { globalRecontactDays: tenant?.globalRecontactDays ?? null },
      surveys: rows
        .filter((row) => matchesPage(row.definition as SurveyDefinition, options.pageUrl))
        .map((row) => localiseSurvey(row.id, row.version, row.definition as SurveyDefinition, options.language)),
    };
  });
}

/** One published survey's latest version in the visitor's language; 404 unless it is published. */
export async function widgetSurvey(db: Database, actor: Actor, surveyId: string, language?: string): Promise<WidgetSurvey> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [row] = await tx
      .select({ version: surveyVersions.version, definition: surveyVersions.definition })
      .from(surveys)
      .innerJoin(surveyVersions, and(eq(surveyVersions.tenantId, surveys.tenantId), eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.version)))
      .where(and(eq(surveys.id, surveyId), eq(surveys.status, "published")));
    if (!row) throw new NotFoundError("published survey", surveyId);
    return localiseSurvey(surveyId, row.version, row.definition as SurveyDefinition, language);
  });
}
