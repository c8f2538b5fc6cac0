import { customerScores, segmentationRuns } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { withDatabase } from "./database.ts";

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
