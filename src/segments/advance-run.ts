import { eq, sql } from "drizzle-orm";
import { DATA_THRESHOLDS } from "../analytics/index.ts";
import { segmentationRuns, tenants } from "../db/schema/index.ts";
import type { JobMessage } from "../jobs/messages.ts";
import type { Database, Transaction } from "../platform/db.ts";
import type { Logger } from "../platform/logger.ts";
import { withTenant } from "../platform/with-tenant.ts";
import type { RunContext } from "./run-context.ts";
import type { RunRow } from "./runs.ts";
import { clusterCustomers, type Clustering } from "./stages/cluster.ts";
import { compareWithPrevious } from "./stages/compare.ts";
import { fitModels, type FittedModels } from "./stages/fit.ts";
import { mineRules } from "./stages/rules.ts";
import { clearScores, countOtherCurrencies, scoreRfm } from "./stages/rfm.ts";
import { scoreChunk } from "./stages/score.ts";
import { describeError } from "../platform/error-text.ts";

/** Work one invocation does before handing the rest to the next queue message, well inside Workers' limits. */
const BUDGET_MS = 20_000;
const CHUNK = 5_000;

type Step = "continue" | "stop";

/** Adds a step's milliseconds to its stage's total in `diagnostics.timings`, so a run shows where its time went. */
function withStageTime(diagnostics: Record<string, unknown>, stage: string, ms: number): Record<string, unknown> {
  const timings = { ...(diagnostics.timings as Record<string, number> | undefined) };
  timings[stage] = (timings[stage] ?? 0) + ms;
  return { ...diagnostics, timings };
}

async function runStep(tx: Transaction, run: RunRow, context: RunContext): Promise<Partial<typeof segmentationRuns.$inferInsert>> {
  switch (run.stage) {
    case "rfm": {
      await clearScores(tx, context);
      const customers = await scoreRfm(tx, context);
      const otherCurrencies = await countOtherCurrencies(tx, context);
      return { stage: "fit", customers, diagnostics: { ...run.diagnostics, otherCurrencies }, progress: { stage: "fit", done: 0, total: 1 } };
    }
    case "fit": {
      const models = await fitModels(tx, context);
      return { stage: "cluster", model: { ...run.model, ...models }, progress: { stage: "cluster", done: 0, total: 1 } };
    }
    case "cluster": {
      const clustering = await clusterCustomers(tx, context);
      return { stage: "score", model: { ...run.model, clustering }, cursor: null, progress: { stage: "score", done: 0, total: run.customers } };
    }
    case "score": {
      const model = run.model as unknown as FittedModels & { clustering: Clustering };
      const { last, scored } = await scoreChunk(tx, context, model, model.clustering, run.cursor, CHUNK);
      if (last === null) return { stage: "rules", progress: { stage: "rules", done: 0, total: 1 } };
      return { cursor: last, progress: { stage: "score", done: run.progress.done + scored, total: run.customers } };
    }
    case "rules": {
      const rules = await mineRules(tx, context);
      return { stage: "compare", model: { ...run.model, rules }, progress: { stage: "compare", done: 0, total: 1 } };
    }
    case "compare": {
      const transitions = await compareWithPrevious(tx, context);
      return { stage: "finished", status: "done", finishedAt: new Date(), diagnostics: { ...run.diagnostics, thresholds: DATA_THRESHOLDS, transitions }, progress: { stage: "finished", done: 1, total: 1 } };
    }
    case "finished":
      return { status: "done" };
  }
}

/**
 * Advances a segmentation run through its stages (RFM in SQL, model fits, clustering, scoring in
 * chunks, association rules, comparison with the last run), each step in its own transaction
 * holding the run's row, so a repeated message cannot run a step twice and a crash resumes at
 * the step that failed. After its time budget an invocation queues the rest and returns.
 */
export async function advanceRun(db: Database, jobs: Queue<JobMessage>, tenantId: string, runId: string, log: Logger): Promise<void> {
  const started = Date.now();
  try {
    for (;;) {
      const step: Step = await withTenant(db, tenantId, async (tx) => {
        const [run] = await tx.select().from(segmentationRuns).where(eq(segmentationRuns.id, runId)).for("update");
        if (!run || run.status === "done" || run.status === "failed") return "stop";
        const [tenant] = await tx.select({ timeZone: tenants.timezone, currency: tenants.currency }).from(tenants);
        const begin = run.status === "queued" ? { status: "running" as const, startedAt: new Date(), ...(run.trigger === "manual" ? {} : { asOf: new Date() }) } : {};
        const current = { ...run, ...begin };
        const stepStarted = Date.now();
        const change = await runStep(tx, current, { tenantId, runId, asOf: current.asOf, timeZone: tenant!.timeZone, currency: tenant!.currency });
        const diagnostics = withStageTime(change.diagnostics ?? current.diagnostics, current.stage, Date.now() - stepStarted);
        await tx.update(segmentationRuns).set({ ...begin, ...change, diagnostics, error: null }).where(eq(segmentationRuns.id, runId));
        return change.status === "done" ? "stop" : "continue";
      });
      if (step === "stop") return;
      if (Date.now() - started > BUDGET_MS) {
        await jobs.send({ kind: "segmentation.run", tenantId, runId });
        return;
      }
    }
  } catch (error) {
    log.warn("segmentation step failed", { runId, error: describeError(error) });
    await withTenant(db, tenantId, (tx) => tx.update(segmentationRuns).set({ error: "a step failed; it will be retried" }).where(eq(segmentationRuns.id, runId)));
    throw error;
  }
}

/** After the last retry: the run is failed, its last error kept. */
export async function failRun(db: Database, tenantId: string, runId: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.update(segmentationRuns).set({ status: "failed", finishedAt: new Date(), error: sql`coalesce(${segmentationRuns.error}, 'failed')` }).where(sql`${segmentationRuns.id} = ${runId} and ${segmentationRuns.status} <> 'done'`),
  );
}
