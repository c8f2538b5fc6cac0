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
import { clearScores, countOtherCurrencies, measureCustomers } from "./stages/rfm.ts";
import { scoreChunk } from "./stages/score.ts";
import { describeError } from "../platform/error-text.ts";

/** Work one invocation does before handing the rest to the next queue message, well inside Workers' limits. */
const BUDGET_MS = 20_000;
const CHUNK = 10_000;

type Step = "continue" | "stop";

/** Adds a step's milliseconds per stage to the totals in `diagnostics.timings`, so a run shows where its time went. */
function withStageTimes(diagnostics: Record<string, unknown>, times: Record<string, number>): Record<string, unknown> {
  const timings = { ...(diagnostics.timings as Record<string, number> | undefined) };
  for (const [stage, ms] of Object.entries(times)) timings[stage] = (timings[stage] ?? 0) + ms;
  return { ...diagnostics, timings };
}

/** Runs `work` and adds its milliseconds to `stage` in `times`. */
async function timed<T>(times: Record<string, number>, stage: string, work: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    times[stage] = (times[stage] ?? 0) + Date.now() - started;
  }
}

async function runStep(tx: Transaction, run: RunRow, context: RunContext, times: Record<string, number>): Promise<Partial<typeof segmentationRuns.$inferInsert>> {
  switch (run.stage) {
    case "rfm":
    case "fit":
    case "cluster": {
      // Measuring, fitting and clustering share one step: the models are fitted on what the
      // measuring statement read, which is not kept between steps.
      const { measures, otherCurrencies } = await timed(times, "rfm", async () => {
        await clearScores(tx, context);
        return { measures: await measureCustomers(tx, context), otherCurrencies: await countOtherCurrencies(tx, context) };
      });
      const models = await timed(times, "fit", () => fitModels(measures));
      const clustering = await timed(times, "cluster", () => clusterCustomers(measures.sample));
      return {
        stage: "score",
        customers: measures.customers,
        model: { ...run.model, ...models, clustering },
        diagnostics: { ...run.diagnostics, otherCurrencies },
        cursor: null,
        progress: { stage: "score", done: 0, total: measures.customers },
      };
    }
    case "score": {
      const model = run.model as unknown as FittedModels & { clustering: Clustering };
      const { last, scored } = await timed(times, "score", () => scoreChunk(tx, context, model, model.clustering, run.cursor, CHUNK));
      if (last === null) return { stage: "rules", progress: { stage: "rules", done: 0, total: 1 } };
      return { cursor: last, progress: { stage: "score", done: run.progress.done + scored, total: run.customers } };
    }
    case "rules": {
      const rules = await timed(times, "rules", () => mineRules(tx, context));
      return { stage: "compare", model: { ...run.model, rules }, progress: { stage: "compare", done: 0, total: 1 } };
    }
    case "compare": {
      const transitions = await timed(times, "compare", () => compareWithPrevious(tx, context));
      return { stage: "finished", status: "done", finishedAt: new Date(), diagnostics: { ...run.diagnostics, thresholds: DATA_THRESHOLDS, transitions }, progress: { stage: "finished", done: 1, total: 1 } };
    }
    case "finished":
      return { status: "done" };
  }
}

/**
 * Advances a segmentation run through its stages (RFM in SQL, with model fits and clustering
 * on what that statement read, all in one step; scoring in chunks; association
 * rules; comparison with the last run), each step in its own transaction
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
        const times: Record<string, number> = {};
        const change = await runStep(tx, current, { tenantId, runId, asOf: current.asOf, timeZone: tenant!.timeZone, currency: tenant!.currency }, times);
        const diagnostics = withStageTimes(change.diagnostics ?? current.diagnostics, times);
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
