import { eq, sql } from "drizzle-orm";
import { integrations, webhookDeliveries, type DeliveryOutcome } from "../db/schema/index.ts";
import { standardiseContext } from "../customers/customer-context.ts";
import { syncCustomer } from "../customers/sync-customer.ts";
import { OrderNotYetKnownError, syncOrder, syncRefund } from "../customers/sync-order.ts";
import type { Database, Transaction } from "../platform/db.ts";
import type { Logger } from "../platform/logger.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { normalisers, UnreadablePayloadError, type Normalised } from "./normalise/index.ts";
import { parseWebhookJson } from "./webhook-json.ts";
import { describeError } from "../platform/error-text.ts";

const FINAL = new Set(["processed", "ignored", "dead"]);

async function applyRecords(tx: Transaction, tenantId: string, platform: string, deliveryId: string, normalised: Normalised): Promise<DeliveryOutcome> {
  if (normalised.kind === "ignored") return { skipped: [normalised.reason] };
  const { records } = normalised;
  const who = { type: "webhook", id: deliveryId };
  const context = await standardiseContext(tx);
  const outcome: Required<DeliveryOutcome> = { customers: [], orders: [], refunds: [], skipped: [], warnings: [] };
  const note = (result: { id: string | null; skipped?: string; warnings: string[] }, into: string[]) => {
    if (result.id && !result.skipped) into.push(result.id);
    if (result.skipped) outcome.skipped.push(result.skipped);
    outcome.warnings.push(...result.warnings);
  };
  for (const customer of records.customers) note(await syncCustomer(tx, tenantId, platform, customer, context, who), outcome.customers);
  for (const order of records.orders) {
    const customer = order.customer ? await syncCustomer(tx, tenantId, platform, order.customer, context, who) : null;
    if (customer) note(customer, outcome.customers);
    note(await syncOrder(tx, tenantId, platform, order, customer?.id ?? null, who), outcome.orders);
  }
  for (const refund of records.refunds) note(await syncRefund(tx, tenantId, platform, refund, who), outcome.refunds);
  return Object.fromEntries(Object.entries(outcome).filter(([, ids]) => ids.length)) as DeliveryOutcome;
}

/**
 * Turns one stored delivery into customers, orders and refunds (returning what it changed), in one transaction with the
 * delivery's own status, so a crash part-way leaves nothing behind and a retry starts clean.
 * The delivery row is locked first: a message that arrives twice is processed once. A payload
 * that cannot be read is marked dead at once (retrying cannot fix it); anything else is
 * recorded on the delivery and thrown, so the queue retries with backoff.
 */
export async function processDelivery(db: Database, tenantId: string, deliveryId: string, log: Logger): Promise<DeliveryOutcome | null> {
  try {
    return await withTenant(db, tenantId, async (tx) => {
      const [delivery] = await tx
        .select({ status: webhookDeliveries.status, topic: webhookDeliveries.topic, payload: webhookDeliveries.payload, platform: integrations.platform })
        .from(webhookDeliveries)
        .innerJoin(integrations, eq(integrations.id, webhookDeliveries.integrationId))
        .where(eq(webhookDeliveries.id, deliveryId))
        .for("update", { of: webhookDeliveries });
      if (!delivery || FINAL.has(delivery.status)) return null;
      if (delivery.payload === null) throw new UnreadablePayloadError("the payload was purged after the retention period");
      const normalised = normalisers[delivery.platform](delivery.topic, parseWebhookJson(delivery.payload));
      const outcome = await applyRecords(tx, tenantId, delivery.platform, deliveryId, normalised);
      await tx
        .update(webhookDeliveries)
        .set({ status: normalised.kind === "ignored" ? "ignored" : "processed", processedAt: new Date(), attempts: sql`${webhookDeliveries.attempts} + 1`, error: null, outcome })
        .where(eq(webhookDeliveries.id, deliveryId));
      return outcome;
    });
  } catch (error) {
    const permanent = error instanceof UnreadablePayloadError || error instanceof SyntaxError;
    const failure = error as { code?: unknown; cause?: { code?: unknown } } | null;
    const code = failure?.code ?? failure?.cause?.code;
    const message = error instanceof OrderNotYetKnownError || permanent ? error.message : `processing failed${typeof code === "string" ? ` (database error ${code})` : ""}; it will be retried`;
    log.warn("webhook delivery failed", { deliveryId, permanent, error: describeError(error) });
    await markFailed(db, tenantId, deliveryId, permanent ? "dead" : "failed", message);
    if (!permanent) throw error;
    return null;
  }
}

/** Records a failed attempt on the delivery; `dead` when no retry will follow. */
export async function markFailed(db: Database, tenantId: string, deliveryId: string, status: "failed" | "dead", error: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(webhookDeliveries)
      .set({ status, error: error.slice(0, 1000), attempts: sql`${webhookDeliveries.attempts} + 1` })
      .where(sql`${webhookDeliveries.id} = ${deliveryId} and ${webhookDeliveries.status} not in ('processed', 'ignored')`),
  );
}

/** After the last retry: the delivery is dead, with the last error kept for the tenant to read. */
export async function markDead(db: Database, tenantId: string, deliveryId: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx
      .update(webhookDeliveries)
      .set({ status: "dead", error: sql`'gave up after ' || ${webhookDeliveries.attempts} || ' attempts: ' || coalesce(${webhookDeliveries.error}, 'unknown error')` })
      .where(sql`${webhookDeliveries.id} = ${deliveryId} and ${webhookDeliveries.status} not in ('processed', 'ignored', 'dead')`),
  );
}
