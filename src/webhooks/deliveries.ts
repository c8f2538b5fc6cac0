import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { integrations, webhookDeliveries } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { decodeCursor, encodeCursor } from "../platform/pagination.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type DeliveryStatus = DeliveryRow["status"];

const Position = z.object({ at: z.string().max(64), id: z.uuid() });

const summaryColumns = {
  id: webhookDeliveries.id,
  integrationId: webhookDeliveries.integrationId,
  topic: webhookDeliveries.topic,
  webhookId: webhookDeliveries.webhookId,
  status: webhookDeliveries.status,
  receivedAt: webhookDeliveries.receivedAt,
  processedAt: webhookDeliveries.processedAt,
  attempts: webhookDeliveries.attempts,
  error: webhookDeliveries.error,
  outcome: webhookDeliveries.outcome,
  payloadBytes: webhookDeliveries.payloadBytes,
  payloadPurgedAt: webhookDeliveries.payloadPurgedAt,
};

export type DeliverySummary = Omit<DeliveryRow, "tenantId" | "dedupKey" | "payload">;

async function requireIntegration(tx: Transaction, integrationId: string): Promise<void> {
  const [found] = await tx.select({ id: integrations.id }).from(integrations).where(eq(integrations.id, integrationId));
  if (!found) throw new NotFoundError("integration", integrationId);
}

/** An integration's delivery log, newest first, optionally one status, paged by an opaque cursor. */
export async function listDeliveries(
  db: Database,
  actor: Actor,
  integrationId: string,
  filter: { status?: DeliveryStatus },
  page: { cursor?: string; limit: number },
): Promise<{ items: DeliverySummary[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(webhookDeliveries.integrationId, integrationId)];
  if (filter.status) conditions.push(eq(webhookDeliveries.status, filter.status));
  if (page.cursor) {
    const after = decodeCursor(page.cursor, Position);
    const at = sql`${after.at}::timestamptz`;
    conditions.push(or(lt(webhookDeliveries.receivedAt, at), and(eq(webhookDeliveries.receivedAt, at), lt(webhookDeliveries.id, after.id)))!);
  }
  const rows = await withTenant(db, actor.tenantId, async (tx) => {
    await requireIntegration(tx, integrationId);
    return tx
      .select({ ...summaryColumns, at: sql<string>`${webhookDeliveries.receivedAt}::text` })
      .from(webhookDeliveries)
      .where(and(...conditions))
      .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
      .limit(page.limit + 1);
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map(({ at: _at, ...item }) => item), nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}

/** One delivery with its raw payload (null once purged after the retention period). */
export async function getDelivery(db: Database, actor: Actor, integrationId: string, deliveryId: string): Promise<DeliverySummary & { payload: string | null }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [row] = await tx
      .select({ ...summaryColumns, payload: webhookDeliveries.payload })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.integrationId, integrationId), eq(webhookDeliveries.id, deliveryId)));
    if (!row) throw new NotFoundError("delivery", deliveryId);
    return row;
  });
}

/**
 * Runs a delivery through processing again, whatever its state: a dead one after the cause is
 * fixed, or a processed one to re-apply it (processing is idempotent, and an older update never
 * overwrites a newer one). Refused once the payload has been purged.
 */
export async function replayDelivery(db: Database, jobs: Queue<JobMessage>, actor: Actor, integrationId: string, deliveryId: string): Promise<DeliverySummary> {
  const row = await withTenant(db, actor.tenantId, async (tx) => {
    const [current] = await tx
      .select({ id: webhookDeliveries.id, hasPayload: sql<boolean>`${webhookDeliveries.payload} is not null` })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.integrationId, integrationId), eq(webhookDeliveries.id, deliveryId)))
      .for("update");
    if (!current) throw new NotFoundError("delivery", deliveryId);
    if (!current.hasPayload) throw new ConflictError("This delivery's payload was purged after the retention period; it cannot be replayed.");
    const [replayed] = await tx.update(webhookDeliveries).set({ status: "received", error: null, processedAt: null }).where(eq(webhookDeliveries.id, deliveryId)).returning(summaryColumns);
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "integrations.deliveries.replay", entityType: "webhook_delivery", entityId: deliveryId, changes: { integrationId } });
    return replayed!;
  });
  await jobs.send({ kind: "webhook.process", tenantId: actor.tenantId, deliveryId });
  return row;
}
