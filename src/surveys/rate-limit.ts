import { sql } from "drizzle-orm";
import type { Database } from "../platform/db.ts";
import { RateLimitedError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";

export const WINDOW_SECONDS = 60;
/** Saves per visitor and per client address in one window. */
export const LIMITS = { visitor: 30, ip: 120 } as const;

/**
 * Counts one widget write for the visitor and the client address in fixed one-minute windows,
 * in a transaction of its own so a refused write still counts; answers 429 with Retry-After
 * past a limit. Requests without a client address (never the case behind Cloudflare) count
 * per visitor only. Windows older than the current one are dropped as they are passed.
 */
export async function countWidgetWrite(db: Database, tenantId: string, visitorId: string, ip: string | null): Promise<void> {
  const keys = [{ key: `visitor:${visitorId}`, limit: LIMITS.visitor }, ...(ip ? [{ key: `ip:${ip}`, limit: LIMITS.ip }] : [])];
  const counts = await withTenant(db, tenantId, async (tx) => {
    const found: Array<{ hits: number; limit: number; retry: number }> = [];
    for (const { key, limit } of keys) {
      await tx.execute(sql`delete from widget_rate_limits where tenant_id = ${tenantId} and key = ${key} and window_start < now() - make_interval(secs => ${WINDOW_SECONDS})`);
      const result = await tx.execute<{ hits: number; retry: number }>(sql`
        insert into widget_rate_limits (tenant_id, key, window_start, hits)
        values (${tenantId}, ${key}, to_timestamp(floor(extract(epoch from now()) / ${WINDOW_SECONDS}) * ${WINDOW_SECONDS}), 1)
        on conflict (tenant_id, key, window_start) do update set hits = widget_rate_limits.hits + 1
        returning hits, ceil(extract(epoch from window_start) + ${WINDOW_SECONDS} - extract(epoch from now()))::int as retry`);
      found.push({ ...result.rows[0]!, limit });
    }
    return found;
  });
  const over = counts.find((count) => count.hits > count.limit);
  if (over) throw new RateLimitedError("Too many survey saves from this visitor or address; try again shortly.", Math.max(1, over.retry));
}
