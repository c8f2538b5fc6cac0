import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { addMember, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { sampleDefinition } from "../harness/surveys.ts";

type Survey = { id: string; name: string; status: string; version: number | null; draft: ReturnType<typeof sampleDefinition>; versions?: Array<{ version: number; definition: { title: Record<string, string> } }> };

async function countSurveys(tenantId: string): Promise<number> {
  return withDatabase((db) => withTenant(db, tenantId, async (tx) => (await tx.execute<{ n: number }>(sql`select count(*)::int as n from surveys`)).rows[0]!.n));
}

describe("surveys: drafts, versions, publish, close, delete", () => {
  let owner: Account;
  let analyst: Account;
  let viewer: Account;
  beforeAll(async () => {
    owner = await signUp();
    analyst = await addMember(owner, "analyst");
    viewer = await addMember(owner, "viewer");
  });
  const create = (body: unknown, token = owner.tokens.accessToken) => call("POST", "/v1/surveys", { token, body });

  it("creates a draft, edits it, publishes immutable versions, closes and reopens", async () => {
    const draft = await expectJson<Survey>(await create({ name: "After purchase", definition: sampleDefinition() }), 201);
    expect(draft).toMatchObject({ status: "draft", version: null, name: "After purchase" });
    const v1 = await expectJson<Survey>(await call("POST", `/v1/surveys/${draft.id}/publish`, { token: owner.tokens.accessToken }));
    expect(v1).toMatchObject({ status: "published", version: 1 });

    const changed = sampleDefinition();
    changed.title.en = "Your recent order";
    const edited = await expectJson<Survey>(await call("PATCH", `/v1/surveys/${draft.id}`, { token: owner.tokens.accessToken, body: { definition: changed } }));
    expect(edited.draft.title.en).toBe("Your recent order");
    const read = await expectJson<Survey>(await call("GET", `/v1/surveys/${draft.id}`, { token: analyst.tokens.accessToken }));
    expect(read.versions!.map((v) => [v.version, v.definition.title.en])).toEqual([[1, "Your order"]]);

    const v2 = await expectJson<Survey>(await call("POST", `/v1/surveys/${draft.id}/publish`, { token: owner.tokens.accessToken }));
    expect(v2.version).toBe(2);
    expect(v2.versions!.map((v) => [v.version, v.definition.title.en])).toEqual([[2, "Your recent order"], [1, "Your order"]]);

    const closed = await expectJson<Survey>(await call("POST", `/v1/surveys/${draft.id}/close`, { token: owner.tokens.accessToken }));
    expect(closed.status).toBe("closed");
    await expectProblem(await call("POST", `/v1/surveys/${draft.id}/close`, { token: owner.tokens.accessToken }), 409);
    await expectProblem(await call("PATCH", `/v1/surveys/${draft.id}`, { token: owner.tokens.accessToken, body: { name: "x" } }), 409);
    await expectProblem(await call("DELETE", `/v1/surveys/${draft.id}`, { token: owner.tokens.accessToken }), 409);

    const list = await expectJson<{ items: Survey[] }>(await call("GET", "/v1/surveys?status=closed", { token: analyst.tokens.accessToken }));
    expect(list.items.map((s) => s.id)).toContain(draft.id);
  });

  it("deletes a survey that was never published", async () => {
    const draft = await expectJson<Survey>(await create({ name: "Throwaway", definition: sampleDefinition() }), 201);
    expect((await call("DELETE", `/v1/surveys/${draft.id}`, { token: owner.tokens.accessToken })).status).toBe(204);
    await expectProblem(await call("GET", `/v1/surveys/${draft.id}`, { token: owner.tokens.accessToken }), 404);
  });

  it("lets analysts read but not write, and keeps viewers out", async () => {
    await expectProblem(await create({ name: "No", definition: sampleDefinition() }, analyst.tokens.accessToken), 403);
    await expectProblem(await call("GET", "/v1/surveys", { token: viewer.tokens.accessToken }), 403);
    expect((await call("GET", "/v1/surveys", { token: analyst.tokens.accessToken })).status).toBe(200);
  });

  const invalid: Array<[string, (d: ReturnType<typeof sampleDefinition>) => void, string]> = [
    ["a repeated question id", (d) => { d.questions[1]!.id = "nps"; }, "json.definition.questions.1.id"],
    ["a skip rule on a later question", (d) => { (d.questions[0] as Record<string, unknown>).showIf = { questionId: "why", anyOf: ["x"] }; }, "json.definition.questions.0.showIf.questionId"],
    ["a skip rule value the question cannot have", (d) => { d.questions[2]!.showIf = { questionId: "nps", anyOf: [11] }; }, "json.definition.questions.2.showIf.anyOf.0"],
    ["a text missing in the default language", (d) => { d.questions[3]!.text = { "zh-CN": "满意吗？" } as never; }, "json.definition.questions.3.text"],
    ["a colour that is not hex", (d) => { d.theme.primary = "blue"; }, "json.definition.theme.primary"],
    ["text too faint on its background", (d) => { d.theme.text = "#aaaaaa"; }, "json.definition.theme.text"],
    ["a rating without a scale", (d) => { d.questions[3]!.type = "rating"; }, "json.definition.questions.3.scale"],
    ["an unknown question type", (d) => { d.questions[3]!.type = "slider"; }, "json.definition.questions.3.type"],
  ];
  it.each(invalid)("refuses %s with a field issue and stores nothing", async (_, spoil, path) => {
    const before = await countSurveys(owner.tenantId);
    const definition = sampleDefinition();
    spoil(definition);
    await expectProblem(await create({ name: "Bad", definition }), 400, path);
    expect(await countSurveys(owner.tenantId)).toBe(before);
  });

  it("keeps the tenant's global re-contact rule in the settings, off by default", async () => {
    const settings = await expectJson<{ globalRecontactDays: number | null }>(await call("GET", "/v1/settings", { token: owner.tokens.accessToken }));
    expect(settings.globalRecontactDays).toBeNull();
    const changed = await expectJson<{ globalRecontactDays: number | null }>(await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { globalRecontactDays: 14 } }));
    expect(changed.globalRecontactDays).toBe(14);
  });

  it("shows a new identity secret once, to managers only", async () => {
    const res = await expectJson<{ secret: string }>(await call("POST", "/v1/surveys/identity-secret", { token: owner.tokens.accessToken }));
    expect(res.secret).toMatch(/^wis_/);
    await expectProblem(await call("POST", "/v1/surveys/identity-secret", { token: analyst.tokens.accessToken }), 403);
  });
});
