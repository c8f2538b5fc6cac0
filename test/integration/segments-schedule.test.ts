import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { segmentationRuns } from "../../src/db/schema/index.ts";
import worker from "../../src/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer, insertOrder } from "../harness/fixture.ts";
import { expectJson } from "../harness/responses.ts";

type Run = { id: string; trigger: string; status: string; diagnostics: { timings?: Record<string, number> } };

async function runsOf(account: Account): Promise<Run[]> {
  return (await expectJson<{ items: Run[] }>(await call("GET", "/v1/segmentation/runs", { token: account.tokens.accessToken }))).items;
}

/** The nightly job for these tenants only, so the rest of the suite's tenants are not run. */
async function runNightly(id: string, tenants: Account[]): Promise<void> {
  const batch = createMessageBatch("ckm-jobs", [{ id, timestamp: new Date(), attempts: 1, body: { kind: "nightly.run", scheduledAt: new Date().toISOString(), tenantIds: tenants.map((t) => t.tenantId) } }]);
  await worker.queue(batch, env);
  expect((await getQueueResult(batch, createExecutionContext())).explicitAcks).toEqual([id]);
}

describe("the nightly segmentation runs", () => {
  it("requests a run for every tenant with orders, none for a tenant without, and none beside a run waiting or under way", async () => {
    const shop = await signUp("Night Shop");
    const empty = await signUp("No Orders Yet");
    const waiting = await signUp("Busy Shop");
    const running = await signUp("Running Shop");
    await insertOrder(shop.tenantId, await insertCustomer(shop.tenantId));
    await insertCustomer(empty.tenantId);
    await insertOrder(waiting.tenantId, await insertCustomer(waiting.tenantId));
    const waitingRunId = await withDatabase((db) =>
      withTenant(db, waiting.tenantId, async (tx) => {
        const [run] = await tx.insert(segmentationRuns).values({ tenantId: waiting.tenantId, trigger: "data_change", asOf: new Date(Date.now() + 600_000) }).returning({ id: segmentationRuns.id });
        return run!.id;
      }),
    );

    await insertOrder(running.tenantId, await insertCustomer(running.tenantId));
    const runningRunId = await withDatabase((db) =>
      withTenant(db, running.tenantId, async (tx) => {
        const [run] = await tx.insert(segmentationRuns).values({ tenantId: running.tenantId, trigger: "manual", status: "running", asOf: new Date() }).returning({ id: segmentationRuns.id });
        return run!.id;
      }),
    );

    await runNightly("night-1", [shop, empty, waiting, running]);

    const scheduled = await runsOf(shop);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.trigger).toBe("schedule");
    expect(await runsOf(empty)).toEqual([]);
    expect((await runsOf(waiting)).map((run) => [run.id, run.trigger])).toEqual([[waitingRunId, "data_change"]]);
    expect((await runsOf(running)).map((run) => run.id)).toEqual([runningRunId]);

    // The scheduled run goes through the queue like any other and finishes.
    let run = scheduled[0]!;
    for (let attempt = 0; attempt < 240 && run.status !== "done" && run.status !== "failed"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      run = await expectJson<Run>(await call("GET", `/v1/segmentation/runs/${run.id}`, { token: shop.tokens.accessToken }));
    }
    expect(run.status).toBe("done");
    // Each stage's time is recorded, for the dashboard and the benchmark.
    expect(Object.keys(run.diagnostics.timings ?? {}).sort()).toEqual(["cluster", "compare", "fit", "rfm", "rules", "score"]);
    expect(Object.values(run.diagnostics.timings!).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
  });
});
