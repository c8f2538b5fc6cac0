import { beforeAll, describe, expect, it } from "vitest";
import { surveyResponses } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { addMember, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { insertCustomer, insertRun } from "../harness/fixture.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { publishedSurvey } from "../harness/surveys.ts";

type Scores = { responses: number; nps: { nps: number | null; promoters: number; detractors: number; interval: { low: number; high: number } | null } | null; csat: { csat: number | null } | null };
type Results = Scores & {
  questions: Array<{ id: string; answered: number; distribution: Array<{ value: string; count: number }>; other?: number; keywords?: Array<{ term: string; count: number }> }>;
  trend: Array<Scores & { period: string }>;
  byLanguage: Array<Scores & { language: string }>;
  bySegment: Array<Scores & { segment: string }>;
};

describe("survey results and export", () => {
  let owner: Account;
  let analyst: Account;
  let viewer: Account;
  let surveyId: string;
  let champion: string;
  beforeAll(async () => {
    owner = await signUp();
    [analyst, viewer] = [await addMember(owner, "analyst"), await addMember(owner, "viewer")];
    surveyId = await publishedSurvey(owner);
    champion = await insertCustomer(owner.tenantId, "Scored Sue");
    await insertRun(owner.tenantId, champion);
    const response = (n: number, at: string, language: string, answers: Record<string, unknown>, extra: Partial<typeof surveyResponses.$inferInsert> = {}) => ({
      tenantId: owner.tenantId, id: crypto.randomUUID(), surveyId, version: 1, visitorId: `v_results_${n}`, language, answers, status: "complete" as const,
      startedAt: new Date(at), completedAt: new Date(at), ...extra,
    });
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) =>
        tx.insert(surveyResponses).values([
          response(1, "2026-10-05T10:00:00Z", "en", { nps: 10, channel: { choice: "friend" }, csat: 5 }, { customerId: champion }),
          response(2, "2026-10-20T10:00:00Z", "en", { nps: 9, channel: { other: "podcast" }, csat: 4 }),
          response(3, "2026-11-03T10:00:00Z", "zh-CN", { nps: 3, why: "送货速度太慢了", csat: 2 }),
          response(4, "2026-11-10T10:00:00Z", "zh-CN", { nps: 0, why: "客服态度很好，但是送货太慢" }),
          response(5, "2026-11-12T10:00:00Z", "en", { nps: 8 }, { status: "partial", completedAt: null }),
        ]),
      ),
    );
  });
  const results = (query = "", token = analyst.tokens.accessToken) => call("GET", `/v1/surveys/${surveyId}/results${query}`, { token });

  it("lists each survey with its count of completed responses", async () => {
    const list = await expectJson<{ items: Array<{ id: string; responses: number }> }>(await call("GET", "/v1/surveys", { token: analyst.tokens.accessToken }));
    expect(list.items.find((item) => item.id === surveyId)?.responses).toBe(4);
  });

  it("computes NPS with its interval, CSAT top-box, distributions and keywords over completed responses", async () => {
    const body = await expectJson<Results>(await results());
    expect(body.responses).toBe(4);
    expect(body.nps).toMatchObject({ nps: 0, promoters: 2, detractors: 2 });
    expect(body.nps!.interval!.low).toBeLessThan(0);
    expect(body.nps!.interval!.high).toBeGreaterThan(0);
    expect(body.csat!.csat).toBeCloseTo(200 / 3, 5);
    const nps = body.questions.find((q) => q.id === "nps")!;
    expect(nps.distribution.filter((d) => d.count > 0)).toEqual([{ value: "0", count: 1 }, { value: "3", count: 1 }, { value: "9", count: 1 }, { value: "10", count: 1 }]);
    const channel = body.questions.find((q) => q.id === "channel")!;
    expect(channel).toMatchObject({ answered: 2, other: 1, distribution: [{ value: "friend", count: 1 }, { value: "ad", count: 0 }] });
    const why = body.questions.find((q) => q.id === "why")!;
    expect(why.keywords).toContainEqual({ term: "送货", count: 2 });
    expect(why.keywords!.map((k) => k.term)).not.toContain("了");
  });

  it("breaks results down by month or week, language and RFM segment", async () => {
    const monthly = await expectJson<Results>(await results());
    expect(monthly.trend.map((t) => [t.period, t.responses, t.nps!.nps])).toEqual([["2026-10-01", 2, 100], ["2026-11-01", 2, -100]]);
    const weekly = await expectJson<Results>(await results("?interval=week"));
    expect(weekly.trend.map((t) => t.period)).toEqual(["2026-10-05", "2026-10-19", "2026-11-02", "2026-11-09"]);
    expect(monthly.byLanguage.map((l) => [l.language, l.responses, l.nps!.nps])).toEqual([["en", 2, 100], ["zh-CN", 2, -100]]);
    expect(monthly.bySegment.map((s) => [s.segment, s.responses])).toEqual([["New", 1], ["unscored", 3]]);
  });

  it("filters by segment, language, time and version", async () => {
    expect((await expectJson<Results>(await results("?segment=New"))).responses).toBe(1);
    expect((await expectJson<Results>(await results("?language=zh-CN"))).responses).toBe(2);
    expect((await expectJson<Results>(await results(`?from=${encodeURIComponent("2026-11-01T00:00:00Z")}`))).responses).toBe(2);
    expect((await expectJson<Results>(await results("?version=2"))).responses).toBe(0);
    await expectProblem(await results("?interval=day"), 400, "query.interval");
  });

  it("is for analysts and up", async () => {
    await expectProblem(await results("", viewer.tokens.accessToken), 403);
  });

  it("exports every response as CSV, one column per question", async () => {
    const res = await call("GET", `/v1/surveys/${surveyId}/responses/export`, { token: analyst.tokens.accessToken });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("response_id,version,status,language,visitor_id,customer_id,started_at,completed_at,nps,channel,why,csat");
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.includes("v_results_2"))).toContain(",9,other: podcast,,4");
    expect(lines.find((line) => line.includes("v_results_1"))).toContain(champion);
    await expectProblem(await call("GET", `/v1/surveys/${surveyId}/responses/export`, { token: viewer.tokens.accessToken }), 403);
  });
});
