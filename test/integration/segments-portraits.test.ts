import { beforeAll, describe, expect, it } from "vitest";
import { segmentationRuns } from "../../src/db/schema/index.ts";
import type { Actor } from "../../src/platform/actor.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { portraitOfCustomer } from "../../src/segments/portraits/customer-portrait.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer } from "../harness/fixture.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { insertScoredRun } from "../harness/segments.ts";

type Tag = { tag: string; weight: number; kind: string };
type Portrait = { customerId: string; runId: string | null; asOf: string | null; tags: Tag[] };
type Groups = { runId: string; by: string; groups: Array<{ key: string; label: string; customers: number; share: number; tags: Tag[] }> };

const CLUSTERING = {
  status: "ok",
  k: 2,
  means: [],
  sds: [],
  centroids: [],
  candidates: [],
  descriptions: [
    { cluster: 0, size: 6, traits: [{ feature: "monetary", z: 1.5, word: "high spend" }], label: "high spend" },
    { cluster: 1, size: 4, traits: [{ feature: "recency", z: 2, word: "lapsed" }], label: "lapsed" },
  ],
};

async function order(owner: Account, customerId: string, lines: Array<{ title: string; quantity: number; unitPrice: number }>, status?: string): Promise<void> {
  const body = { customerId, source: "shop", externalId: `#${crypto.randomUUID().slice(0, 8)}`, currency: "GBP", orderedAt: new Date(Date.now() - 86_400_000).toISOString(), lines };
  const created = await expectJson<{ id: string }>(await call("POST", "/v1/orders", { token: owner.tokens.accessToken, body }), 201);
  if (status === "cancelled") await expectJson(await call("POST", `/v1/orders/${created.id}/cancel`, { token: owner.tokens.accessToken, body: { reason: "Changed mind" } }));
}

