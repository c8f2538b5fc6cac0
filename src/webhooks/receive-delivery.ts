import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import type { Database } from "../platform/db.ts";
import { BadRequestError, GoneError, NotFoundError, SignatureError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { enterTenant, withoutTenant } from "../platform/with-tenant.ts";
import { verifiers, type Platform } from "./verify/index.ts";
import { describeError } from "../platform/error-text.ts";

/** Shopify's largest payloads stay well under this; larger bodies are refused with 413. */
export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

/** A delivery still waiting this long when it arrives again is queued again (its first message may be lost). */
const REQUEUE_AFTER_SECONDS = 60;

export type Received = { kind: "ping" } | { kind: "delivery"; deliveryId: string; duplicate: boolean };

type HookIntegration = { integration_tenant_id: string; integration_platform: Platform; integration_shop_domain: string | null; integration_status: "active" | "disabled"; integration_secrets: string[] };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * The whole receive path, kept short so platforms get their answer fast: find the integration
 * the URL names, verify the signature over the exact bytes, record the raw delivery once (a
 * repeat is recognised by its platform key and changes nothing), and queue it for processing.
 * Unverified requests are refused and logged without their body.
 */
export async function receiveDelivery(db: Database, jobs: Queue<JobMessage>, integrationId: string, headers: Headers, body: Uint8Array, log: Logger, now = Date.now()): Promise<Received> {
  const stored = await withoutTenant(db, async (tx) => {
    const { rows } = await tx.execute<HookIntegration>(sql`select * from hook_integration(${integrationId}::uuid)`);
    const integration = rows[0];
    if (!integration) throw new NotFoundError("integration", integrationId);
    if (integration.integration_status === "disabled") throw new GoneError("This integration is disabled; enable it to receive deliveries again.");
    const platform = integration.integration_platform;
    const verdict = await verifiers[platform]({ headers, body, secrets: integration.integration_secrets, shopDomain: integration.integration_shop_domain, now });
    if (verdict.kind === "rejected") {
      log.warn("webhook rejected", { integrationId, platform, reason: verdict.reason, bytes: body.length });
      throw new SignatureError(`The webhook does not verify: ${verdict.reason}.`);
    }
    if (verdict.kind === "ping") return { kind: "ping" as const };
    let payload: string;
    try {
      payload = utf8.decode(body);
    } catch {
      throw new BadRequestError("The webhook body is not UTF-8.");
    }
    const tenantId = integration.integration_tenant_id;
    await enterTenant(tx, tenantId);
    const [inserted] = await tx
      .insert(webhookDeliveries)
      .values({ tenantId, integrationId, topic: verdict.topic.slice(0, 200), dedupKey: verdict.dedupKey.slice(0, 500), webhookId: verdict.webhookId?.slice(0, 200) ?? null, payload, payloadBytes: body.length })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (inserted) return { kind: "delivery" as const, tenantId, deliveryId: inserted.id, duplicate: false, enqueue: true };
    const [existing] = await tx
      .select({ id: webhookDeliveries.id, stuck: sql<boolean>`${webhookDeliveries.status} = 'received' and ${webhookDeliveries.receivedAt} < now() - make_interval(secs => ${REQUEUE_AFTER_SECONDS})` })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.integrationId, integrationId), eq(webhookDeliveries.dedupKey, verdict.dedupKey.slice(0, 500))));
    return { kind: "delivery" as const, tenantId, deliveryId: existing!.id, duplicate: true, enqueue: existing!.stuck };
  });
  if (stored.kind === "ping") return stored;
  if (stored.enqueue) {
    // The delivery is recorded; if the queue refuses it now, the nightly sweep queues it again,
    // so the platform is still told it arrived.
    await jobs.send({ kind: "webhook.process", tenantId: stored.tenantId, deliveryId: stored.deliveryId }).catch((error: unknown) => {
      log.error("webhook delivery not queued", { deliveryId: stored.deliveryId, error: describeError(error) });
    });
  }
  return { kind: "delivery", deliveryId: stored.deliveryId, duplicate: stored.duplicate };
}
