import { describe, expect, it } from "vitest";
import type { Role } from "../../src/platform/roles.ts";
import { addMember, createKey, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

type Member = { id: string; email: string; name: string; role: Role; language: "en" | "zh-CN" | null };
type Me = { user: Member; tenant: { id: string; locale: string } };
type AuditEntry = { action: string; actorId: string; entityType: string; entityId: string; changes: Record<string, unknown> };

function me(as: Account): Promise<Me> {
  return getJson<Me>("/v1/me", { token: as.tokens.accessToken });
}

function patchMe(as: Account, body: unknown): Promise<Response> {
  return call("PATCH", "/v1/me", { token: as.tokens.accessToken, body });
}

async function auditEntries(owner: Account): Promise<AuditEntry[]> {
  return (await getJson<{ items: AuditEntry[] }>("/v1/audit-log?action=me.update", { token: owner.tokens.accessToken })).items;
}

describe("reading one's language", () => {
  it("starts unset, so the dashboard follows the browser, in /v1/me and in the members list", async () => {
    const owner = await signUp();
    expect((await me(owner)).user.language).toBeNull();
    const { items } = await getJson<{ items: Member[] }>("/v1/members", { token: owner.tokens.accessToken });
    expect(items).toEqual([expect.objectContaining({ id: owner.userId, language: null })]);
  });
});

describe("changing one's language", () => {
  it("sets it and answers as GET /v1/me does", async () => {
    const owner = await signUp();
    const after = await expectJson<Me>(await patchMe(owner, { language: "zh-CN" }));
    expect(after.user).toMatchObject({ id: owner.userId, language: "zh-CN" });
    expect(after.tenant.id).toBe(owner.tenantId);
    expect(await me(owner)).toEqual(after);
    const { items } = await getJson<{ items: Member[] }>("/v1/members", { token: owner.tokens.accessToken });
    expect(items.find((member) => member.id === owner.userId)?.language).toBe("zh-CN");
  });

  it("clears it with null, back to following the browser", async () => {
    const owner = await signUp();
    await expectJson(await patchMe(owner, { language: "en" }));
    const after = await expectJson<Me>(await patchMe(owner, { language: null }));
    expect(after.user.language).toBeNull();
    expect((await me(owner)).user.language).toBeNull();
  });

  it("changes only the caller's own row", async () => {
    const owner = await signUp();
    const viewer = await addMember(owner, "viewer");
    await expectJson(await patchMe(owner, { language: "en" }));
    expect((await expectJson<Me>(await patchMe(viewer, { language: "zh-CN" }))).user.id).toBe(viewer.userId);
    expect((await me(owner)).user.language).toBe("en");
    expect((await me(viewer)).user.language).toBe("zh-CN");
  });

  it("is open to every role, but only to people: a secret key has no profile", async () => {
    const owner = await signUp();
    for (const role of ["admin", "analyst", "viewer"] as const) {
      const member = await addMember(owner, role);
      expect((await expectJson<Me>(await patchMe(member, { language: "en" }))).user).toMatchObject({ role, language: "en" });
    }
    const key = await createKey(owner, { kind: "secret", role: "admin" });
    const res = await call("PATCH", "/v1/me", { token: key.key, body: { language: "en" } });
    expect((await expectProblem(res, 403)).code).toBe("FORBIDDEN");
  });

  it("records the old and new value in the audit log, and nothing when the value is unchanged", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    await expectJson(await patchMe(analyst, { language: "zh-CN" }));
    await expectJson(await patchMe(analyst, { language: "zh-CN" }));
    const entries = await auditEntries(owner);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: analyst.userId,
      entityType: "member",
      entityId: analyst.userId,
      changes: { language: { from: null, to: "zh-CN" } },
    });
  });
});

describe("language validation", () => {
  it("refuses a language the dashboard has no translation for and changes nothing", async () => {
    const owner = await signUp();
    await expectJson(await patchMe(owner, { language: "en" }));
    const before = await me(owner);
    for (const language of ["fr", "zh-cn", "", 1]) await expectProblem(await patchMe(owner, { language }), 400, "json.language");
    expect(await me(owner)).toEqual(before);
    expect(await auditEntries(owner)).toHaveLength(1);
  });

  it("refuses an unknown field, naming it, and changes nothing", async () => {
    const owner = await signUp();
    const before = await me(owner);
    const problem = await expectProblem(await patchMe(owner, { language: "zh-CN", role: "viewer" }), 400);
    expect(problem.issues).toContainEqual({ path: "json", message: expect.stringContaining("role") });
    expect(await me(owner)).toEqual(before);
    expect(await auditEntries(owner)).toEqual([]);
  });
});
