import { SignJWT, base64url, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { generateSigningKey } from "../../scripts/generate-signing-key.ts";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  keyRingFor,
  loadKeyRing,
  signAccessToken,
  verifyAccessToken,
  type AccessClaims,
  type KeyRing,
} from "./access-tokens.ts";
import { ConfigurationError, UnauthorizedError } from "./errors.ts";

const claims: AccessClaims = {
  userId: "usr_3f9a",
  tenantId: "0b7e4a52-6c1d-4e8f-9a3b-2d5c7e9f1a4b",
  role: "viewer",
  sessionId: "ses_81c2",
};
const HOUR_MS = 60 * 60 * 1000;

async function ringOf(...keys: JsonWebKey[]): Promise<KeyRing> {
  return loadKeyRing(JSON.stringify(keys));
}

async function expectRejected(ring: KeyRing, token: string, now?: Date): Promise<void> {
  const error = await verifyAccessToken(ring, token, now).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnauthorizedError);
  expect((error as Error).message).toBe("The access token is invalid or expired.");
}

/** A token signed with the ring's real key but with claims of the caller's choosing. */
async function craft(ring: KeyRing, overrides: { iss?: string; aud?: string }): Promise<string> {
  return new SignJWT({ tid: claims.tenantId, role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: "ES256", kid: ring.kid, typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(overrides.iss ?? TOKEN_ISSUER)
    .setAudience(overrides.aud ?? TOKEN_AUDIENCE)
    .setIssuedAt()
    .setNotBefore("0s")
    .setExpirationTime("5m")
    .sign(ring.sign);
}

function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

describe("access tokens", () => {
  it("round-trips the claims and expires after the TTL", async () => {
    const ring = await ringOf(await generateSigningKey());
    const now = new Date("2025-06-01T12:00:00Z");
    const { token, expiresAt } = await signAccessToken(ring, claims, now);

    expect(await verifyAccessToken(ring, token, now)).toEqual(claims);
    expect(expiresAt.getTime()).toBe(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "ES256", kid: ring.kid, typ: "JWT" });
  });

  it("publishes one public JWK per key and never the private member", async () => {
    const [newer, older] = [await generateSigningKey(), await generateSigningKey()];
    const ring = await ringOf(newer, older);

    expect(ring.jwks.keys.map((k) => k.kid)).toEqual([newer.kid, older.kid]);
    for (const key of ring.jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
      expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    }
    expect(JSON.stringify(ring.jwks)).not.toContain(newer.d);
    expect(JSON.stringify(ring.jwks)).not.toContain(older.d);
  });

  it("keeps tokens of the previous key valid after a rotation and signs with the new key", async () => {
    const [older, newer] = [await generateSigningKey(), await generateSigningKey()];
    const before = await ringOf(older);
    const after = await ringOf(newer, older);
    const { token: oldToken } = await signAccessToken(before, claims);
    const { token: newToken } = await signAccessToken(after, claims);

    expect(await verifyAccessToken(after, oldToken)).toEqual(claims);
    expect(decodeProtectedHeader(newToken).kid).toBe(newer.kid);
    await expectRejected(before, newToken);
  });

  it("rejects a token whose key has left the ring", async () => {
    const [older, newer] = [await generateSigningKey(), await generateSigningKey()];
    const { token } = await signAccessToken(await ringOf(older), claims);
    await expectRejected(await ringOf(newer), token);
  });

  it("rejects expired and not-yet-valid tokens", async () => {
    const ring = await ringOf(await generateSigningKey());
    const now = Date.now();
    const { token: expired } = await signAccessToken(ring, claims, new Date(now - HOUR_MS));
    const { token: early } = await signAccessToken(ring, claims, new Date(now + HOUR_MS));

    await expectRejected(ring, expired, new Date(now));
    await expectRejected(ring, early, new Date(now));
  });

  it("rejects a wrong audience or issuer even when the signature is genuine", async () => {
    const ring = await ringOf(await generateSigningKey());
    expect(await verifyAccessToken(ring, await craft(ring, {}))).toEqual(claims);
    await expectRejected(ring, await craft(ring, { aud: "another-api" }));
    await expectRejected(ring, await craft(ring, { iss: "someone-else" }));
  });

  it('rejects unsecured tokens (alg "none")', async () => {
    const ring = await ringOf(await generateSigningKey());
    const { token } = await signAccessToken(ring, claims);
    const payload = token.split(".")[1];
    await expectRejected(ring, `${encodeJson({ alg: "none", typ: "JWT" })}.${payload}.`);
    await expectRejected(ring, `${encodeJson({ alg: "none", typ: "JWT", kid: ring.kid })}.${payload}.`);
  });

  it("rejects HS256 tokens keyed with the public key", async () => {
    const key = await generateSigningKey();
    const ring = await ringOf(key);
    const publicJwk = ring.jwks.keys[0]!;
    const rawPoint = new Uint8Array([...base64url.decode(key.x!), ...base64url.decode(key.y!)]);
    const secrets = [new TextEncoder().encode(JSON.stringify(publicJwk)), rawPoint, new Uint8Array([4, ...rawPoint])];

    for (const secret of secrets) {
      const token = await new SignJWT({ tid: claims.tenantId, role: "owner", sid: claims.sessionId })
        .setProtectedHeader({ alg: "HS256", kid: ring.kid, typ: "JWT" })
        .setSubject(claims.userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setNotBefore("0s")
        .setExpirationTime("5m")
        .sign(secret);
      await expectRejected(ring, token);
    }
  });

  it("rejects a tampered payload", async () => {
    const ring = await ringOf(await generateSigningKey());
    const [header, payload, signature] = (await signAccessToken(ring, claims)).token.split(".");
    const forged = { ...JSON.parse(new TextDecoder().decode(base64url.decode(payload!))), role: "owner" };
    await expectRejected(ring, `${header}.${encodeJson(forged)}.${signature}`);
  });

  it("rejects garbage", async () => {
    const ring = await ringOf(await generateSigningKey());
    for (const token of ["", "abc", "a.b.c", "a.b", "....", "Bearer x.y.z", `${encodeJson({ alg: "ES256" })}..`]) {
      await expectRejected(ring, token);
    }
  });
});

describe("loadKeyRing", () => {
  async function expectMisconfigured(secret: string, secretD?: string): Promise<void> {
    const error = await loadKeyRing(secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).variables[0]?.variable).toBe("AUTH_SIGNING_KEYS");
    if (secretD) expect((error as Error).message).not.toContain(secretD);
  }

  it("refuses malformed secrets without quoting key material", async () => {
    const key = await generateSigningKey();
    const { kid: _kid, ...withoutKid } = key;
    const { d: _d, ...publicOnly } = key;
    const cases: unknown[] = [
      [],
      {},
      [withoutKid],
      [key, { ...(await generateSigningKey()), kid: key.kid }],
      [{ ...key, crv: "P-384" }],
      [{ ...key, kty: "RSA" }],
      [{ ...key, alg: "HS256" }],
      [publicOnly],
      [{ ...key, x: (await generateSigningKey()).x }],
    ];
    await expectMisconfigured(`${key.d}not json`, key.d);
    for (const value of cases) await expectMisconfigured(JSON.stringify(value), key.d);
  });

  it("caches a ring per secret and does not cache failures", async () => {
    const secret = JSON.stringify([await generateSigningKey()]);
    expect(await keyRingFor(secret)).toBe(await keyRingFor(secret));
    await expect(keyRingFor("[]")).rejects.toBeInstanceOf(ConfigurationError);
    await expect(keyRingFor("[]")).rejects.toBeInstanceOf(ConfigurationError);
  });
});
