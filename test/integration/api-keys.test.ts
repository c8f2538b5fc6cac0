import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { createKey, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { expectInvalidCredential, expectJson, expectProblem, getJson } from "../harness/responses.ts";

type ApiKey = {
  id: string;
  name: string;
  kind: "secret" | "publishable";
  role: string | null;
  preview: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const SHOP = "https://shop.example.com";

function postKey(owner: Account, body: Record<string, unknown>): Promise<Response> {
  return call("POST", "/v1/api-keys", { token: owner.tokens.accessToken, body: { name: "Server key", ...body } });
}

async function listedKey(owner: Account, id: string): Promise<ApiKey | undefined> {
  const { items } = await getJson<{ items: ApiKey[] }>("/v1/api-keys", { token: owner.tokens.accessToken });
  return items.find((item) => item.id === id);
}

async function allowOrigins(owner: Account, allowedOrigins: string[]): Promise<void> {
  await expectJson(await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { allowedOrigins } }));
}

describe("secret keys", () => {
  it("are shown once at creation and only by their first characters afterwards", async () => {
    const owner = await signUp();
    const created = await expectJson<{ apiKey: ApiKey; key: string }>(await postKey(owner, { kind: "secret", role: "analyst" }), 201);
    expect(created.key).toMatch(/^sk_live_\w{16,}$/);
    expect(created.apiKey).toMatchObject({ kind: "secret", role: "analyst", lastUsedAt: null, revokedAt: null });

    const listed = await getJson<{ items: ApiKey[] }>("/v1/api-keys", { token: owner.tokens.accessToken });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const [key] = listed.items;
    expect(key).toMatchObject({ id: created.apiKey.id, role: "analyst", preview: created.apiKey.preview });
    expect(key!.preview).toMatch(/^sk_live_/);
    expect(created.key.startsWith(key!.preview.replace(/…$/, ""))).toBe(true);
    expect(key!.preview.length).toBeLessThan(created.key.length);
  });

  it("record when they were last used", async () => {
    const owner = await signUp();
    const { id, key } = await createKey(owner, { kind: "secret", role: "viewer" });
    expect((await listedKey(owner, id))?.lastUsedAt).toBeNull();

    const before = Date.now();
    await getJson("/v1/members", { token: key });
    const lastUsedAt = (await listedKey(owner, id))?.lastUsedAt;
    expect(lastUsedAt).not.toBeNull();
    expect(Math.abs(new Date(lastUsedAt!).getTime() - before)).toBeLessThan(60_000);
  });

  it("act with their role", async () => {
    const owner = await signUp();
    const { key } = await createKey(owner, { kind: "secret", role: "viewer" });
    await getJson("/v1/members", { token: key });
    await getJson("/v1/settings", { token: key });
    const res = await call("PATCH", "/v1/settings", { token: key, body: { timezone: "Europe/London" } });
    expect((await expectProblem(res, 403)).code).toBe("FORBIDDEN");
  });

  it("stop working once revoked, and stay listed as revoked", async () => {
    const owner = await signUp();
    const { id, key } = await createKey(owner, { kind: "secret", role: "admin" });
    await getJson("/v1/members", { token: key });

    const revoked = await expectJson<ApiKey>(await call("DELETE", `/v1/api-keys/${id}`, { token: owner.tokens.accessToken }));
    expect(revoked.revokedAt).not.toBeNull();
    await expectInvalidCredential(await call("GET", "/v1/members", { token: key }));
    expect((await listedKey(owner, id))?.revokedAt).toBe(revoked.revokedAt);
  });

  it("stop working once expired", async () => {
    const owner = await signUp();
    const { id, key } = await createKey(owner, { kind: "secret", role: "admin" });
    await getJson("/v1/members", { token: key });
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) => tx.update(apiKeys).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(apiKeys.id, id))),
    );
    await expectInvalidCredential(await call("GET", "/v1/members", { token: key }));
  });

  it("that were never issued are refused", async () => {
    const unknown = `sk_live_${crypto.randomUUID().replaceAll("-", "")}`;
    await expectInvalidCredential(await call("GET", "/v1/members", { token: unknown }));
  });
});

describe("creating a key", () => {
  it("accepts an expiry in the future and refuses one in the past", async () => {
    const owner = await signUp();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const created = await expectJson<{ apiKey: ApiKey }>(await postKey(owner, { kind: "secret", role: "viewer", expiresAt: tomorrow }), 201);
    expect(created.apiKey.expiresAt).toBe(tomorrow);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await expectProblem(await postKey(owner, { kind: "secret", role: "viewer", expiresAt: yesterday }), 400, "json.expiresAt");
  });

  it("refuses the owner role, which belongs to people", async () => {
    const owner = await signUp();
    await expectProblem(await postKey(owner, { kind: "secret", role: "owner" }), 400, "json.role");
    const { items } = await getJson<{ items: ApiKey[] }>("/v1/api-keys", { token: owner.tokens.accessToken });
    expect(items).toEqual([]);
  });
});

describe("publishable keys", () => {
  it("are public: listed in full, without a role", async () => {
    const owner = await signUp();
    const created = await expectJson<{ apiKey: ApiKey; key: string }>(await postKey(owner, { kind: "publishable" }), 201);
    expect(created.key).toMatch(/^pk_live_\w{16,}$/);
    expect(await listedKey(owner, created.apiKey.id)).toMatchObject({ kind: "publishable", role: null, preview: created.key });
  });

  it("work only from the tenant's allowed origins", async () => {
    const owner = await signUp();
    const { key } = await createKey(owner, { kind: "publishable" });
    await allowOrigins(owner, [SHOP]);
    const elsewhere: Array<Record<string, string>> = [{}, { origin: "https://evil.example.com" }, { origin: `${SHOP}:8443` }];
    for (const headers of elsewhere) {
      const problem = await expectProblem(await call("GET", "/v1/settings", { token: key, headers }), 403);
      expect(problem.detail, JSON.stringify(headers)).toMatch(/allowed origins/);
    }
  });

  it("are refused, for another reason, on staff routes even from an allowed origin", async () => {
    const owner = await signUp();
    const { key } = await createKey(owner, { kind: "publishable" });
    await allowOrigins(owner, [SHOP]);
    for (const path of ["/v1/members", "/v1/settings", "/v1/audit-log"]) {
      const problem = await expectProblem(await call("GET", path, { token: key, headers: { origin: SHOP } }), 403);
      expect(problem.detail, path).not.toMatch(/allowed origins/);
      expect(problem.detail, path).toMatch(/publishable key may not call/);
    }
  });
});
