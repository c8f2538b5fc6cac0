import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { importJWK, SignJWT, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from "../../src/platform/access-tokens.ts";
import { generateSigningKey } from "../../scripts/generate-signing-key.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { BASE, call } from "../harness/api.ts";

type PrivateJwk = JsonWebKey & { kid: string };
const [signingKey] = JSON.parse(env.AUTH_SIGNING_KEYS!) as PrivateJwk[];

const b64url = (value: string | Uint8Array) =>
  btoa(typeof value === "string" ? value : String.fromCharCode(...value))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

async function forge(
  account: Account,
  overrides: { payload?: JWTPayload; issuedAt?: number; expiresAt?: number; notBefore?: number; key?: PrivateJwk } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const claims = JSON.parse(atob(account.tokens.accessToken.split(".")[1]!.replaceAll("-", "+").replaceAll("_", "/"))) as JWTPayload;
  const key = overrides.key ?? signingKey!;
  return new SignJWT({ ...claims, ...overrides.payload })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "JWT" })
    .setIssuedAt(overrides.issuedAt ?? now)
    .setNotBefore(overrides.notBefore ?? now)
    .setExpirationTime(overrides.expiresAt ?? now + 600)
    .sign(await importJWK(key, "ES256"));
}

async function expectRejected(token: string) {
  const res = await call("GET", "/v1/me", { token });
  expect(res.status).toBe(401);
  expect(res.headers.get("www-authenticate")).toBe('Bearer realm="ckm", error="invalid_token"');
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json<{ code: string }>();
  expect(body.code).toBe("UNAUTHORIZED");
}

describe("access tokens", () => {
  let account: Account;
  beforeAll(async () => {
    account = await signUp();
  });

  it("accepts a token forged exactly like a real one (the control for every case below)", async () => {
    expect((await call("GET", "/v1/me", { token: await forge(account) })).status).toBe(200);
  });

  it("asks for a credential when none is sent", async () => {
    const res = await call("GET", "/v1/me");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="ckm"');
  });

  it("rejects an expired token", async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    await expectRejected(await forge(account, { issuedAt: hourAgo, notBefore: hourAgo, expiresAt: hourAgo + 900 }));
  });

  it("rejects a token that is not yet valid", async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    await expectRejected(await forge(account, { notBefore: inAnHour, expiresAt: inAnHour + 900 }));
  });

  it("rejects the wrong audience and the wrong issuer", async () => {
    await expectRejected(await forge(account, { payload: { aud: "another-api" } }));
    await expectRejected(await forge(account, { payload: { iss: "someone-else" } }));
  });

  it('rejects alg "none"', async () => {
    const [, payload] = account.tokens.accessToken.split(".");
    await expectRejected(`${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${payload}.`);
    await expectRejected(`${b64url(JSON.stringify({ alg: "none", typ: "JWT", kid: signingKey!.kid }))}.${payload}.`);
  });

  it("rejects HS256 signed with the public key", async () => {
    const { d: _private, ...publicJwk } = signingKey!;
    const [, payload] = account.tokens.accessToken.split(".");
    for (const secret of [JSON.stringify(publicJwk), JSON.stringify({ keys: [publicJwk] })]) {
      const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT", kid: signingKey!.kid }));
      const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${header}.${payload}`));
      await expectRejected(`${header}.${payload}.${b64url(new Uint8Array(signature))}`);
    }
  });

  it("rejects a tampered payload", async () => {
    const [header, payload, signature] = account.tokens.accessToken.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/"))) as JWTPayload;
    const tampered = b64url(JSON.stringify({ ...claims, role: "owner", tid: crypto.randomUUID() }));
    await expectRejected(`${header}.${tampered}.${signature}`);
  });

  it("rejects a token signed by a key outside the ring", async () => {
    await expectRejected(await forge(account, { key: await generateSigningKey() }));
  });

  it("rejects the access token of a session whose refresh family was revoked by reuse", async () => {
    const first = account.tokens;
    const refreshed = await call("POST", "/v1/auth/refresh", { body: { refreshToken: first.refreshToken } });
    expect(refreshed.status).toBe(200);
    const second = await refreshed.json<{ accessToken: string; refreshToken: string }>();
    expect((await call("GET", "/v1/me", { token: second.accessToken })).status).toBe(200);

    const replay = await call("POST", "/v1/auth/refresh", { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectRejected(second.accessToken);
    const afterRevocation = await call("POST", "/v1/auth/refresh", { body: { refreshToken: second.refreshToken } });
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("signing key rotation", () => {
  it("keeps tokens of the previous key valid, signs new ones with the new key, and publishes both", async () => {
    const account = await signUp();
    const newKey = await generateSigningKey();
    const rotated = { ...env, AUTH_SIGNING_KEYS: JSON.stringify([newKey, signingKey]) };
    const fetchRotated = async (path: string, init?: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(`${BASE}${path}`, init), rotated, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };

    const oldToken = await fetchRotated("/v1/me", { headers: { authorization: `Bearer ${account.tokens.accessToken}` } });
    expect(oldToken.status).toBe(200);

    const refreshed = await fetchRotated("/v1/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: account.tokens.refreshToken }),
    });
    const { accessToken } = await refreshed.json<{ accessToken: string }>();
    const header = JSON.parse(atob(accessToken.split(".")[0]!.replaceAll("-", "+").replaceAll("_", "/"))) as { kid: string };
    expect(header.kid).toBe(newKey.kid);

    const jwks = await (await fetchRotated("/.well-known/jwks.json")).json<{ keys: Array<Record<string, string>> }>();
    expect(jwks.keys.map((key) => key.kid)).toEqual([newKey.kid, signingKey!.kid]);
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);

    // The servers not yet rotated refuse the new key's tokens: why the old key stays in the ring for a while.
    expect((await call("GET", "/v1/me", { token: accessToken })).status).toBe(401);
  });
});