describe("portraits", () => {
  let owner: Account;
  let token: string;
  let ids: string[];
  let runId: string;

  beforeAll(async () => {
    owner = await signUp();
    token = owner.tokens.accessToken;
    ids = [];
    for (let n = 0; n < 11; n++) ids.push(await insertCustomer(owner.tenantId, `Customer ${n}`));
    await order(owner, ids[0]!, [{ title: "Teapot", quantity: 2, unitPrice: 1500 }, { title: "Mug", quantity: 1, unitPrice: 500 }]);
    await order(owner, ids[0]!, [{ title: "Cancelled vase", quantity: 1, unitPrice: 90_000 }], "cancelled");
    await order(owner, ids[1]!, [{ title: "Mug", quantity: 4, unitPrice: 500 }]);
    await order(owner, ids[10]!, [{ title: "Candle", quantity: 1, unitPrice: 800 }]);
    runId = await insertScoredRun(
      owner.tenantId,
      ids.slice(0, 10).map((customerId, n) => ({
        customerId,
        segment: n < 7 ? "At risk" : "Champions",
        clvMinor: n === 0 ? 50_000 : 100 + n,
        cluster: n < 6 ? 0 : 1,
        loyalty: n === 0 ? "inertia" : "unknown",
        pAlive: n === 0 ? 0.2 : 0.5,
      })),
      new Date(),
      { clustering: CLUSTERING },
    );
  });

  it("draws a customer's portrait from the latest run's scores and their purchases, heaviest first", async () => {
    const portrait = await expectJson<Portrait>(await call("GET", `/v1/customers/${ids[0]}/portrait`, { token }));
    expect(portrait).toMatchObject({ customerId: ids[0], runId });
    expect(portrait.tags).toEqual([
      { tag: "At risk", weight: 1, kind: "segment" },
      { tag: "top value", weight: 0.9, kind: "value" },
      { tag: "inertia loyalty", weight: 0.8, kind: "loyalty" },
      { tag: "Teapot", weight: 0.65, kind: "product" },
      { tag: "high spend", weight: 0.64, kind: "cluster" },
      { tag: "likely lapsed", weight: 0.64, kind: "activity" },
      { tag: "Mug", weight: 0.11, kind: "product" },
    ]);
    const modest = await expectJson<Portrait>(await call("GET", `/v1/customers/${ids[1]}/portrait`, { token }));
    expect(modest.tags.map((tag) => tag.tag)).toEqual(["At risk", "low value", "Mug", "high spend"]);
  });

  it("still shows what an unscored customer bought, and 404s for a customer of another tenant or none", async () => {
    const unscored = await expectJson<Portrait>(await call("GET", `/v1/customers/${ids[10]}/portrait`, { token }));
    expect(unscored).toEqual({ customerId: ids[10], runId: null, asOf: null, tags: [{ tag: "Candle", weight: 0.65, kind: "product" }] });
    const stranger = await signUp();
    await expectProblem(await call("GET", `/v1/customers/${ids[0]}/portrait`, { token: stranger.tokens.accessToken }), 404);
    await expectProblem(await call("GET", `/v1/customers/${crypto.randomUUID()}/portrait`, { token }), 404);
    await expectProblem(await call("GET", "/v1/customers/not-an-id/portrait", { token }), 400, "param.customerId");
  });

  it("takes feedback keywords from the registered feedback sources", async () => {
    const actor: Actor = { kind: "secret_key", tenantId: owner.tenantId, role: "admin", keyId: "test", origin: { ip: null, userAgent: null } };
    const answers = { name: "answers", texts: async () => ["Delivery was slow", "Slow delivery again", "Lovely teapot"].map((text) => ({ text, language: "en" })) };
    const portrait = await withDatabase((db) => portraitOfCustomer(db, actor, ids[0]!, [answers]));
    expect(portrait.tags.filter((tag) => tag.kind === "feedback")).toEqual([
      { tag: "delivery", weight: 0.6, kind: "feedback" },
      { tag: "slow", weight: 0.6, kind: "feedback" },
      { tag: "lovely", weight: 0.3, kind: "feedback" },
    ]);
    expect(portrait.tags.find((tag) => tag.tag.toLowerCase() === "teapot")).toEqual({ tag: "Teapot", weight: 0.65, kind: "product" });
  });

  it("portrays a run's segments and clusters: name, traits, mixes by share, members' products", async () => {
    const bySegment = await expectJson<Groups>(await call("GET", `/v1/segmentation/runs/${runId}/portraits`, { token }));
    expect(bySegment.by).toBe("segment");
    expect(bySegment.groups.map((group) => [group.key, group.customers, group.share])).toEqual([["At risk", 7, 0.7], ["Champions", 3, 0.3]]);
    const atRisk = bySegment.groups[0]!;
    expect(atRisk.tags.slice(0, 3)).toEqual([
      { tag: "At risk", weight: 1, kind: "segment" },
      { tag: "high spend", weight: 0.73, kind: "cluster" },
      { tag: "Teapot", weight: 0.65, kind: "product" },
    ]);
    expect(atRisk.tags.map((tag) => tag.tag)).toEqual(expect.arrayContaining(["lapsed", "Mug", "low value"]));
    expect(atRisk.tags.map((tag) => tag.tag)).not.toContain("Cancelled vase");

    const byCluster = await expectJson<Groups>(await call("GET", `/v1/segmentation/runs/${runId}/portraits?by=cluster`, { token }));
    expect(byCluster.groups.map((group) => [group.key, group.label, group.customers])).toEqual([["0", "high spend", 6], ["1", "lapsed", 4]]);
    expect(byCluster.groups[1]!.tags.slice(0, 2)).toEqual([
      { tag: "lapsed", weight: 0.85, kind: "cluster" },
      { tag: "Champions", weight: 0.75, kind: "segment" },
    ]);
  });

  it("answers a bad grouping with 400, an unknown run with 404 and an unfinished one with 409", async () => {
    await expectProblem(await call("GET", `/v1/segmentation/runs/${runId}/portraits?by=colour`, { token }), 400, "query.by");
    await expectProblem(await call("GET", `/v1/segmentation/runs/${crypto.randomUUID()}/portraits`, { token }), 404);
    const queued = await withDatabase((db) =>
      withTenant(db, owner.tenantId, async (tx) => (await tx.insert(segmentationRuns).values({ tenantId: owner.tenantId, trigger: "manual", asOf: new Date() }).returning({ id: segmentationRuns.id }))[0]!.id),
    );
    await expectProblem(await call("GET", `/v1/segmentation/runs/${queued}/portraits`, { token }), 409);
  });
});
