import { beforeAll, describe, expect, it } from "vitest";
import { orders } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer } from "../harness/fixture.ts";
import { expectJson } from "../harness/responses.ts";
import { runToEnd } from "../harness/segments.ts";
import { insertCustomerResponse, publishedSurvey, sampleDefinition } from "../harness/surveys.ts";

type Run = { id: string; status: string; asOf: string; progress: { stage: string } };
type Score = { runId: string; customerId: string; loyalty: string | null; tags: Array<{ tag: string; weight: number }> };

const DAY = 86_400_000;
/** The run looks back from five days ago, so answers given since are after its as-of date. */
const AS_OF = new Date(Date.now() - 5 * DAY);
const before = (days: number) => new Date(AS_OF.getTime() - days * DAY);
/** Four orders over most of a year: repeat purchase is high. */
const REGULAR = [300, 200, 100, 20];
/** One order long enough ago to judge: repeat purchase is low. */
const ONCE = [200];

/** A survey whose NPS and CSAT questions have ids of their own: answers are known by question type. */
function ownIdsDefinition() {
  return {
    ...sampleDefinition(),
    questions: [
      { id: "recommend", type: "nps", text: { en: "Would you recommend us?" }, required: false },
      { id: "satisfied", type: "csat", text: { en: "Are you satisfied?" }, required: false },
    ],
  };
}

async function insertOrders(tenantId: string, customerId: string, daysBefore: number[]): Promise<void> {
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) =>
      tx.insert(orders).values(daysBefore.map((days) => ({ tenantId, customerId, source: "test", status: "paid" as const, currency: "EUR", totalMinor: 2500, orderedAt: before(days) }))),
    ),
  );
}

describe("loyalty types in a segmentation run", () => {
  let owner: Account;
  const expected = new Map<string, { name: string; loyalty: string }>();

  beforeAll(async () => {
    owner = await signUp();
    const sample = await publishedSurvey(owner);
    const ownIds = await publishedSurvey(owner, ownIdsDefinition());
    /** A customer with these orders and answers (each `[surveyId, answers, days before the as-of date, status?]`). */
    const customer = async (name: string, loyalty: string, purchases: number[], answers: Array<[string, Record<string, unknown>, number, ("partial" | "complete")?]> = []) => {
      const customerId = await insertCustomer(owner.tenantId, name);
      await insertOrders(owner.tenantId, customerId, purchases);
      for (const [surveyId, given, days, status] of answers) await insertCustomerResponse(owner.tenantId, { surveyId, customerId, answers: given, completedAt: before(days), status });
      expected.set(customerId, { name, loyalty });
    };
    const why = { why: "Delivery was slow" };

    for (const [n, nps] of [9, 10, 10, 9].entries()) await customer(`Promoter ${n + 1} (${nps})`, "super-value", REGULAR, [[sample, { nps, channel: { choice: "friend" } }, 30]]);
    await customer("Promoter, unhappy with one order", "super-value", REGULAR, [[sample, { nps: 10, csat: 1 }, 30]]);
    for (const nps of [0, 3, 6]) await customer(`Detractor (${nps})`, "inertia", REGULAR, [[sample, { nps, ...why }, 30]]);
    await customer("Passive, satisfied", "inertia", REGULAR, [[sample, { nps: 8, csat: 5 }, 30]]);
    await customer("Satisfied, no NPS", "super-value", REGULAR, [[ownIds, { satisfied: 4 }, 30]]);
    await customer("Dissatisfied, no NPS", "inertia", REGULAR, [[ownIds, { satisfied: 2 }, 30]]);
    await customer("Promoter under another question id", "super-value", REGULAR, [[ownIds, { recommend: 10 }, 30]]);
    await customer("Soured lately", "inertia", REGULAR, [[sample, { nps: 10 }, 90], [sample, { nps: 3, ...why }, 10]]);
    await customer("Won over lately", "super-value", REGULAR, [[sample, { nps: 3, ...why }, 90], [ownIds, { recommend: 9 }, 10]]);
    await customer("Soured after the as-of date", "super-value", REGULAR, [[sample, { nps: 10 }, 60], [sample, { nps: 0, ...why }, -3]]);
    await customer("Answered only after the as-of date", "unknown", REGULAR, [[sample, { nps: 10 }, -3]]);
    await customer("Left a promoter's answer unfinished", "unknown", REGULAR, [[sample, { nps: 10 }, 30, "partial"]]);
    await customer("Promoter who bought once", "latent", ONCE, [[sample, { nps: 9 }, 30]]);
    await customer("Detractor who bought once", "price", ONCE, [[sample, { nps: 4, ...why }, 30]]);
    await customer("New promoter", "unknown", [40, 5], [[sample, { nps: 10 }, 2]]);
    for (let n = 1; n <= 4; n++) await customer(`Silent regular ${n}`, "unknown", REGULAR);
    await customer("Silent one-off", "unknown", ONCE);
  });

  it("classifies each customer from their latest NPS or CSAT answer up to the as-of date and their repeat purchases", { timeout: 120_000 }, async () => {
    const run = await runToEnd<Run>(owner, { asOf: AS_OF.toISOString() });
    expect(run.status).toBe("done");
    const found = new Map<string, { name: string; loyalty: string | null }>();
    for (const [customerId, { name }] of expected) {
      const score = await expectJson<Score>(await call("GET", `/v1/customers/${customerId}/scores`, { token: owner.tokens.accessToken }));
      expect(score.runId).toBe(run.id);
      found.set(customerId, { name, loyalty: score.loyalty });
      if (score.loyalty !== "unknown") expect(score.tags, name).toContainEqual({ tag: `${score.loyalty} loyalty`, weight: 0.8 });
    }
    expect([...found.values()]).toEqual([...expected.values()]);
  });
});
