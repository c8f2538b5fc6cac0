import { pathToFileURL } from "node:url";
import { exportJWK, generateKeyPair } from "jose";
import { loadKeyRing } from "../src/platform/access-tokens.ts";

/**
 * A new private ES256 JWK with a kid like `key_20250101_a1b2c3`, dated so operators can tell
 * which key is older when pruning the ring.
 */
export async function generateSigningKey(): Promise<JsonWebKey & { kid: string }> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const { kty, crv, x, y, d } = await exportJWK(privateKey);
  if (kty !== "EC" || !crv || !x || !y || !d) throw new Error("Exported key is not a private EC JWK.");
  const date = new Date().toISOString().slice(0, 10).replaceAll("-", "");
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join("");
  return { kid: `key_${date}_${suffix}`, kty, crv, x, y, d };
}

/**
 * Usage: `npx tsx scripts/generate-signing-key.ts [existing-json]` prints the value for the
 * AUTH_SIGNING_KEYS secret: a new key first (it signs), then the existing keys (they keep
 * verifying tokens already issued until those expire; drop them after the token lifetime).
 */
async function main(existingJson: string | undefined): Promise<void> {
  let existing: unknown = [];
  if (existingJson !== undefined) {
    try {
      existing = JSON.parse(existingJson);
    } catch {
      existing = undefined;
    }
    if (!Array.isArray(existing)) throw new Error("The argument must be the current AUTH_SIGNING_KEYS JSON array.");
  }
  const keys = [await generateSigningKey(), ...(existing as unknown[])];
  const secret = JSON.stringify(keys);
  // Refuse to print a ring the Worker would reject (e.g. a malformed existing key).
  await loadKeyRing(secret);
  process.stdout.write(`${secret}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
