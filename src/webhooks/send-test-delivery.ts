import type { JobMessage } from "../jobs/messages.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import type { Logger } from "../platform/logger.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { getIntegration } from "./integrations.ts";
import { receiveDelivery } from "./receive-delivery.ts";
import { signAs } from "./sign.ts";
import { sampleDelivery } from "./test-delivery.ts";

/**
 * Signs a sample as the platform would and hands it to the receive path itself, so the test
 * exercises verification (with the stored secret), recording, queueing and processing.
 */
export async function sendTestDelivery(db: Database, jobs: Queue<JobMessage>, actor: Actor, integrationId: string, log: Logger): Promise<{ deliveryId: string; topic: string }> {
  const integration = await getIntegration(db, actor, integrationId);
  const sample = sampleDelivery(integration.platform, Date.now());
  const signed = await signAs(integration.platform, integration.secret, { ...sample, shopDomain: integration.shopDomain });
  const received = await receiveDelivery(db, jobs, integrationId, new Headers(signed.headers), new TextEncoder().encode(signed.body), log);
  if (received.kind !== "delivery") throw new Error("a test delivery was taken for a ping");
  await withTenant(db, actor.tenantId, (tx) =>
    recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "integrations.test_delivery", entityType: "integration", entityId: integrationId, changes: { deliveryId: received.deliveryId, topic: sample.topic } }),
  );
  return { deliveryId: received.deliveryId, topic: sample.topic };
}
