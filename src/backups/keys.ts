import { z } from "zod";

/** `BACKUP_KEYS`: the master secrets backups are encrypted under, by id; new backups use the current one. */
export const BackupKeyRing = z
  .object({
    currentKeyId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    keys: z.record(z.string(), z.base64().refine((value) => atob(value).length >= 32, { error: "must be at least 32 bytes" })),
  })
  .refine((ring) => ring.keys[ring.currentKeyId] !== undefined, { error: "currentKeyId must name one of keys" });

export type BackupKeyRing = z.infer<typeof BackupKeyRing>;

export const ALGORITHM = "AES-256-GCM, key by HKDF-SHA-256(master, salt = tenant id, info = ckm-backup-v1)";
const IV_BYTES = 12;

/**
 * The tenant's AES-GCM key under master key `keyId`: derived with HKDF, so one master secret
 * yields a different key per tenant and no tenant's key opens another's backups. An old key id
 * stays in the ring for as long as backups made under it are kept (rotation).
 */
export async function tenantKey(ring: BackupKeyRing, keyId: string, tenantId: string): Promise<CryptoKey> {
  const secret = ring.keys[keyId];
  if (!secret) throw new Error(`backup key ${keyId} is not in BACKUP_KEYS`);
  const master = await crypto.subtle.importKey("raw", Uint8Array.from(atob(secret), (c) => c.charCodeAt(0)), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode(tenantId), info: new TextEncoder().encode("ckm-backup-v1") },
    master,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** What binds a part's ciphertext to its place: a part moved to another backup or position does not decrypt. */
function additionalData(backupId: string, partNo: number): BufferSource {
  return new TextEncoder().encode(`${backupId}/${partNo}`);
}

/** A random IV followed by the AES-GCM ciphertext and tag. */
export async function encryptPart(key: CryptoKey, backupId: string, partNo: number, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: additionalData(backupId, partNo) }, key, plain as BufferSource));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return out;
}

/** Opens a part; throws when a byte was changed or the part belongs elsewhere. */
export async function decryptPart(key: CryptoKey, backupId: string, partNo: number, sealed: Uint8Array): Promise<Uint8Array> {
  const iv = sealed.subarray(0, IV_BYTES) as BufferSource;
  return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: additionalData(backupId, partNo) }, key, sealed.subarray(IV_BYTES) as BufferSource));
}
