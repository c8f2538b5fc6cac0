import { expect } from "vitest";
import { surveyResponses, tenants } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { encodeHex, hmacSha256, utf8 } from "../../src/webhooks/verify/bytes.ts";
import type { Account } from "./accounts.ts";
import { call } from "./api.ts";
import { withDatabase } from "./database.ts";

/** A valid definition in three languages: NPS, a single choice, a follow-up shown to detractors, CSAT. */
export function sampleDefinition() {
  return {
    defaultLanguage: "en",
    languages: ["en", "zh-CN", "ar"],
    title: { en: "Your order", "zh-CN": "您的订单", ar: "طلبك" },
    questions: [
      { id: "nps", type: "nps", text: { en: "How likely are you to recommend us?", "zh-CN": "您有多大可能向朋友推荐我们？", ar: "ما مدى احتمال أن توصي بنا؟" }, required: true },
      {
        id: "channel",
        type: "single",
        text: { en: "Where did you hear of us?", "zh-CN": "您从哪里知道我们的？" },
        required: false,
        options: [
          { id: "friend", label: { en: "A friend", "zh-CN": "朋友" } },
          { id: "ad", label: { en: "An advert", "zh-CN": "广告" } },
        ],
        allowOther: true,
      },
      { id: "why", type: "text", text: { en: "What should we improve?", "zh-CN": "我们应该改进什么？" }, required: true, showIf: { questionId: "nps", anyOf: [0, 1, 2, 3, 4, 5, 6] } },
      { id: "csat", type: "csat", text: { en: "How satisfied are you?" }, required: false },
    ],
    showing: { trigger: "delay", delaySeconds: 5, samplingPercent: 50, recontactDays: 90 },
    theme: { primary: "#1a73e8", background: "#ffffff", text: "#202124", position: "bottom-right" },
  };
}

/** A survey created and published through the API; returns its id. */
export async function publishedSurvey(owner: Account, definition: unknown = sampleDefinition()): Promise<string> {
  const created = await call("POST", "/v1/surveys", { token: owner.tokens.accessToken, body: { name: `Survey ${crypto.randomUUID().slice(0, 6)}`, definition } });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = await created.json<{ id: string }>();
  const published = await call("POST", `/v1/surveys/${id}/publish`, { token: owner.tokens.accessToken });
  expect(published.status, await published.clone().text()).toBe(200);
  return id;
}

/** A new identity verification secret made through the API. */
export async function identitySecret(owner: Account): Promise<string> {
  const res = await call("POST", "/v1/surveys/identity-secret", { token: owner.tokens.accessToken });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json<{ secret: string }>()).secret;
}

/** The tenant's identity secret as stored now (routes under test may have rotated it). */
export async function currentIdentitySecret(tenantId: string): Promise<string> {
  const [row] = await withDatabase((db) => withTenant(db, tenantId, (tx) => tx.select({ secret: tenants.widgetIdentitySecret }).from(tenants)));
  return row!.secret!;
}

/** The hex HMAC-SHA256 a tenant's server would give the page for an external id or email. */
export async function signIdentity(secret: string, value: string): Promise<string> {
  return encodeHex(await hmacSha256(utf8(secret), utf8(value)));
}

/** A complete, valid response body for the sample definition's first version. */
export function responseBody(surveyId: string, overrides: Record<string, unknown> = {}) {
  return {
    surveyId,
    version: 1,
    visitorId: `v_${crypto.randomUUID().slice(0, 12)}`,
    language: "en",
    answers: { nps: 9, channel: { choice: "friend" } },
    complete: true,
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    ...overrides,
  };
}

/** A partial response written straight to the database. */
export async function insertResponse(tenantId: string, surveyId: string): Promise<string> {
  const id = crypto.randomUUID();
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) =>
      tx.insert(surveyResponses).values({ tenantId, id, surveyId, version: 1, visitorId: "v_inserted", language: "en", answers: { nps: 8 }, status: "partial", startedAt: new Date() }),
    ),
  );
  return id;
}

/** A customer's response written straight to the database: complete unless told, finished at `completedAt`. */
export async function insertCustomerResponse(
  tenantId: string,
  response: { surveyId: string; customerId: string; answers: Record<string, unknown>; completedAt: Date; status?: "complete" | "partial" },
): Promise<string> {
  const id = crypto.randomUUID();
  const complete = (response.status ?? "complete") === "complete";
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) =>
      tx.insert(surveyResponses).values({
        tenantId, id, surveyId: response.surveyId, version: 1, visitorId: `v_${id.slice(0, 12)}`, customerId: response.customerId, language: "en", answers: response.answers,
        status: complete ? "complete" : "partial", startedAt: new Date(response.completedAt.getTime() - 60_000), completedAt: complete ? response.completedAt : null,
      }),
    ),
  );
  return id;
}

/** How many responses a tenant has. */
export async function countResponses(tenantId: string): Promise<number> {
  return withDatabase((db) => withTenant(db, tenantId, async (tx) => (await tx.select({ id: surveyResponses.id }).from(surveyResponses)).length));
}
