import { SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { LOGIN_LIMITS } from "../../src/tenancy/log-in.ts";
import { hashPassword, PASSWORD_ITERATIONS } from "../../src/tenancy/passwords.ts";
import { PASSWORD, signUp } from "../harness/accounts.ts";
import { BASE, call, clientAddress, uniqueEmail } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";

type Problem = { code: string; detail: string; issues: Array<{ path: string; message: string }> };

const logIn = (email: string, password: string, headers = clientAddress()) =>
  call("POST", "/v1/auth/login", { body: { email, password }, headers });

describe("POST /v1/signup", () => {
  it("creates the tenant and its owner and returns working tokens", async () => {
    const owner = await signUp("Blue Lantern Gifts");
    const me = await call("GET", "/v1/me", { token: owner.tokens.accessToken });
    expect(me.status).toBe(200);
    const body = await me.json<{ user: { role: string; email: string }; tenant: { name: string; slug: string } }>();
    expect(body.user).toMatchObject({ role: "owner", email: owner.email });
    expect(body.tenant.name).toBe("Blue Lantern Gifts");
    expect(body.tenant.slug).toMatch(/^blue-lantern-gifts-[a-z0-9]{6}$/);
    const members = await call("GET", "/v1/members", { token: owner.tokens.accessToken });
    const { items } = await members.json<{ items: Array<{ id: string; lastLoginAt: string | null }> }>();
    expect(items.find((member) => member.id === owner.userId)?.lastLoginAt, "signing up logs the owner in").toEqual(expect.any(String));
  });

  it("stores the password as PBKDF2-SHA256 with its parameters, never in clear", async () => {
    const owner = await signUp();
    const [user] = await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) => tx.select().from(users).where(eq(users.id, owner.userId))),
    );
    expect(user!.passwordHash).toMatch(new RegExp(`^pbkdf2-sha256\\$${PASSWORD_ITERATIONS}\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(user!.passwordHash).not.toContain(PASSWORD);
  });

  it("treats emails case-insensitively: the same address in capitals is taken", async () => {
    const owner = await signUp();
    const res = await call("POST", "/v1/signup", {
      body: { company: "Copycat", name: "Copy Cat", email: `  ${owner.email.toUpperCase()} `, password: PASSWORD },
    });
    expect(res.status).toBe(409);
    const problem = await res.json<Problem>();
    expect(problem.issues).toEqual([{ path: "json.email", message: "is already registered" }]);
    expect((await logIn(owner.email.toUpperCase(), PASSWORD)).status).toBe(200);
  });

  it("applies the password policy with field-level problems, and writes nothing", async () => {
    const email = uniqueEmail();
    for (const password of ["short-pass", "password1234", "aaaaaaaaaaaaaaaa", `${email.split("@")[0]}-secret`]) {
      const res = await call("POST", "/v1/signup", { body: { company: "Weak Co", name: "W", email, password } });
      expect(res.status, password).toBe(400);
      const problem = await res.json<Problem>();
      expect(problem.issues.map((issue) => issue.path)).toEqual(["json.password"]);
    }
    expect((await logIn(email, "password1234")).status).toBe(401);
  });

  it("rejects malformed JSON, missing fields and a bad email with 400 problems", async () => {
    const malformed = await SELF.fetch(`${BASE}/v1/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"company": "Half',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    const res = await call("POST", "/v1/signup", { body: { company: "", email: "not-an-email", password: PASSWORD } });
    expect(res.status).toBe(400);
    const paths = (await res.json<Problem>()).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(["json.company", "json.email", "json.name"]);
  });
});

