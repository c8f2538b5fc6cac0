import { gunzip } from "./compression.ts";
import { decryptPart, tenantKey, type BackupKeyRing } from "./keys.ts";
import { manifestKey } from "./layout.ts";
import { Manifest } from "./manifest.ts";
import { Sha256, sha256Hex } from "./sha256.ts";

/** Something wrong with a backup's objects: a part missing, changed or unreadable, or a total that does not match. */
export class BackupDamaged extends Error {
  constructor(readonly problems: string[]) {
    super(`the backup is damaged: ${problems.join("; ")}`);
  }
}

export async function readManifest(bucket: R2Bucket, tenantId: string, backupId: string): Promise<Manifest> {
  const object = await bucket.get(manifestKey(tenantId, backupId));
  if (!object) throw new BackupDamaged(["the manifest is missing"]);
  const parsed = Manifest.safeParse(await object.json().catch(() => null));
  if (!parsed.success || parsed.data.backupId !== backupId || parsed.data.tenantId !== tenantId) throw new BackupDamaged(["the manifest is unreadable"]);
  return parsed.data;
}

export type PartLines = { table: string; lines: string[] };

/**
 * Reads a backup's parts in order, one at a time (memory stays at one part): each is checked
 * against the manifest's size and SHA-256, decrypted (AES-GCM also rejects any changed byte),
 * decompressed and split into its NDJSON rows. When every part has been read, each table's row
 * count and SHA-256 are checked too. Any mismatch throws BackupDamaged.
 */
export async function* readParts(bucket: R2Bucket, ring: BackupKeyRing, manifest: Manifest): AsyncGenerator<PartLines> {
  const key = await tenantKey(ring, manifest.keyId, manifest.tenantId);
  const decoder = new TextDecoder();
  const tables = new Map(manifest.tables.map((table) => [table.name, { hash: new Sha256(), rows: 0 }]));
  for (const part of manifest.parts) {
    const object = await bucket.get(part.key);
    if (!object) throw new BackupDamaged([`part ${part.no} (${part.table}) is missing`]);
    const sealed = new Uint8Array(await object.arrayBuffer());
    if (sealed.length !== part.size || (await sha256Hex(sealed)) !== part.sha256) throw new BackupDamaged([`part ${part.no} (${part.table}) does not match its hash`]);
    let plain: Uint8Array;
    try {
      plain = await gunzip(await decryptPart(key, manifest.backupId, part.no, sealed));
    } catch {
      throw new BackupDamaged([`part ${part.no} (${part.table}) does not decrypt`]);
    }
    const running = tables.get(part.table);
    if (!running) throw new BackupDamaged([`part ${part.no} names a table the manifest does not list`]);
    running.hash.update(plain);
    const lines = decoder.decode(plain).split("\n");
    lines.pop();
    running.rows += lines.length;
    if (lines.length !== part.rows) throw new BackupDamaged([`part ${part.no} (${part.table}) holds ${lines.length} rows, not ${part.rows}`]);
    yield { table: part.table, lines };
  }
  const problems = manifest.tables.flatMap((table) => {
    const running = tables.get(table.name)!;
    if (running.rows !== table.rows) return [`${table.name} has ${running.rows} rows, not ${table.rows}`];
    if (running.hash.hex() !== table.sha256) return [`${table.name} does not match its hash`];
    return [];
  });
  if (problems.length) throw new BackupDamaged(problems);
}

/** Reads and checks a whole backup; returns the verdict instead of throwing. */
export async function checkBackup(bucket: R2Bucket, ring: BackupKeyRing, tenantId: string, backupId: string): Promise<{ ok: boolean; parts: number; rows: number; problems: string[] }> {
  let parts = 0;
  let rows = 0;
  try {
    const manifest = await readManifest(bucket, tenantId, backupId);
    for await (const part of readParts(bucket, ring, manifest)) {
      parts += 1;
      rows += part.lines.length;
    }
    return { ok: true, parts, rows, problems: [] };
  } catch (error) {
    if (error instanceof BackupDamaged) return { ok: false, parts, rows, problems: error.problems };
    throw error;
  }
}
