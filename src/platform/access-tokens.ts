import { SignJWT, importJWK, jwtVerify } from "jose";
import { z } from "zod";
import { ConfigurationError, UnauthorizedError } from "./errors.ts";
import { ROLES, type Role } from "./roles.ts";

export const ACCESS_TOKEN_TTL_SECONDS = 900;
export const TOKEN_ISSUER = "ckm";
export const TOKEN_AUDIENCE = "ckm-api";
const CLOCK_TOLERANCE_SECONDS = 30;
const INVALID_TOKEN = "The access token is invalid or expired.";

export type AccessClaims = { userId: string; tenantId: string; role: Role; sessionId: string };
export type KeyRing = {
  kid: string;
  sign: CryptoKey;
  verifiers: Map<string, CryptoKey>;
  jwks: { keys: Array<JsonWebKey & { kid: string }> };
};

// Custom messages throughout: zod's defaults or JSON.parse's could quote the secret.
const SigningKey = z.object({
  kid: z.string({ error: "needs a kid" }).min(1, { error: "needs a kid" }),
  kty: z.literal("EC", { error: 'must have kty "EC"' }),
  crv: z.literal("P-256", { error: 'must have crv "P-256"' }),
  x: z.string({ error: "needs the public member x" }).min(1, { error: "needs the public member x" }),
  y: z.string({ error: "needs the public member y" }).min(1, { error: "needs the public member y" }),
  d: z.string({ error: "needs the private member d" }).min(1, { error: "needs the private member d" }),
  alg: z.literal("ES256", { error: 'must have alg "ES256" when alg is set' }).optional(),
});
type SigningKey = z.infer<typeof SigningKey>;

const SigningKeys = z
  .array(SigningKey, { error: "must be a JSON array of private EC P-256 JWKs" })
  .min(1, { error: "must hold at least one key" })
  .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, { error: "must not repeat a kid" });

const AccessPayload = z.object({
  sub: z.string().min(1),
  tid: z.guid(),
  sid: z.string().min(1),
  role: z.enum(ROLES),
});

function misconfigured(message: string): ConfigurationError {
  return new ConfigurationError([{ variable: "AUTH_SIGNING_KEYS", message }]);
}

function parseSigningKeys(secret: string): SigningKey[] {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    throw misconfigured("is not valid JSON (expected an array of private EC P-256 JWKs)");
  }
  const parsed = SigningKeys.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `key ${String(i.path[0])} ${i.message}` : i.message));
    throw misconfigured(issues.join(", "));
  }
  return parsed.data;
}

// A key whose x/y do not belong to its d would sign tokens nobody can verify; catch it at load.
async function importPair(key: SigningKey): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const pub = { kty: "EC" as const, crv: key.crv, x: key.x, y: key.y };
  try {
    const privateKey = await importJWK({ ...pub, d: key.d }, "ES256");
    const publicKey = await importJWK(pub, "ES256");
    const probe = new TextEncoder().encode(key.kid);
    const algorithm = { name: "ECDSA", hash: "SHA-256" };
    const signature = await crypto.subtle.sign(algorithm, privateKey, probe);
    if (await crypto.subtle.verify(algorithm, publicKey, signature, probe)) return { privateKey, publicKey };
  } catch {
    // Reported below without the library's reason, which may describe the key material.
  }
  throw misconfigured(`key with kid ${key.kid} is not a usable ES256 key pair`);
}

/**
 * Parses and imports the `AUTH_SIGNING_KEYS` secret, a JSON array of private EC P-256 JWKs. The
 * first key signs new tokens and every key verifies, so a rotation (new key prepended) keeps
 * earlier tokens valid until they expire. Throws `ConfigurationError` naming the problem but never
 * quoting key material.
 */
export async function loadKeyRing(secret: string): Promise<KeyRing> {
  const keys = parseSigningKeys(secret);
  const pairs = await Promise.all(keys.map(importPair));
  const verifiers = new Map(keys.map((key, i) => [key.kid, pairs[i]!.publicKey]));
  const jwks = keys.map(({ kid, kty, crv, x, y }) => ({ kty, crv, x, y, kid, alg: "ES256", use: "sig" }));
  return { kid: keys[0]!.kid, sign: pairs[0]!.privateKey, verifiers, jwks: { keys: jwks } };
}

// Per isolate: importing keys on every request would be wasted work.
const rings = new Map<string, Promise<KeyRing>>();

/**
 * The key ring for a secret value, loaded once per isolate. A failed load is forgotten, so a
 * corrected secret (or a transient failure) is retried on the next request.
 */
export function keyRingFor(secret: string): Promise<KeyRing> {
  const cached = rings.get(secret);
  if (cached) return cached;
  const ring = loadKeyRing(secret);
  rings.set(secret, ring);
  ring.catch(() => {
    if (rings.get(secret) === ring) rings.delete(secret);
  });
  return ring;
}

/**
 * Signs a short-lived access token (ES256, `kid` of the ring's signing key) for a user's session
 * in a tenant. `now` is injectable so tests can issue tokens in the past or future.
 */
export async function signAccessToken(
  ring: KeyRing,
  claims: AccessClaims,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ tid: claims.tenantId, role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: "ES256", kid: ring.kid, typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(ring.sign);
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * Verifies an access token against the ring (by `kid`, ES256 only, issuer, audience, lifetime with
 * 30 seconds of clock skew) and returns its claims. Every failure throws the same
 * `UnauthorizedError`, so a caller learns nothing about why a forged token was refused.
 */
export async function verifyAccessToken(ring: KeyRing, token: string, now = new Date()): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid === undefined ? undefined : ring.verifiers.get(header.kid);
        if (!key) throw new Error("unknown kid");
        return key;
      },
      {
        algorithms: ["ES256"],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        currentDate: now,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp", "nbf", "iat", "sub"],
      },
    );
    const claims = AccessPayload.parse(payload);
    return { userId: claims.sub, tenantId: claims.tid, role: claims.role, sessionId: claims.sid };
  } catch {
    throw new UnauthorizedError(INVALID_TOKEN);
  }
}
