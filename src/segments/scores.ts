import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { boundArray } from "../db/sql-arrays.ts";
import { customerScores, segmentationRuns } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";

export type ScoreRow = typeof customerScores.$inferSelect;

/** A run's scores in customer id order, optionally one segment or cluster, paged by the last id. */
export async function listScores(
  db: Database,
  actor: Actor,
  runId: string,
  filter: { segment?: string; cluster?: number },
  page: { after?: string; limit: number },
): Promise<{ items: ScoreRow[]; next: string | null }> {
  const conditions: SQL[] = [eq(customerScores.runId, runId)];
  if (filter.segment) conditions.push(eq(customerScores.segment, filter.segment));
  if (filter.cluster !== undefined) conditions.push(eq(customerScores.cluster, filter.cluster));
  if (page.after) conditions.push(gt(customerScores.customerId, page.after));
  const rows = await withTenant(db, actor.tenantId, async (tx) => {
    const [run] = await tx.select({ id: segmentationRuns.id }).from(segmentationRuns).where(eq(segmentationRuns.id, runId));
    if (!run) throw new NotFoundError("segmentation run", runId);
    return tx.select().from(customerScores).where(and(...conditions)).orderBy(asc(customerScores.customerId)).limit(page.limit + 1);
  });
  const items = rows.slice(0, page.limit);
  return { items, next: rows.length > page.limit ? items.at(-1)!.customerId : null };
}

/** A customer's scores from the tenant's latest finished run that scored them. */
export async function latestScores(db: Database, actor: Actor, customerId: string): Promise<ScoreRow & { asOf: Date }> {
  const [row] = await withTenant(db, actor.tenantId, (tx) =>
    tx
      .select({ score: customerScores, asOf: segmentationRuns.asOf })
      .from(customerScores)
      .innerJoin(segmentationRuns, and(eq(segmentationRuns.id, customerScores.runId), eq(segmentationRuns.status, "done")))
      .where(eq(customerScores.customerId, customerId))
      .orderBy(desc(segmentationRuns.finishedAt))
      .limit(1),
  );
  if (!row) throw new NotFoundError("scores", customerId, `Customer ${customerId} has no scores yet: no finished run has scored them.`);
  return { ...row.score, asOf: row.asOf };
}

/** Each customer's RFM segment in the tenant's latest finished run; customers it did not score are absent. */
export async function latestSegments(tx: Transaction, customerIds: readonly string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const [run] = await tx.select({ id: segmentationRuns.id }).from(segmentationRuns).where(eq(segmentationRuns.status, "done")).orderBy(desc(segmentationRuns.finishedAt)).limit(1);
  if (!run) return new Map();
  const rows = await tx
    .select({ customerId: customerScores.customerId, segment: customerScores.segment })
    .from(customerScores)
    .where(and(eq(customerScores.runId, run.id), sql`${customerScores.customerId} = any(${boundArray(customerIds, "uuid")})`));
  return new Map(rows.flatMap((row) => (row.segment ? [[row.customerId, row.segment] as const] : [])));
}
