import { asc, desc, eq } from "drizzle-orm";
import { csvRow, type CsvValue } from "../customers/csv-write.ts";
import { surveyResponses, surveyVersions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import type { SurveyDefinition } from "./definition.ts";
import { getSurvey } from "./surveys.ts";

const FIXED = ["response_id", "version", "status", "language", "visitor_id", "customer_id", "started_at", "completed_at"];

/** An answer as one CSV cell: a score, an option id, option ids joined by "; ", "other: ..." for free text. */
function cell(value: unknown): CsvValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  const answer = value as { choice?: string; choices?: string[]; other?: string };
  const parts = [...(answer.choices ?? []), ...(answer.choice !== undefined ? [answer.choice] : [])];
  if (answer.other !== undefined) parts.push(`other: ${answer.other}`);
  return parts.join("; ");
}

/**
 * Every response of a survey as CSV (partial ones too, with their status), one column per
 * question id across all versions, in the newest version's order. The export is audited:
 * it may hold personal data in free-text answers.
 */
export async function exportResponses(db: Database, actor: Actor, surveyId: string): Promise<string> {
  await getSurvey(db, actor, surveyId);
  return withTenant(db, actor.tenantId, async (tx) => {
    const versions = await tx.select({ definition: surveyVersions.definition }).from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version));
    const questionIds = [...new Set(versions.flatMap((v) => (v.definition as SurveyDefinition).questions.map((q) => q.id)))];
    const rows = await tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)).orderBy(asc(surveyResponses.startedAt), asc(surveyResponses.id));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "surveys.responses.export", entityType: "survey", entityId: surveyId, changes: { rows: rows.length } });
    let csv = csvRow([...FIXED, ...questionIds]);
    for (const row of rows) {
      csv += csvRow([
        row.id, row.version, row.status, row.language, row.visitorId, row.customerId,
        row.startedAt.toISOString(), row.completedAt?.toISOString() ?? null,
        ...questionIds.map((id) => cell(row.answers[id])),
      ]);
    }
    return csv;
  });
}
