import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { sql } from "drizzle-orm";
import worker from "../../src/index.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { LIMITS, WINDOW_SECONDS } from "../../src/surveys/rate-limit.ts";
import { call, clientAddress } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { ALLOWED_ORIGIN, createFixture, insertCustomer, insertIdentity, type Fixture } from "../harness/fixture.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { countResponses, publishedSurvey, responseBody, sampleDefinition, signIdentity } from "../harness/surveys.ts";

type WidgetSurvey = { id: string; version: number; language: string; dir: string; title: string; questions: Array<{ id: string; text: string; options?: Array<{ id: string; label: string }> }> };

describe("the widget's public routes", () => {
  let fx: Fixture;
  let widget: { token: string; headers: Record<string, string> };
  beforeAll(async () => {
    fx = await createFixture();
    widget = { token: fx.keys.publishable.key, headers: { origin: ALLOWED_ORIGIN } };
  });
  const save = (responseId: string, body: unknown, headers: Record<string, string> = {}) =>
    call("PUT", `/v1/widget/responses/${responseId}`, { ...widget, body, headers: { ...widget.headers, ...headers } });
  const responsesOf = (customerId: string) =>
    withDatabase((db) => withTenant(db, fx.tenantId, async (tx) => (await tx.execute<{ id: string }>(sql`select id from survey_responses where customer_id = ${customerId} order by id`)).rows.map((r) => r.id)));
  const timelineOf = (customerId: string) =>
    withDatabase((db) => withTenant(db, fx.tenantId, async (tx) => (await tx.execute<{ summary: string; response_id: string }>(sql`select summary, data->>'responseId' as response_id from interactions where customer_id = ${customerId} and kind = 'survey_response'`)).rows));

  describe("CORS", () => {
    it("answers a preflight from an allowed origin with that origin", async () => {
      const res = await call("OPTIONS", "/v1/widget/surveys", { headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "GET", "access-control-request-headers": "authorization" } });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      expect(res.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
      expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    });

    it("refuses a preflight from any other origin with a problem and no CORS headers", async () => {
      const res = await call("OPTIONS", "/v1/widget/responses/0e7d3f52-5f0c-4c5e-9d43-3d8f0c2b9a11", { headers: { origin: "https://evil.example", "access-control-request-method": "PUT" } });
      await expectProblem(res, 403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("echoes the allowed origin on answers, and refuses a disallowed origin without CORS headers", async () => {
      const ok = await call("GET", "/v1/widget/surveys", widget);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      const refused = await call("GET", "/v1/widget/surveys", { token: widget.token, headers: { origin: "https://evil.example" } });
      await expectProblem(refused, 403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("adds no CORS headers to other routes", async () => {
      const res = await call("OPTIONS", "/v1/surveys", { headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "GET" } });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    });
  });

  it("refuses secret keys and access tokens on widget routes: wrong key type", async () => {
    for (const token of [fx.keys.admin.key, fx.owner.tokens.accessToken]) {
      const problem = await expectProblem(await call("GET", "/v1/widget/surveys", { token, headers: { origin: ALLOWED_ORIGIN } }), 403);
      expect(problem.detail).toContain("Wrong key type");
    }
    const before = await countResponses(fx.tenantId);
    await expectProblem(await call("PUT", `/v1/widget/responses/${crypto.randomUUID()}`, { token: fx.keys.admin.key, body: responseBody(fx.surveyId) }), 403);
    expect(await countResponses(fx.tenantId)).toBe(before);
  });

  describe("published surveys", () => {
    it("lists published surveys in the visitor's language with the global rule", async () => {
      const body = await expectJson<{ settings: { globalRecontactDays: number | null }; surveys: WidgetSurvey[] }>(await call("GET", "/v1/widget/surveys?lang=zh-CN", widget));
      expect(body.settings).toEqual({ globalRecontactDays: null });
      const survey = body.surveys.find((s) => s.id === fx.surveyId)!;
      expect(survey).toMatchObject({ version: 1, language: "zh-CN", dir: "ltr", title: "您的订单" });
      expect(survey.questions[1]!.options).toEqual([{ id: "friend", label: "朋友" }, { id: "ad", label: "广告" }]);
      expect(survey.questions[3]!.text).toBe("How satisfied are you?");
    });

    it("falls back to the base language, then the default, and marks right-to-left languages", async () => {
      const zh = await expectJson<WidgetSurvey>(await call("GET", `/v1/widget/surveys/${fx.surveyId}?lang=zh-TW`, widget));
      expect(zh.language).toBe("zh-CN");
      const ar = await expectJson<WidgetSurvey>(await call("GET", `/v1/widget/surveys/${fx.surveyId}?lang=ar-EG`, widget));
      expect(ar).toMatchObject({ language: "ar", dir: "rtl", title: "طلبك" });
      expect(ar.questions[1]!.text).toBe("Where did you hear of us?");
      const fr = await expectJson<WidgetSurvey>(await call("GET", `/v1/widget/surveys/${fx.surveyId}?lang=fr`, widget));
      expect(fr.language).toBe("en");
    });

    it("leaves out drafts, and URL-triggered surveys whose pattern does not match the page", async () => {
      const definition = sampleDefinition();
      definition.showing = { trigger: "url", urlPattern: "/checkout/*", samplingPercent: 100, recontactDays: null } as never;
      const checkout = await publishedSurvey(fx.owner, definition);
      const draft = await call("POST", "/v1/surveys", { token: fx.owner.tokens.accessToken, body: { name: "Draft", definition: sampleDefinition() } });
      const draftId = (await draft.json<{ id: string }>()).id;
      const ids = async (url: string) => (await expectJson<{ surveys: WidgetSurvey[] }>(await call("GET", `/v1/widget/surveys?url=${encodeURIComponent(url)}`, widget))).surveys.map((s) => s.id);
      expect(await ids("https://shop.example.com/checkout/step-1")).toContain(checkout);
      expect(await ids("https://shop.example.com/cart")).not.toContain(checkout);
      expect(await ids("https://shop.example.com/cart")).not.toContain(draftId);
      await expectProblem(await call("GET", `/v1/widget/surveys/${draftId}`, widget), 404);
    });
  });

  describe("saving responses", () => {
    it("saves partially, merges, completes, and answers the same final body again with 200", async () => {
      const id = crypto.randomUUID();
      const visitorId = `v_${crypto.randomUUID().slice(0, 10)}`;
      const first = responseBody(fx.surveyId, { visitorId, answers: { nps: 3 }, complete: false });
      expect(await expectJson(await save(id, first))).toEqual({ id, status: "partial" });
      const last = { ...first, answers: { why: "Delivery was slow", channel: { other: "A podcast" } }, complete: true };
      expect(await expectJson(await save(id, last))).toEqual({ id, status: "complete" });
      expect(await expectJson(await save(id, last))).toEqual({ id, status: "complete" });
      await expectProblem(await save(id, { ...last, answers: { why: "Changed my mind" } }), 409);
      const [row] = await withDatabase((db) => withTenant(db, fx.tenantId, async (tx) => (await tx.execute<{ answers: unknown; status: string }>(sql`select answers, status from survey_responses where id = ${id}`)).rows));
      expect(row).toEqual({ status: "complete", answers: { nps: 3, why: "Delivery was slow", channel: { other: "A podcast" } } });
    });

    it("drops a stored answer that a later save's answers hide", async () => {
      const id = crypto.randomUUID();
      const first = responseBody(fx.surveyId, { answers: { nps: 2, why: "Too slow" }, complete: false });
      expect((await save(id, first)).status).toBe(200);
      expect(await expectJson(await save(id, { ...first, answers: { nps: 10 }, complete: true }))).toEqual({ id, status: "complete" });
      const [row] = await withDatabase((db) => withTenant(db, fx.tenantId, async (tx) => (await tx.execute<{ answers: unknown }>(sql`select answers from survey_responses where id = ${id}`)).rows));
      expect(row!.answers).toEqual({ nps: 10 });
    });

    const wrong: Array<[string, (body: ReturnType<typeof responseBody>) => unknown, number]> = [
      ["an answer to a question not in that version", (b) => ({ ...b, answers: { ...b.answers, later: 5 } }), 422],
      ["an NPS out of range", (b) => ({ ...b, answers: { nps: 11 } }), 422],
      ["a CSAT that is not an integer", (b) => ({ ...b, answers: { nps: 9, csat: 4.5 } }), 400],
      ["a CSAT out of range", (b) => ({ ...b, answers: { nps: 9, csat: 6 } }), 422],
      ["a choice that is not an option", (b) => ({ ...b, answers: { nps: 9, channel: { choice: "tv" } } }), 422],
      ["a text answer over 2000 characters", (b) => ({ ...b, answers: { nps: 2, why: "x".repeat(2001) } }), 400],
      ["a missing required answer when complete", (b) => ({ ...b, answers: { channel: { choice: "ad" } } }), 422],
      ["a required follow-up its skip rule shows, unanswered", (b) => ({ ...b, answers: { nps: 2 } }), 422],
      ["an answer to a question its skip rule hides", (b) => ({ ...b, answers: { nps: 10, why: "Nothing" } }), 422],
      ["a version that was never published", (b) => ({ ...b, version: 7 }), 422],
      ["a visitor id too short", (b) => ({ ...b, visitorId: "v1" }), 400],
      ["a malformed startedAt", (b) => ({ ...b, startedAt: "yesterday" }), 400],
      ["a bad identity signature", (b) => ({ ...b, identity: { email: `c1@${fx.tenantId}.example`, signature: "ab".repeat(32) } }), 403],
    ];
    it.each(wrong)("refuses %s and stores nothing", async (_, spoil, status) => {
      const before = await countResponses(fx.tenantId);
      await expectProblem(await save(crypto.randomUUID(), spoil(responseBody(fx.surveyId))), status);
      expect(await countResponses(fx.tenantId)).toBe(before);
    });

    it("refuses an oversize body with 413 and stores nothing", async () => {
      const before = await countResponses(fx.tenantId);
      const body = { ...responseBody(fx.surveyId), pageUrl: "x".repeat(70_000) };
      await expectProblem(await save(crypto.randomUUID(), body), 413);
      expect(await countResponses(fx.tenantId)).toBe(before);
    });

    it("accepts a filled honeypot or a completion within 2 s with 202 and stores nothing", async () => {
      const before = await countResponses(fx.tenantId);
      expect((await save(crypto.randomUUID(), { ...responseBody(fx.surveyId), website: "http://spam.example" })).status).toBe(202);
      expect((await save(crypto.randomUUID(), responseBody(fx.surveyId, { startedAt: new Date().toISOString() }))).status).toBe(202);
      expect(await countResponses(fx.tenantId)).toBe(before);
    });

    it("validates against the version answered, after a new version is published", async () => {
      const surveyId = await publishedSurvey(fx.owner);
      const next = sampleDefinition();
      next.questions.push({ id: "effort", type: "ces", text: { en: "How easy was it?" }, required: false } as never);
      await call("PATCH", `/v1/surveys/${surveyId}`, { token: fx.owner.tokens.accessToken, body: { definition: next } });
      await call("POST", `/v1/surveys/${surveyId}/publish`, { token: fx.owner.tokens.accessToken });
      await expectProblem(await save(crypto.randomUUID(), responseBody(surveyId, { answers: { nps: 9, effort: 6 } })), 422, "json.answers.effort");
      expect((await save(crypto.randomUUID(), responseBody(surveyId, { version: 2, answers: { nps: 9, effort: 6 } }))).status).toBe(200);
    });

    // The counters are seeded in this window and the next, so a test straddling a minute boundary still meets its limit.
    const seedHits = (key: string, hits: number) =>
      withDatabase((db) =>
        withTenant(db, fx.tenantId, (tx) =>
          tx.execute(sql`insert into widget_rate_limits (tenant_id, key, window_start, hits)
            select ${fx.tenantId}, ${key}, to_timestamp(floor(extract(epoch from now()) / ${WINDOW_SECONDS}) * ${WINDOW_SECONDS}) + make_interval(secs => w * ${WINDOW_SECONDS}), ${hits}
            from generate_series(0, 1) w`),
        ),
      );

    it("rate limits one visitor: 429 with Retry-After, and nothing stored", async () => {
      const visitorId = `v_${crypto.randomUUID().slice(0, 10)}`;
      await seedHits(`visitor:${visitorId}`, LIMITS.visitor - 2);
      expect((await save(crypto.randomUUID(), responseBody(fx.surveyId, { visitorId }))).status).toBe(200);
      expect((await save(crypto.randomUUID(), responseBody(fx.surveyId, { visitorId }))).status).toBe(200);
      const before = await countResponses(fx.tenantId);
      const limited = await save(crypto.randomUUID(), responseBody(fx.surveyId, { visitorId }));
      await expectProblem(limited, 429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      expect(await countResponses(fx.tenantId)).toBe(before);
      expect((await save(crypto.randomUUID(), responseBody(fx.surveyId))).status).toBe(200);
    });

    it("rate limits one client address across visitors", async () => {
      const address = clientAddress();
      await seedHits(`ip:${address["cf-connecting-ip"]}`, LIMITS.ip - 1);
      expect((await save(crypto.randomUUID(), responseBody(fx.surveyId), address)).status).toBe(200);
      await expectProblem(await save(crypto.randomUUID(), responseBody(fx.surveyId), address), 429);
      expect((await save(crypto.randomUUID(), responseBody(fx.surveyId), clientAddress())).status).toBe(200);
    });
  });

  it("drops passed rate-limit windows in the nightly run, keeping the current one", async () => {
    const key = `visitor:v_${crypto.randomUUID().slice(0, 10)}`;
    const windows = () =>
      withDatabase((db) => withTenant(db, fx.tenantId, async (tx) => (await tx.execute<{ old: boolean }>(sql`select window_start < now() - interval '1 hour' as old from widget_rate_limits where key = ${key} order by window_start`)).rows.map((row) => row.old)));
    await withDatabase((db) =>
      withTenant(db, fx.tenantId, (tx) =>
        tx.execute(sql`insert into widget_rate_limits (tenant_id, key, window_start, hits) values (${fx.tenantId}, ${key}, now() - interval '2 hours', 5), (${fx.tenantId}, ${key}, now(), 1)`),
      ),
    );
    expect(await windows()).toEqual([true, false]);
    const nightly = createMessageBatch("ckm-jobs", [{ id: "rate-n1", timestamp: new Date(), attempts: 1, body: { kind: "nightly.run", scheduledAt: new Date().toISOString() } }]);
    await worker.queue(nightly, env);
    expect((await getQueueResult(nightly, createExecutionContext())).explicitAcks).toEqual(["rate-n1"]);
    expect(await windows()).toEqual([false]);
  });

  describe("identity", () => {
    it("links a response with a signed identity to the customer, on their timeline", async () => {
      const customerId = await insertCustomer(fx.tenantId, "Signed Sam");
      const identity = await insertIdentity(fx.tenantId, customerId);
      const id = crypto.randomUUID();
      const body = responseBody(fx.surveyId, { identity: { externalId: identity.externalId, signature: await signIdentity(fx.identitySecret, identity.externalId) } });
      expect((await save(id, body)).status).toBe(200);
      expect(await responsesOf(customerId)).toEqual([id]);
      expect(await timelineOf(customerId)).toEqual([{ summary: 'Answered "Your order" (NPS 9)', response_id: id }]);
    });

    it("re-attributes a visitor's anonymous responses on identify, and later ones too", async () => {
      const visitorId = `v_${crypto.randomUUID().slice(0, 10)}`;
      const customerId = fx.customerIds[1]!;
      const email = `c2@${fx.tenantId}.example`;
      const earlier = crypto.randomUUID();
      expect((await save(earlier, responseBody(fx.surveyId, { visitorId }))).status).toBe(200);
      expect(await responsesOf(customerId)).toEqual([]);

      await expectProblem(await call("POST", "/v1/widget/identify", { ...widget, body: { visitorId, email, signature: await signIdentity(fx.identitySecret, "someone@else.example") } }), 403);
      expect(await responsesOf(customerId)).toEqual([]);
      await expectProblem(await call("POST", "/v1/widget/identify", { ...widget, body: { visitorId, email: "nobody@example.com", signature: await signIdentity(fx.identitySecret, "nobody@example.com") } }), 404);

      const res = await call("POST", "/v1/widget/identify", { ...widget, body: { visitorId, email: email.toUpperCase(), signature: await signIdentity(fx.identitySecret, email) } });
      expect(res.status, await res.clone().text()).toBe(204);
      expect(await responsesOf(customerId)).toEqual([earlier]);
      expect((await timelineOf(customerId)).map((entry) => entry.response_id)).toEqual([earlier]);

      const later = crypto.randomUUID();
      expect((await save(later, responseBody(fx.surveyId, { visitorId }))).status).toBe(200);
      expect((await responsesOf(customerId)).sort()).toEqual([earlier, later].sort());
    });

    it("moves responses and the visitor link with a customer merge, and back on undo", async () => {
      const duplicate = await insertCustomer(fx.tenantId, "Dupe Dora");
      const identity = await insertIdentity(fx.tenantId, duplicate);
      const visitorId = `v_${crypto.randomUUID().slice(0, 10)}`;
      const id = crypto.randomUUID();
      const signature = await signIdentity(fx.identitySecret, identity.externalId);
      expect((await save(id, responseBody(fx.surveyId, { visitorId, identity: { externalId: identity.externalId, signature } }))).status).toBe(200);
      const survivor = await insertCustomer(fx.tenantId, "Keeper Kim");
      const merged = await call("POST", `/v1/customers/${survivor}/merge`, { token: fx.owner.tokens.accessToken, body: { duplicateId: duplicate } });
      const { id: mergeId } = await expectJson<{ id: string }>(merged, 201);
      expect(await responsesOf(survivor)).toEqual([id]);
      const later = crypto.randomUUID();
      expect((await save(later, responseBody(fx.surveyId, { visitorId }))).status).toBe(200);
      expect((await responsesOf(survivor)).sort()).toEqual([id, later].sort());
      expect((await call("POST", `/v1/customer-merges/${mergeId}/undo`, { token: fx.owner.tokens.accessToken })).status).toBe(200);
      expect(await responsesOf(duplicate)).toEqual([id]);
    });
  });
});
