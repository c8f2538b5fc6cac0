import { and, desc, eq, sql } from "drizzle-orm";
import { segmentationRuns } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";

export type RunRow = typeof segmentationRuns.$inferSelect;

/** After data changes, a run waits this long, so a burst of changes (an import, a day of orders) makes one run. */
export const DEBOUNCE_SECONDS = 600;

/** The tenant's run waiting to start, if any: requests join it instead of queueing another. */
async function waitingRun(tx: Transaction): Promise<RunRow | undefined> {
  const [waiting] = await tx.select().from(segmentationRuns).where(eq(segmentationRuns.status, "queued")).limit(1);
  return waiting;
}

/**
 * Starts a run now, as of `asOf` (default now). A run waiting out its debounce is started in
 * its place, so there is never more than one waiting; a run already going carries on.
 */
export async function startRun(db: Database, jobs: Queue<JobMessage>, actor: Actor, input: { asOf?: Date }): Promise<RunRow> {
  const run = await withTenant(db, actor.tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('segmentation:' || ${actor.tenantId}))`);
    const waiting = await waitingRun(tx);
    const fields = { trigger: "manual", asOf: input.asOf ?? new Date(), createdBy: actor.kind === "user" ? actor.userId : actor.keyId };
    const [created] = waiting
      ? await tx.update(segmentationRuns).set(fields).where(eq(segmentationRuns.id, waiting.id)).returning()
      : await tx.insert(segmentationRuns).values({ tenantId: actor.tenantId, ...fields }).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "segmentation.runs.create", entityType: "segmentation_run", entityId: created!.id, changes: { asOf: created!.asOf.toISOString() } });
    return created!;
  });
  await jobs.send({ kind: "segmentation.run", tenantId: actor.tenantId, runId: run.id });
  return run;
}

/**
 * Asks for a run after data changed (an import finished, shop orders arrived): debounced, so a
 * run already waiting absorbs the request, and a new one starts after a quiet wait.
 */
export async function requestRun(db: Database, jobs: Queue<JobMessage>, tenantId: string, trigger: "data_change" | "schedule"): Promise<string | null> {
  const runId = await withTenant(db, tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('segmentation:' || ${tenantId}))`);
    if (await waitingRun(tx)) return null;
    const [created] = await tx.insert(segmentationRuns).values({ tenantId, trigger, asOf: sql`now() + make_interval(secs => ${trigger === "data_change" ? DEBOUNCE_SECONDS : 0})` }).returning({ id: segmentationRuns.id });
    return created!.id;
  });
  if (runId) await jobs.send({ kind: "segmentation.run", tenantId, runId }, { delaySeconds: trigger === "data_change" ? DEBOUNCE_SECONDS : 0 });
  return runId;
}

export async function listRuns(db: Database, actor: Actor, limit: number): Promise<RunRow[]> {
  return withTenant(db, actor.tenantId, (tx) => tx.select().from(segmentationRuns).orderBy(desc(segmentationRuns.createdAt), desc(segmentationRuns.id)).limit(limit));
}

export async function getRun(db: Database, actor: Actor, runId: string): Promise<RunRow> {
  const [run] = await withTenant(db, actor.tenantId, (tx) => tx.select().from(segmentationRuns).where(and(eq(segmentationRuns.id, runId))));
  if (!run) throw new NotFoundError("segmentation run", runId);
  return run;
}
