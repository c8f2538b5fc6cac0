/** Cloudflare Workers reject PBKDF2 above 100,000 iterations, so this is as high as we can go. */
export const PASSWORD_ITERATIONS = 100_000;

const SCHEME = "pbkdf2-sha256";
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Hashes a password with PBKDF2-SHA256 and a fresh 16-byte salt. The result,
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>`, carries its own parameters so the iteration
 * count can be raised later without invalidating stored hashes (see `needsRehash`).
 */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return [SCHEME, iterations, toBase64Url(salt), toBase64Url(hash)].join("$");
}

/**
 * Checks a password against a stored hash in constant time. Anything that is not a hash this
 * module could have written (another scheme, wrong field count, bad numbers or base64) is
 * answered with false rather than an exception, so a corrupt row reads as a failed login.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.iterations);
  return constantTimeEqual(actual, parsed.hash);
}

/**
 * True when a stored hash was made with another scheme or iteration count than the current
 * one, so the caller should re-hash the password after a successful login.
 */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.iterations !== PASSWORD_ITERATIONS;
}

let decoy: Promise<string> | undefined;

/**
 * Does the work of one real verification against a throwaway hash, then returns false. Call it
 * when no account matches the login, so an unknown email costs as much time as a wrong password
 * and response times don't reveal which emails are registered.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  // Lazily, because Workers forbid random values at module scope; once per isolate after that.
  decoy ??= hashPassword(toBase64Url(crypto.getRandomValues(new Uint8Array(SALT_BYTES)))).catch((error: unknown) => {
    decoy = undefined;
    throw error;
  });
  await verifyPassword(password, await decoy);
  return false;
}

type ParsedHash = { iterations: number; salt: Uint8Array<ArrayBuffer>; hash: Uint8Array<ArrayBuffer> };

function parse(stored: string): ParsedHash | undefined {
  const fields = stored.split("$");
  if (fields.length !== 4) return undefined;
  const [scheme, iterationsField, saltField, hashField] = fields as [string, string, string, string];
  if (scheme !== SCHEME || !/^[1-9][0-9]{0,8}$/.test(iterationsField)) return undefined;
  const iterations = Number(iterationsField);
  // Above the Workers limit derivation would throw (and in Node, a huge count would stall the request).
  if (iterations > PASSWORD_ITERATIONS) return undefined;
  const salt = fromBase64Url(saltField);
  const hash = fromBase64Url(hashField);
  if (!salt || salt.length < SALT_BYTES || !hash || hash.length !== KEY_BYTES) return undefined;
  return { iterations, salt, hash };
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  // NFKC so the same password typed on different keyboards or platforms hashes the same.
  const secret = new TextEncoder().encode(password.normalize("NFKC"));
  const key = await crypto.subtle.importKey("raw", secret, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, KEY_BYTES * 8);
  return new Uint8Array(bits);
}

/** Compares every byte whatever the differences, so timing doesn't reveal how much matched. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  // A length of 1 mod 4 can't come from whole bytes; atob would reject it, but say so here.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
