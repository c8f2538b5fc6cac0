import { gunzip } from "./compression.ts";
import { decryptPart, tenantKey, type BackupKeyRing } from "./keys.ts";
import { manifestKey } from "./layout.ts";
import { Manifest } from "./manifest.ts";
import { sha256Hex } from "./sha256.ts";

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

/** One part's NDJSON, uncompressed. */
export type PartBytes = { part: Manifest["parts"][number]; plain: Uint8Array };

/**
 * Reads a backup's parts in order, one at a time (memory stays at one part): each is checked
 * against the manifest's size and SHA-256 of the stored object, decrypted (AES-GCM also rejects
 * any changed byte) and decompressed. Any mismatch throws BackupDamaged. The rows themselves are
 * checked by `checkBackup`: a part whose stored bytes match the manifest holds what it checked.
 */
export async function* readParts(bucket: R2Bucket, ring: BackupKeyRing, manifest: Manifest): AsyncGenerator<PartBytes> {
  const key = await tenantKey(ring, manifest.keyId, manifest.tenantId);
  const tables = new Set(manifest.tables.map((table) => table.name));
  for (const part of manifest.parts) {
    if (!tables.has(part.table)) throw new BackupDamaged([`part ${part.no} names a table the manifest does not list`]);
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
    yield { part, plain };
  }
}

/**
 * The items of an async iterator, each next one asked for as soon as the current is handed out:
 * reading and decrypting a part overlaps with what the caller does with the one before.
 */
export async function* readingAhead<T>(items: AsyncIterator<T>): AsyncGenerator<T> {
  let next = items.next();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = items.next();
      next.catch(() => {});
      yield item.value;
    }
  } finally {
    await next.catch(() => {});
    await items.return?.();
  }
}

/** How many NDJSON rows bytes hold: every row ends in a newline, and a newline inside a JSON string is escaped. */
export function countLines(plain: Uint8Array): number {
  let lines = 0;
  for (let at = plain.indexOf(10); at !== -1; at = plain.indexOf(10, at + 1)) lines += 1;
  return lines;
}

/** A table's running SHA-256, by the runtime (a verification reads a backup in one invocation, so the state never has to be saved). */
function tableHash(): { update(bytes: Uint8Array): Promise<void>; hex(): Promise<string> } {
  const { DigestStream: Digest } = crypto as unknown as { DigestStream: typeof DigestStream };
  const stream = new Digest("SHA-256");
  const writer = stream.getWriter();
  return {
    update: (bytes) => writer.write(bytes),
    async hex() {
      await writer.close();
      return Array.from(new Uint8Array(await stream.digest), (b) => b.toString(16).padStart(2, "0")).join("");
    },
  };
}

/**
 * Reads and checks a whole backup: every part as `readParts` does, each part's row count, and
 * each table's row count and SHA-256 of its NDJSON. Returns the verdict instead of throwing.
 */
export async function checkBackup(bucket: R2Bucket, ring: BackupKeyRing, tenantId: string, backupId: string): Promise<{ ok: boolean; parts: number; rows: number; problems: string[] }> {
  let parts = 0;
  let rows = 0;
  try {
    const manifest = await readManifest(bucket, tenantId, backupId);
    const tables = new Map(manifest.tables.map((table) => [table.name, { hash: tableHash(), rows: 0 }]));
    for await (const { part, plain } of readParts(bucket, ring, manifest)) {
      const lines = countLines(plain);
      if (lines !== part.rows) throw new BackupDamaged([`part ${part.no} (${part.table}) holds ${lines} rows, not ${part.rows}`]);
      const running = tables.get(part.table)!;
      await running.hash.update(plain);
      running.rows += lines;
      parts += 1;
      rows += lines;
    }
    const problems: string[] = [];
    for (const table of manifest.tables) {
      const running = tables.get(table.name)!;
      const hex = await running.hash.hex();
      if (running.rows !== table.rows) problems.push(`${table.name} has ${running.rows} rows, not ${table.rows}`);
      else if (hex !== table.sha256) problems.push(`${table.name} does not match its hash`);
    }
    if (problems.length) throw new BackupDamaged(problems);
    return { ok: true, parts, rows, problems: [] };
  } catch (error) {
    if (error instanceof BackupDamaged) return { ok: false, parts, rows, problems: error.problems };
    throw error;
  }
}
