import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findBackup, requireCompleted } from "./backups.ts";
import { manifestKey } from "./layout.ts";
import { readManifest } from "./read-backup.ts";
import { TAR_END, tarHeader, tarPadding } from "./tar.ts";

/**
 * `GET /v1/backups/{id}/download`: the backup's objects as one tar stream, `manifest.json` first
 * and then every part as stored (gzip NDJSON, encrypted: only the service's keys open them).
 * Recorded in the audit log before the first byte is sent.
 */
export async function downloadBackup(db: Database, bucket: R2Bucket, actor: Actor, backupId: string): Promise<ReadableStream<Uint8Array>> {
  await withTenant(db, actor.tenantId, async (tx) => {
    requireCompleted(await findBackup(tx, backupId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "backups.download", entityType: "backup", entityId: backupId });
  });
  const manifest = await readManifest(bucket, actor.tenantId, backupId).catch(() => {
    throw new NotFoundError("backup", backupId, `The objects of backup ${backupId} are no longer in storage.`);
  });
  const manifestObject = await bucket.get(manifestKey(actor.tenantId, backupId));
  const manifestBytes = new Uint8Array(await manifestObject!.arrayBuffer());
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const write = async () => {
    const writer = writable.getWriter();
    try {
      const mtime = new Date(manifest.finishedAt);
      await writer.write(tarHeader("manifest.json", manifestBytes.length, mtime));
      await writer.write(manifestBytes);
      await writer.write(tarPadding(manifestBytes.length));
      for (const part of manifest.parts) {
        const object = await bucket.get(part.key);
        if (!object) throw new Error(`part ${part.no} is missing`);
        await writer.write(tarHeader(part.key.split("/").at(-1)!, object.size, mtime));
        const reader = object.body.getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) await writer.write(chunk.value);
        await writer.write(tarPadding(object.size));
      }
      await writer.write(TAR_END);
      await writer.close();
    } catch (error) {
      await writer.abort(error);
    }
  };
  void write();
  return readable;
}
