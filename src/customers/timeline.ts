import { z } from "@hono/zod-openapi";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { interactions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { decodeCursor, encodeCursor } from "../platform/pagination.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findCustomer } from "./customer-context.ts";

export type InteractionRow = typeof interactions.$inferSelect;
export type InteractionKind = InteractionRow["kind"];

/** Kinds staff record by hand; the others are written by the system (orders, merges, changes). */
export const RECORDED_KINDS = ["note", "call", "email", "chat", "visit"] as const;

const Position = z.object({ at: z.string().max(64), id: z.uuid() });

/** A customer's timeline, newest first, paged by (occurred_at, id) so pages never skip or repeat. */
export async function listTimeline(
  db: Database,
  actor: Actor,
  customerId: string,
  options: { kinds?: InteractionKind[]; cursor?: string; limit: number },
): Promise<{ items: InteractionRow[]; nextCursor: string | null }> {
  return withTenant(db, actor.tenantId, async (tx) => {
    await findCustomer(tx, customerId);
    const conditions: SQL[] = [eq(interactions.customerId, customerId)];
    if (options.kinds?.length) conditions.push(inArray(interactions.kind, options.kinds));
    if (options.cursor) {
      // The position keeps the database's microseconds: entries of one transaction share a time.
      const position = decodeCursor(options.cursor, Position);
      conditions.push(sql`(${interactions.occurredAt}, ${interactions.id}) < (${position.at}::timestamptz, ${position.id}::uuid)`);
    }
    const found = await tx
      .select({ row: interactions, at: sql<string>`${interactions.occurredAt}::text` })
      .from(interactions)
      .where(and(...conditions))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(options.limit + 1);
    const page = found.slice(0, options.limit);
    const last = page.at(-1);
    const more = found.length > options.limit && last;
    return { items: page.map((entry) => entry.row), nextCursor: more ? encodeCursor({ at: last.at, id: last.row.id }) : null };
  });
}

/** Records a note, call, email, chat or visit on a customer's timeline. */
export async function recordInteraction(
  db: Database,
  actor: Actor,
  customerId: string,
  data: { kind: (typeof RECORDED_KINDS)[number]; summary: string; occurredAt?: Date; data?: Record<string, unknown> },
): Promise<InteractionRow> {
  return withTenant(db, actor.tenantId, async (tx) => {
    await findCustomer(tx, customerId);
    const who = auditActorOf(actor);
    const [row] = await tx
      .insert(interactions)
      .values({
        tenantId: actor.tenantId,
        customerId,
        kind: data.kind,
        summary: data.summary,
        occurredAt: data.occurredAt ?? new Date(),
        data: data.data ?? {},
        actorType: who.type,
        actorId: who.id,
      })
      .returning();
    await recordAudit(tx, actor.tenantId, who, {
      action: "customers.interactions.create",
      entityType: "interaction",
      entityId: row!.id,
      changes: { customerId, kind: data.kind },
    });
    return row!;
  });
}

/** Adds an entry the system writes (a survey response) to a customer's timeline, inside the caller's transaction. */
export async function addTimelineEntry(
  tx: Transaction,
  tenantId: string,
  customerId: string,
  entry: { kind: InteractionKind; summary: string; occurredAt: Date; data: Record<string, unknown>; actorType: string; actorId: string | null },
): Promise<void> {
  await tx.insert(interactions).values({ tenantId, customerId, ...entry });
}
