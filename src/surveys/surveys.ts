import { and, count, desc, eq } from "drizzle-orm";
import { surveyResponses, surveys, surveyVersions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import type { SurveyDefinition } from "./definition.ts";

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyVersionRow = typeof surveyVersions.$inferSelect;
export type SurveyWithVersions = { survey: SurveyRow; versions: SurveyVersionRow[] };

async function findSurvey(tx: Transaction, surveyId: string, lock = false): Promise<SurveyRow> {
  const query = tx.select().from(surveys).where(eq(surveys.id, surveyId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("survey", surveyId);
  return row;
}

function audit(tx: Transaction, actor: Actor, action: string, surveyId: string, changes: Record<string, unknown>) {
  return recordAudit(tx, actor.tenantId, auditActorOf(actor), { action, entityType: "survey", entityId: surveyId, notPersonal: ["name"], changes });
}

/** Creates a survey as a draft; nothing is shown to visitors until it is published. */
export async function createSurvey(db: Database, actor: Actor, input: { name: string; definition: SurveyDefinition }): Promise<SurveyRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [row] = await tx
      .insert(surveys)
      .values({ tenantId: actor.tenantId, name: input.name, draft: input.definition, createdBy: actor.kind === "user" ? actor.userId : actor.kind === "secret_key" ? actor.keyId : null })
      .returning();
    await audit(tx, actor, "surveys.create", row!.id, { name: input.name, questions: input.definition.questions.length });
    return row!;
  });
}

/** The tenant's surveys, newest first, each with how many completed responses it has (every version). */
export async function listSurveys(db: Database, actor: Actor, status?: SurveyRow["status"]): Promise<Array<SurveyRow & { responses: number }>> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const rows = await tx.select().from(surveys).where(status ? eq(surveys.status, status) : undefined).orderBy(desc(surveys.createdAt), desc(surveys.id));
    const counts = await tx
      .select({ surveyId: surveyResponses.surveyId, responses: count() })
      .from(surveyResponses)
      .where(eq(surveyResponses.status, "complete"))
      .groupBy(surveyResponses.surveyId);
    const bySurvey = new Map(counts.map((row) => [row.surveyId, row.responses]));
    return rows.map((row) => ({ ...row, responses: bySurvey.get(row.id) ?? 0 }));
  });
}

/** A survey with every published version, newest first. */
export async function getSurvey(db: Database, actor: Actor, surveyId: string): Promise<SurveyWithVersions> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const survey = await findSurvey(tx, surveyId);
    const versions = await tx.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version));
    return { survey, versions };
  });
}

/** Edits the draft (name and definition); published versions are never touched. A closed survey is not edited. */
export async function updateSurveyDraft(db: Database, actor: Actor, surveyId: string, change: { name?: string; definition?: SurveyDefinition }): Promise<SurveyRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findSurvey(tx, surveyId, true);
    if (before.status === "closed") throw new ConflictError("A closed survey cannot be edited.");
    const [after] = await tx
      .update(surveys)
      .set({ ...(change.name !== undefined && { name: change.name }), ...(change.definition && { draft: change.definition }), updatedAt: new Date() })
      .where(eq(surveys.id, surveyId))
      .returning();
    await audit(tx, actor, "surveys.update", surveyId, { ...(change.name !== undefined && { name: { from: before.name, to: change.name } }), draftChanged: change.definition !== undefined });
    return after!;
  });
}

/** Freezes the current draft as version N+1 and makes the survey live (again, if it was closed). */
export async function publishSurvey(db: Database, actor: Actor, surveyId: string): Promise<SurveyWithVersions> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findSurvey(tx, surveyId, true);
    const version = (before.version ?? 0) + 1;
    await tx.insert(surveyVersions).values({ tenantId: actor.tenantId, surveyId, version, definition: before.draft, publishedBy: actor.kind === "publishable_key" ? null : actor.kind === "user" ? actor.userId : actor.keyId });
    const now = new Date();
    const [survey] = await tx.update(surveys).set({ status: "published", version, publishedAt: now, closedAt: null, updatedAt: now }).where(eq(surveys.id, surveyId)).returning();
    await audit(tx, actor, "surveys.publish", surveyId, { version, status: { from: before.status, to: "published" } });
    const versions = await tx.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version));
    return { survey: survey!, versions };
  });
}

/** Stops showing a survey; its versions and responses stay. Publishing again reopens it. */
export async function closeSurvey(db: Database, actor: Actor, surveyId: string): Promise<SurveyRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findSurvey(tx, surveyId, true);
    if (before.status !== "published") throw new ConflictError(`Only a published survey can be closed; this one is ${before.status}.`);
    const now = new Date();
    const [after] = await tx.update(surveys).set({ status: "closed", closedAt: now, updatedAt: now }).where(eq(surveys.id, surveyId)).returning();
    await audit(tx, actor, "surveys.close", surveyId, { status: { from: before.status, to: "closed" } });
    return after!;
  });
}

/** Deletes a survey that was never published; one with versions (and so perhaps answers) can only be closed. */
export async function deleteSurvey(db: Database, actor: Actor, surveyId: string): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const before = await findSurvey(tx, surveyId, true);
    if (before.version !== null) throw new ConflictError("A survey that was published cannot be deleted; close it instead.");
    await tx.delete(surveys).where(and(eq(surveys.id, surveyId), eq(surveys.status, "draft")));
    await audit(tx, actor, "surveys.delete", surveyId, { name: before.name });
  });
}
