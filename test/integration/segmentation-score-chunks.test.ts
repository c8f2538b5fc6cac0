import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customerScores } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import type { Clustering } from "../../src/segments/stages/cluster.ts";
import type { FittedModels } from "../../src/segments/stages/fit.ts";
import { scoreChunk } from "../../src/segments/stages/score.ts";
import { signUp } from "../harness/accounts.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer } from "../harness/fixture.ts";
import { insertScoredRun } from "../harness/segments.ts";

const MODELS: FittedModels = {
  timeUnit: "week",
  bgNbd: { status: "ok", params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, timeUnit: "week", logLikelihood: -1, iterations: 1, converged: true, customers: 7, distinctHistories: 1 },
  gammaGamma: { status: "ok", params: { p: 6, q: 4, v: 15 }, logLikelihood: -1, iterations: 1, converged: true, customers: 7, frequencySpend: { correlation: 0, customers: 7, warning: null } },
  secondOrder: { status: "insufficient", reason: "few one-time buyers" },
};
const NO_CLUSTERS: Clustering = { status: "insufficient", reason: "few customers" };

describe("scoring a run in chunks", () => {
  it("scores every customer once across chunks, each chunk only its own rows, and reports the end", async () => {
    const owner = await signUp();
    const customerIds: string[] = [];
    for (let i = 0; i < 7; i++) customerIds.push(await insertCustomer(owner.tenantId, `Customer ${i}`));
    const runId = await insertScoredRun(owner.tenantId, customerIds.map((customerId) => ({ customerId, segment: "Loyal" })));
    const run = { tenantId: owner.tenantId, runId, asOf: new Date(), timeZone: "UTC", currency: "GBP" };

    await withDatabase((db) =>
      withTenant(db, owner.tenantId, async (tx) => {
        const scoreRows = () => tx.select({ id: customerScores.customerId, loyalty: customerScores.loyalty }).from(customerScores).where(eq(customerScores.runId, runId)).orderBy(asc(customerScores.customerId));
        const ordered = (await scoreRows()).map((row) => row.id);
        const scoredIds = async () => (await scoreRows()).filter((row) => row.loyalty !== null).map((row) => row.id);

        const first = await scoreChunk(tx, run, MODELS, NO_CLUSTERS, null, 3);
        expect(first).toEqual({ last: ordered[2], scored: 3 });
        expect(await scoredIds()).toEqual(ordered.slice(0, 3));

        const second = await scoreChunk(tx, run, MODELS, NO_CLUSTERS, first.last, 3);
        expect(second).toEqual({ last: ordered[5], scored: 3 });
        expect(await scoredIds()).toEqual(ordered.slice(0, 6));

        const third = await scoreChunk(tx, run, MODELS, NO_CLUSTERS, second.last, 3);
        expect(third).toEqual({ last: ordered[6], scored: 1 });
        expect(await scoreChunk(tx, run, MODELS, NO_CLUSTERS, third.last, 3)).toEqual({ last: null, scored: 0 });

        const rows = await tx.select().from(customerScores).where(eq(customerScores.runId, runId));
        expect(rows).toHaveLength(7);
        for (const row of rows) {
          expect(row.pAlive).toBeGreaterThan(0);
          expect(row.expected365).toBeGreaterThan(0);
          expect(row.clvMinor).toBeGreaterThan(0);
          expect(row.tags?.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