describe("POST /v1/auth/login", () => {
  it("logs in with the right password and refuses the wrong one", async () => {
    const owner = await signUp();
    const ok = await logIn(owner.email, PASSWORD);
    expect(ok.status).toBe(200);
    const tokens = await ok.json<{ tokenType: string; accessToken: string }>();
    expect(tokens.tokenType).toBe("Bearer");
    expect((await call("GET", "/v1/me", { token: tokens.accessToken })).status).toBe(200);
    expect((await logIn(owner.email, `${PASSWORD}!`)).status).toBe(401);
  });

  it("gives an unknown email exactly the answer a wrong password gets", async () => {
    const owner = await signUp();
    const wrong = await logIn(owner.email, "not the password at all");
    const unknown = await logIn(uniqueEmail("nobody"), "not the password at all");
    expect(unknown.status).toBe(wrong.status);
    const strip = ({ requestId: _id, ...rest }: Problem & { requestId: string }) => rest;
    expect(strip(await unknown.json())).toEqual(strip(await wrong.json()));
    expect(unknown.headers.get("www-authenticate")).toBe(wrong.headers.get("www-authenticate"));
  });

  it("throttles an account after repeated failures, for known and unknown emails alike, even with the right password", async () => {
    const owner = await signUp();
    const unknownEmail = uniqueEmail("nobody");
    for (const email of [owner.email, unknownEmail]) {
      for (let attempt = 0; attempt < LOGIN_LIMITS.account; attempt++) {
        expect((await logIn(email, "wrong password guess")).status).toBe(401);
      }
      const blocked = await logIn(email, PASSWORD);
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.windowSeconds);
      expect((await blocked.json<Problem>()).code).toBe("RATE_LIMITED");
    }
  });

  it("throttles an address that tries many accounts", async () => {
    const address = clientAddress();
    for (let attempt = 0; attempt < LOGIN_LIMITS.address; attempt++) {
      const res = await logIn(uniqueEmail("spray"), "wrong password guess", address);
      expect(res.status).toBe(401);
    }
    const owner = await signUp();
    expect((await logIn(owner.email, PASSWORD, address)).status).toBe(429);
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200);
  });

  it("re-hashes a password stored with fewer iterations on the next successful login", async () => {
    const owner = await signUp();
    const weak = await hashPassword(PASSWORD, 1000);
    const stored = () =>
      withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.select().from(users).where(eq(users.id, owner.userId))));
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) => tx.update(users).set({ passwordHash: weak }).where(eq(users.id, owner.userId))),
    );
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200);
    const [user] = await stored();
    expect(user!.passwordHash.split("$")[1]).toBe(String(PASSWORD_ITERATIONS));
    expect(user!.lastLoginAt).not.toBeNull();
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200);
  });
});

describe("refresh and logout", () => {
  it("rotates the refresh token on every use", async () => {
    const owner = await signUp();
    const first = await call("POST", "/v1/auth/refresh", { body: { refreshToken: owner.tokens.refreshToken } });
    expect(first.status).toBe(200);
    const next = await first.json<{ refreshToken: string; accessToken: string }>();
    expect(next.refreshToken).not.toBe(owner.tokens.refreshToken);
    const second = await call("POST", "/v1/auth/refresh", { body: { refreshToken: next.refreshToken } });
    expect(second.status).toBe(200);
  });

  it("logs out: the refresh token and the session's access tokens stop working, and logging out again is harmless", async () => {
    const owner = await signUp();
    const { refreshToken, accessToken } = owner.tokens;
    expect((await call("POST", "/v1/auth/logout", { body: { refreshToken } })).status).toBe(204);
    expect((await call("POST", "/v1/auth/refresh", { body: { refreshToken } })).status).toBe(401);
    expect((await call("GET", "/v1/me", { token: accessToken })).status).toBe(401);
    expect((await call("POST", "/v1/auth/logout", { body: { refreshToken } })).status).toBe(204);
    expect((await logIn(owner.email, PASSWORD)).status).toBe(200);
  });

  it("refuses an unknown refresh token", async () => {
    const res = await call("POST", "/v1/auth/refresh", { body: { refreshToken: "rt_not-a-real-token" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("GET /.well-known/jwks.json", () => {
  it("publishes the public signing keys only", async () => {
    const res = await call("GET", "/.well-known/jwks.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("max-age");
    const { keys } = await res.json<{ keys: Array<Record<string, string>> }>();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
      expect(key).toMatchObject({ alg: "ES256", use: "sig", kty: "EC", crv: "P-256" });
    }
  });
});
