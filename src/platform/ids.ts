const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A prefixed random id for things that travel outside (`req_...`, `sk_...`), so a support
 * engineer can tell what an id is from the id. 22 base-62 characters carry ~130 bits.
 */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  let body = "";
  for (const byte of bytes) body += ALPHABET[byte % 62];
  return `${prefix}_${body}`;
}
