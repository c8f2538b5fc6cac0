import { and, eq } from "drizzle-orm";
import { surveyResponses, surveys, surveyVersions, tenants, widgetVisitors } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import { findCustomerByIdentity } from "../customers/find-by-identity.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { BadRequestError, ConflictError, NotFoundError, UnprocessableError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { answerIssues, mergeAnswers, type Answers } from "./answers.ts";
import type { SurveyDefinition } from "./definition.ts";
import { verifyIdentity, type IdentityClaim } from "./identity.ts";
import { countWidgetWrite } from "./rate-limit.ts";
import { addResponseToTimeline } from "./response-timeline.ts";

/** A response finished sooner than this after it started is taken for a bot's. */
export const MIN_COMPLETION_MS = 2000;

export type ResponseInput = {
  surveyId: string;
  version: number;
  visitorId: string;
  language: string;
  answers: Answers;
  complete: boolean;
  startedAt: Date;
  website?: string;
  identity?: IdentityClaim;
  pageUrl?: string;
};

export type SaveOutcome = { id: string; status: "partial" | "complete"; discarded: boolean };

type ResponseRow = typeof surveyResponses.$inferSelect;

async function versionDefinition(tx: Transaction, surveyId: string, version: number): Promise<SurveyDefinition> {
  const [survey] = await tx.select({ status: surveys.status }).from(surveys).where(eq(surveys.id, surveyId));
  if (!survey || survey.status === "draft") throw new NotFoundError("published survey", surveyId);
  if (survey.status === "closed") throw new ConflictError("The survey is closed and takes no more answers.");
  const [row] = await tx.select({ definition: surveyVersions.definition }).from(surveyVersions).where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
  if (!row) throw new UnprocessableError(`Survey ${surveyId} has no version ${version}.`, [{ path: "json.version", message: "is not a published version of this survey" }]);
  return row.definition as SurveyDefinition;
}

async function customerOf(tx: Transaction, tenantId: string, input: ResponseInput): Promise<string | null> {
  if (input.identity) {
    await verifyIdentity(tx, tenantId, input.identity);
    const customerId = await findCustomerByIdentity(tx, input.identity);
    if (customerId) {
      await tx.insert(widgetVisitors).values({ tenantId, visitorId: input.visitorId, customerId }).onConflictDoUpdate({ target: [widgetVisitors.tenantId, widgetVisitors.visitorId], set: { customerId, identifiedAt: new Date() } });
      return customerId;
    }
  }
  const [visitor] = await tx.select({ customerId: widgetVisitors.customerId }).from(widgetVisitors).where(eq(widgetVisitors.visitorId, input.visitorId));
  return visitor?.customerId ?? null;
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) && keys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** A completed response is final: the same final body again is fine, anything else conflicts. */
function checkFinal(existing: ResponseRow, merged: Answers, input: ResponseInput): SaveOutcome {
  if (input.complete && sameAnswers(existing.answers, merged)) return { id: existing.id, status: "complete", discarded: false };
  throw new ConflictError("This response is complete and cannot be changed.");
}

/**
 * Saves a visitor's answers under the response id the widget made: the first save creates the
 * response, later ones merge their answers into it, and `complete` finishes it. Answers are
 * checked against the exact version answered and nothing is stored when any is wrong. A filled
 * honeypot or a completion within two seconds of the start is accepted and silently dropped.
 * A completed response of an identified visitor lands on the customer's timeline, and one
 * completed now is queued for the tenant's response webhook (after the commit).
 */
export async function saveResponse(db: Database, jobs: Queue<JobMessage>, actor: Actor, responseId: string, input: ResponseInput): Promise<SaveOutcome> {
  const status = input.complete ? "complete" : "partial";
  if (input.website) return { id: responseId, status, discarded: true };
  if (input.startedAt.getTime() > Date.now() + 5 * 60_000) throw new BadRequestError("startedAt is in the future.", [{ path: "json.startedAt", message: "must not be in the future" }]);
  await countWidgetWrite(db, actor.tenantId, input.visitorId, actor.origin.ip);
  const { outcome, notify } = await storeResponse(db, actor, responseId, input);
  if (notify) await jobs.send({ kind: "survey.response.webhook", tenantId: actor.tenantId, responseId });
  return outcome;
}

/** The save itself, in one transaction; `notify` when it completed the response and the tenant has a response webhook. */
async function storeResponse(db: Database, actor: Actor, responseId: string, input: ResponseInput): Promise<{ outcome: SaveOutcome; notify: boolean }> {
  const status = input.complete ? "complete" : "partial";
  return withTenant(db, actor.tenantId, async (tx) => {
    const [existing] = await tx.select().from(surveyResponses).where(eq(surveyResponses.id, responseId)).for("update");
    if (existing && (existing.surveyId !== input.surveyId || existing.version !== input.version || existing.visitorId !== input.visitorId)) {
      throw new ConflictError("This response id belongs to another survey, version or visitor.");
    }
    const definition = await versionDefinition(tx, input.surveyId, input.version);
    const merged = mergeAnswers(definition, existing?.answers ?? {}, input.answers);
    if (existing?.status === "complete") return { outcome: checkFinal(existing, merged, input), notify: false };
    const issues = answerIssues(definition, merged, input.complete);
    if (issues.length) throw new UnprocessableError("The answers do not fit this survey version.", issues);
    const startedAt = existing?.startedAt ?? input.startedAt;
    const now = new Date();
    if (input.complete && now.getTime() - startedAt.getTime() < MIN_COMPLETION_MS) return { outcome: { id: responseId, status, discarded: true }, notify: false };
    const customerId = (await customerOf(tx, actor.tenantId, input)) ?? existing?.customerId ?? null;
    const values = { answers: merged, status, customerId, language: input.language, completedAt: input.complete ? now : null, updatedAt: now } as const;
    if (existing) {
      await tx.update(surveyResponses).set(values).where(eq(surveyResponses.id, responseId));
    } else {
      const inserted = await tx
        .insert(surveyResponses)
        .values({ tenantId: actor.tenantId, id: responseId, surveyId: input.surveyId, version: input.version, visitorId: input.visitorId, startedAt, pageUrl: input.pageUrl ?? null, ...values })
        .onConflictDoNothing()
        .returning({ id: surveyResponses.id });
      // The id is unique across tenants: taken here means taken by a response this tenant cannot see.
      if (!inserted.length) throw new NotFoundError("response", responseId);
    }
    if (input.complete && customerId) {
      await addResponseToTimeline(tx, actor.tenantId, customerId, { id: responseId, surveyId: input.surveyId, version: input.version, completedAt: now, answers: merged }, definition);
    }
    const [tenant] = input.complete ? await tx.select({ url: tenants.responseWebhookUrl }).from(tenants).where(eq(tenants.id, actor.tenantId)) : [];
    return { outcome: { id: responseId, status, discarded: false }, notify: Boolean(tenant?.url) };
  });
}
