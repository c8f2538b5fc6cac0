import { z } from "@hono/zod-openapi";
import { desc, sql } from "drizzle-orm";
import { imports } from "../../db/schema/index.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Database } from "../../platform/db.ts";
import { decodeCursor, encodeCursor } from "../../platform/pagination.ts";
import { withTenant } from "../../platform/with-tenant.ts";
import type { ImportRow } from "./uploads.ts";

const Position = z.object({ at: z.string(), id: z.uuid() });

/**
 * The tenant's imports, newest first, paged by (created_at, id) at full precision, so uploads in
 * the same millisecond are neither skipped nor repeated. A tenant has few imports; the primary
 * key's tenant prefix keeps the scan to its own.
 */
export async function listImports(db: Database, actor: Actor, page: { cursor?: string; limit: number }): Promise<{ items: ImportRow[]; nextCursor: string | null }> {
  const position = page.cursor ? decodeCursor(page.cursor, Position) : undefined;
  const rows = await withTenant(db, actor.tenantId, (tx) =>
    tx
      .select({ upload: imports, at: sql<string>`${imports.createdAt}::text` })
      .from(imports)
      .where(position ? sql`(${imports.createdAt}, ${imports.id}) < (${position.at}::timestamptz, ${position.id}::uuid)` : undefined)
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(page.limit + 1),
  );
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map((row) => row.upload), nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.at, id: last.upload.id }) : null };
}
