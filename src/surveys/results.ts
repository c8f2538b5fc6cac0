import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { surveyResponses, surveyVersions, tenants } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { latestSegments } from "../segments/scores.ts";
import type { SurveyDefinition } from "./definition.ts";
import { summariseResults, type SurveyResults } from "./summarise-results.ts";
import { getSurvey } from "./surveys.ts";

export type ResultsFilter = { from?: Date; to?: Date; version?: number; language?: string; segment?: string; interval: "week" | "month" };

/**
 * A survey's results over its completed responses (completion time from `from`, before `to`),
 * optionally of one version, language or RFM segment (the latest finished segmentation run's;
 * `unscored` for responses of no scored customer), with the trend by week or month in the
 * tenant's time zone.
 */
export async function surveyResults(db: Database, actor: Actor, surveyId: string, filter: ResultsFilter): Promise<SurveyResults & { surveyId: string }> {
  await getSurvey(db, actor, surveyId);
  return withTenant(db, actor.tenantId, async (tx) => {
    const [tenant] = await tx.select({ timezone: tenants.timezone }).from(tenants).where(eq(tenants.id, actor.tenantId));
    const conditions: SQL[] = [eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.status, "complete")];
    if (filter.from) conditions.push(gte(surveyResponses.completedAt, filter.from));
    if (filter.to) conditions.push(lt(surveyResponses.completedAt, filter.to));
    if (filter.version !== undefined) conditions.push(eq(surveyResponses.version, filter.version));
    if (filter.language) conditions.push(eq(surveyResponses.language, filter.language));
    const rows = await tx
      .select({
        customerId: surveyResponses.customerId,
        language: surveyResponses.language,
        answers: surveyResponses.answers,
        period: sql<string>`to_char(date_trunc(${filter.interval}, ${surveyResponses.completedAt} at time zone ${tenant?.timezone ?? "UTC"}), 'YYYY-MM-DD')`,
      })
      .from(surveyResponses)
      .where(and(...conditions));
    const segments = await latestSegments(tx, [...new Set(rows.flatMap((row) => (row.customerId ? [row.customerId] : [])))]);
    const withSegments = rows
      .map((row) => ({ ...row, segment: row.customerId ? (segments.get(row.customerId) ?? null) : null }))
      .filter((row) => filter.segment === undefined || (row.segment ?? "unscored") === filter.segment);
    const versions = await tx.select({ definition: surveyVersions.definition }).from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version));
    return { surveyId, ...summariseResults(versions.map((v) => v.definition as SurveyDefinition), withSegments) };
  });
}
