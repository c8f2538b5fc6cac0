import { customerScores, segmentationRuns } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import type { Account } from "./accounts.ts";
import { call } from "./api.ts";
import { withDatabase } from "./database.ts";
import { expectJson } from "./responses.ts";

/** What a test says about one customer's scores; the rest gets plain defaults. */
export type ScoreSeed = { customerId: string; segment: string; clvMinor?: number | null; cluster?: number | null; loyalty?: string | null; pAlive?: number | null; tags?: Array<{ tag: string; weight: number }> };

/** A finished run, written straight to the database, that finished `finishedAt`, with these scores. */
export async function insertScoredRun(tenantId: string, scores: ScoreSeed[], finishedAt = new Date(), model: Record<string, unknown> = {}): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [run] = await tx
        .insert(segmentationRuns)
        .values({ tenantId, trigger: "manual", status: "done", stage: "finished", asOf: finishedAt, customers: scores.length, finishedAt, model })
        .returning({ id: segmentationRuns.id });
      const day = new Date(finishedAt.getTime() - 30 * 86_400_000);
      if (scores.length) {
        await tx.insert(customerScores).values(
          scores.map((score) => ({
            tenantId, runId: run!.id, customerId: score.customerId, orders: 3, purchaseDays: 3, txDays: 20, ageDays: 30, firstOrderAt: day, lastOrderAt: day,
            recencyDays: 10, monetaryMinor: 5000, repeatSpendMinor: 3000, r: 3, f: 3, m: 3, segment: score.segment,
            clvMinor: score.clvMinor ?? null, cluster: score.cluster ?? null, loyalty: score.loyalty ?? null, pAlive: score.pAlive ?? null, tags: score.tags ?? null,
          })),
        );
      }
      return run!.id;
    }),
  );
}

/**
 * A segmentation run started through the API (`body`: its optional `asOf`) and followed until
 * the queue has taken it to the end; returns the finished (or failed) run.
 */
export async function runToEnd<Run extends { id: string; status: string; progress: { stage: string } }>(owner: Account, body: Record<string, unknown> = {}): Promise<Run> {
  const token = owner.tokens.accessToken;
  const started = await expectJson<Run>(await call("POST", "/v1/segmentation/runs", { token, body }), 202);
  const stages = new Set<string>();
  for (let attempt = 0; attempt < 2400; attempt++) {
    const run = await expectJson<Run>(await call("GET", `/v1/segmentation/runs/${started.id}`, { token }));
    stages.add(run.progress.stage);
    if (run.status === "done" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`run ${started.id} did not finish; stages seen: ${[...stages].join(", ")}`);
}
