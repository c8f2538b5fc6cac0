const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Strict base64 (standard alphabet, padding optional): null for anything else. */
export function decodeBase64(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.length === 0) return null;
  try {
    return Uint8Array.from(atob(trimmed), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export function decodeHex(text: string): Uint8Array | null {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return null;
  return Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));
}

export function encodeHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function hmacKey(secret: Uint8Array, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", secret as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

export async function hmacSha256(secret: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), message as BufferSource));
}

/**
 * Whether any of the signatures is the HMAC-SHA256 of the message under any of the keys.
 * WebCrypto's verify compares in constant time, so a forger learns nothing from timing.
 */
export async function hmacMatchesAny(keys: Uint8Array[], message: Uint8Array, signatures: Uint8Array[]): Promise<boolean> {
  for (const key of keys) {
    const verifier = await hmacKey(key, "verify");
    for (const signature of signatures) {
      if (await crypto.subtle.verify("HMAC", verifier, signature as BufferSource, message as BufferSource)) return true;
    }
  }
  return false;
}
