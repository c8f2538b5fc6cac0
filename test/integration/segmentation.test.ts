import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { insertCustomer, insertOrder } from "../harness/fixture.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { runToEnd } from "../harness/segments.ts";

type Run = {
  id: string;
  status: string;
  stage: string;
  customers: number;
  progress: { stage: string; done: number; total: number };
  model: { timeUnit: string; bgNbd: { status: string; params?: Record<string, number>; reason?: string; penalty?: number }; gammaGamma: { status: string; params?: Record<string, number> }; clusters: { k: number; descriptions: Array<{ label: string; size: number }> }; rules: { baskets: number; rules: Array<{ antecedent: string[]; consequent: string[]; lift: number; confidence: number; support: number }> } };
  diagnostics: { bgNbd: { converged: boolean; iterations: number; logLikelihood: number; distinctHistories: number }; transitions?: { previousRunId: string | null; counts: Array<{ from: string; to: string; customers: number }> }; thresholds: Record<string, unknown> };
};
type Score = { runId: string; customerId: string; segment: string; r: number; f: number; m: number; pAlive: number | null; churnRisk: number | null; clvMinor: number | null; cluster: number | null; expectedPurchases: { days30: number | null; days365: number | null }; tags: Array<{ tag: string; weight: number }> };

async function importSample(owner: Account): Promise<void> {
  const token = owner.tokens.accessToken;
  const created = await expectJson<{ import: { id: string } }>(
    await call("POST", "/v1/imports?source=uci&currency=GBP&timeZone=Europe/London", { token, raw: { body: inject("sampleCsv"), contentType: "text/csv" } }),
    201,
  );
  await expectJson(await call("POST", `/v1/imports/${created.import.id}/run`, { token }), 202);
  for (let attempt = 0; attempt < 2400; attempt++) {
    const current = await expectJson<{ status: string }>(await call("GET", `/v1/imports/${created.import.id}`, { token }));
    if (current.status === "done") return;
    if (current.status === "failed") throw new Error("the import failed");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the import did not finish");
}

describe("segmentation runs on the UCI Online Retail sample", () => {
  it("scores every customer through the queue: RFM segments, fitted models, clusters, rules, and the comparison with the last run", { timeout: 900_000 }, async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    await expectJson(await call("PATCH", "/v1/settings", { token, body: { currency: "GBP", timezone: "Europe/London" } }));
    await importSample(owner);
    const run = await runToEnd<Run>(owner, { asOf: "2011-12-10T00:00:00Z" });
    expect(run).toMatchObject({ status: "done", stage: "finished", customers: 3579, model: { timeUnit: "week", bgNbd: { status: "ok" }, gammaGamma: { status: "ok" } } });
    expect(run.diagnostics.bgNbd.converged).toBe(true);
    expect(run.model.bgNbd.penalty).toBeGreaterThanOrEqual(0);
    expect(run.diagnostics.bgNbd.distinctHistories).toBeLessThan(3579);
    for (const value of Object.values(run.model.bgNbd.params!)) expect(value).toBeGreaterThan(0);
    expect(run.model.clusters.k).toBeGreaterThanOrEqual(2);
    expect(run.model.clusters.descriptions.reduce((sum, cluster) => sum + cluster.size, 0)).toBeGreaterThan(0);
    expect(run.model.rules.rules.length).toBeGreaterThan(0);
    expect(run.model.rules.rules[0]!.lift).toBeGreaterThan(1);
    expect(run.diagnostics.transitions?.previousRunId).toBeNull();

    const scores: Score[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page = await expectJson<{ items: Score[]; nextCursor: string | null }>(await call("GET", `/v1/segmentation/runs/${run.id}/scores?limit=500${query}`, { token }));
      scores.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(scores).toHaveLength(3579);
    expect(new Set(scores.map((score) => score.segment)).size).toBeGreaterThanOrEqual(8);
    expect(scores.every((score) => score.pAlive !== null && score.pAlive >= 0 && score.pAlive <= 1)).toBe(true);
    expect(scores.every((score) => score.churnRisk !== null && score.cluster !== null && score.tags.length > 0)).toBe(true);
    expect(scores.filter((score) => score.clvMinor !== null).length).toBeGreaterThan(3000);
    const champion = scores.find((score) => score.segment === "Champions")!;
    expect(champion).toMatchObject({ r: 5 });
    expect(champion.expectedPurchases.days365!).toBeGreaterThan(scores.find((score) => score.segment === "Lost")!.expectedPurchases.days365!);

    const one = await expectJson<Score & { asOf: string }>(await call("GET", `/v1/customers/${champion.customerId}/scores`, { token }));
    expect(one).toMatchObject({ runId: run.id, segment: "Champions", asOf: "2011-12-10T00:00:00.000Z" });

    const later = await runToEnd<Run>(owner);
    expect(later.status).toBe("done");
    expect(later.diagnostics.transitions?.previousRunId).toBe(run.id);
    expect(later.diagnostics.transitions!.counts.reduce((sum, cell) => sum + cell.customers, 0)).toBe(3579);
  });

  it("reports honest 'not enough data' states for a small tenant instead of a fit", async () => {
    const owner = await signUp();
    await expectJson(await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { currency: "GBP" } }));
    const customer = await insertCustomer(owner.tenantId, "Only Customer");
    await insertOrder(owner.tenantId, customer);
    const run = await runToEnd<Run>(owner);
    expect(run).toMatchObject({ status: "done", customers: 1, model: { bgNbd: { status: "insufficient" }, gammaGamma: { status: "insufficient" } } });
    expect(run.model.bgNbd.reason).toMatch(/customers/);
    const page = await expectJson<{ items: Score[] }>(await call("GET", `/v1/segmentation/runs/${run.id}/scores`, { token: owner.tokens.accessToken }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ pAlive: null, clvMinor: null, segment: expect.any(String) });
  });

  it("refuses an as-of date in the future, an unknown segment filter and another tenant's run", async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    await expectProblem(await call("POST", "/v1/segmentation/runs", { token, body: { asOf: "2999-01-01T00:00:00Z" } }), 400, "json.asOf");
    const run = await runToEnd<Run>(owner);
    await expectProblem(await call("GET", `/v1/segmentation/runs/${run.id}/scores?segment=Heroes`, { token }), 400, "query.segment");
    const other = await signUp();
    await expectProblem(await call("GET", `/v1/segmentation/runs/${run.id}`, { token: other.tokens.accessToken }), 404);
  });
});
