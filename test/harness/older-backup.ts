import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { gunzip, gzip } from "../../src/backups/compression.ts";
import { decryptPart, encryptPart, tenantKey } from "../../src/backups/keys.ts";
import { manifestKey } from "../../src/backups/layout.ts";
import type { Manifest } from "../../src/backups/manifest.ts";
import { readManifest } from "../../src/backups/read-backup.ts";
import { Sha256, sha256Hex } from "../../src/backups/sha256.ts";
import { backups } from "../../src/db/schema/index.ts";
import { backupKeys, parseEnv } from "../../src/env.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { withDatabase } from "./database.ts";

/** How a table's backed-up rows differ under another schema: keys it lacks, keys it has that the table lost. */
export type RowChange = { drop?: string[]; add?: Record<string, unknown> };

/** Each row as Postgres writes it (`jsonb::text`), with the change applied, in order. */
async function changeRows(lines: string[], change: RowChange): Promise<string[]> {
  const drop = (change.drop ?? []).map((key) => sql` - ${key}::text`);
  const result = await withDatabase((db) =>
    db.execute<{ line: string }>(
      sql`select ((l::jsonb${sql.join(drop)}) || ${JSON.stringify(change.add ?? {})}::jsonb)::text as line from jsonb_array_elements_text(${JSON.stringify(lines)}::jsonb) with ordinality e(l, n) order by n`,
    ),
  );
  return result.rows.map((row) => row.line);
}

/**
 * Rewrites a completed backup's stored rows as a backup from another schema version would hold
 * them, and writes each part and the manifest again as the backup writer does (gzip, AES-GCM
 * under the tenant's key with the part's place as associated data, SHA-256 of each sealed part
 * and of each table's NDJSON), so verify accepts it. The backup row's sizes and version follow.
 */
export async function rewriteAsSchema(tenantId: string, backupId: string, schemaVersion: string, changes: Record<string, RowChange>): Promise<Manifest> {
  const manifest = await readManifest(env.BACKUPS, tenantId, backupId);
  const key = await tenantKey(backupKeys(parseEnv(env)), manifest.keyId, tenantId);
  const tables = new Map(manifest.tables.map((table) => [table.name, { hash: new Sha256(), plainBytes: 0 }]));
  const parts: Manifest["parts"] = [];
  for (const part of manifest.parts) {
    const sealed = new Uint8Array(await (await env.BACKUPS.get(part.key))!.arrayBuffer());
    const lines = new TextDecoder().decode(await gunzip(await decryptPart(key, backupId, part.no, sealed))).split("\n");
    lines.pop();
    const change = changes[part.table];
    const plain = new TextEncoder().encode((change ? await changeRows(lines, change) : lines).map((line) => `${line}\n`).join(""));
    const resealed = await encryptPart(key, backupId, part.no, await gzip([plain]));
    await env.BACKUPS.put(part.key, resealed);
    const table = tables.get(part.table)!;
    table.hash.update(plain);
    table.plainBytes += plain.length;
    parts.push({ ...part, size: resealed.length, plainBytes: plain.length, sha256: await sha256Hex(resealed) });
  }
  const rewritten: Manifest = {
    ...manifest,
    schemaVersion,
    tables: manifest.tables.map((table) => ({ ...table, plainBytes: tables.get(table.name)!.plainBytes, sha256: tables.get(table.name)!.hash.hex() })),
    parts,
  };
  await env.BACKUPS.put(manifestKey(tenantId, backupId), JSON.stringify(rewritten, null, 1), { httpMetadata: { contentType: "application/json" } });
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) =>
      tx
        .update(backups)
        .set({ schemaVersion, sizeBytes: parts.reduce((sum, part) => sum + part.size, 0), plainBytes: parts.reduce((sum, part) => sum + part.plainBytes, 0) })
        .where(eq(backups.id, backupId)),
    ),
  );
  return rewritten;
}
