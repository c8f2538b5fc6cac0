import { eq } from "drizzle-orm";
import { surveyResponses, tenants } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import type { Logger } from "../platform/logger.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { generateSecret } from "../webhooks/secrets.ts";
import { signAs } from "../webhooks/sign.ts";

export const RESPONSE_COMPLETED = "survey.response.completed";
const TIMEOUT_MS = 10_000;

/**
 * Sets (or with null removes) the endpoint that receives completed responses. Setting one makes
 * a new Standard Webhooks secret (`whsec_...`), returned only now.
 */
export async function setResponseWebhook(db: Database, actor: Actor, url: string | null): Promise<{ url: string | null; secret: string | null }> {
  const secret = url === null ? null : generateSecret("generic");
  await withTenant(db, actor.tenantId, async (tx) => {
    await tx.update(tenants).set({ responseWebhookUrl: url, responseWebhookSecret: secret, updatedAt: new Date() }).where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "surveys.webhook.set", entityType: "tenant", entityId: actor.tenantId, notPersonal: ["url"], changes: { url } });
  });
  return { url, secret };
}

/**
 * Posts one completed response to the tenant's endpoint, signed as Standard Webhooks with the
 * response id as the message id (so a retry is recognisable). A non-2xx answer or a network
 * failure throws, and the queue retries with backoff; no endpoint, no post.
 */
export async function deliverResponseWebhook(db: Database, tenantId: string, responseId: string, log: Logger): Promise<void> {
  const found = await withTenant(db, tenantId, async (tx) => {
    const [tenant] = await tx.select({ url: tenants.responseWebhookUrl, secret: tenants.responseWebhookSecret }).from(tenants).where(eq(tenants.id, tenantId));
    const [response] = await tx.select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    return { tenant, response };
  });
  const { tenant, response } = found;
  if (!tenant?.url || !tenant.secret || !response || response.status !== "complete") return;
  const body = JSON.stringify({
    type: RESPONSE_COMPLETED,
    timestamp: new Date().toISOString(),
    data: {
      id: response.id,
      surveyId: response.surveyId,
      version: response.version,
      language: response.language,
      visitorId: response.visitorId,
      customerId: response.customerId,
      answers: response.answers,
      startedAt: response.startedAt.toISOString(),
      completedAt: response.completedAt?.toISOString() ?? null,
    },
  });
  const signed = await signAs("generic", tenant.secret, { body, topic: RESPONSE_COMPLETED, id: `msg_${response.id}` });
  const answer = await fetch(tenant.url, { method: "POST", headers: signed.headers, body: signed.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  await answer.body?.cancel();
  if (!answer.ok) throw new Error(`the response webhook endpoint answered ${answer.status}`);
  log.info("response webhook delivered", { responseId, status: answer.status });
}
