import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { generateSigningKey } from "./generate-signing-key.ts";

/** Where `npm start` keeps local state (embedded database, wrangler's queues and R2). */
export const DATA_DIR = new URL("../.data/", import.meta.url).pathname;
export const EMBEDDED_DATA_DIR = `${DATA_DIR}pglite`;
export const WRANGLER_STATE_DIR = `${DATA_DIR}wrangler`;

mkdirSync(DATA_DIR, { recursive: true });

const SIGNING_KEYS_FILE = `${DATA_DIR}signing-keys.json`;

/** The AUTH_SIGNING_KEYS value for local runs: made once, kept so logins survive restarts. */
export async function localSigningKeys(): Promise<string> {
  if (existsSync(SIGNING_KEYS_FILE)) return readFileSync(SIGNING_KEYS_FILE, "utf8").trim();
  const secret = JSON.stringify([await generateSigningKey()]);
  writeFileSync(SIGNING_KEYS_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const BACKUP_KEYS_FILE = `${DATA_DIR}backup-keys.json`;

/** A BACKUP_KEYS value with one fresh 256-bit master key. */
export function generateBackupKeys(): string {
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  return JSON.stringify({ currentKeyId: "k1", keys: { k1: secret } });
}

/** The BACKUP_KEYS value for local runs: made once, kept so local backups stay readable across restarts. */
export function localBackupKeys(): string {
  if (existsSync(BACKUP_KEYS_FILE)) return readFileSync(BACKUP_KEYS_FILE, "utf8").trim();
  const secret = generateBackupKeys();
  writeFileSync(BACKUP_KEYS_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}
