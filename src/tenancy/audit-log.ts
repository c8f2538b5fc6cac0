import { z } from "@hono/zod-openapi";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditLog } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { decodeCursor, encodeCursor } from "../platform/pagination.ts";
import { withTenant } from "../platform/with-tenant.ts";

export type AuditFilter = {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

export type AuditRow = typeof auditLog.$inferSelect;

const Position = z.object({ id: z.number().int().positive() });

/** The audit trail, newest first, filtered and paged by an opaque cursor over the row id. */
export async function listAuditLog(
  db: Database,
  actor: Actor,
  filter: AuditFilter,
  page: { cursor?: string; limit: number },
): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  // Times are shown to the millisecond and stored to the microsecond: `to` covers its whole millisecond.
  if (filter.to) conditions.push(lt(auditLog.at, new Date(filter.to.getTime() + 1)));
  if (page.cursor) conditions.push(lt(auditLog.id, decodeCursor(page.cursor, Position).id));
  const rows = await withTenant(db, actor.tenantId, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(page.limit + 1),
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor({ id: last.id }) : null };
}
