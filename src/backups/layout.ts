/** Where a backup's objects live in the bucket: everything of one backup under one prefix. */
export function backupPrefix(tenantId: string, backupId: string): string {
  return `backups/${tenantId}/${backupId}/`;
}

export function partKey(tenantId: string, backupId: string, partNo: number): string {
  return `${backupPrefix(tenantId, backupId)}part-${String(partNo).padStart(6, "0")}.ndjson.gz.enc`;
}

export function manifestKey(tenantId: string, backupId: string): string {
  return `${backupPrefix(tenantId, backupId)}manifest.json`;
}

/**
 * Every object under a prefix, page by page: R2 lists at most 1,000 keys per call, so the cursor
 * of each truncated page asks for the next.
 */
export async function* listAll(bucket: R2Bucket, prefix: string): AsyncGenerator<R2Object> {
  let cursor: string | undefined;
  for (;;) {
    const page = await bucket.list({ prefix, cursor, limit: 1000 });
    yield* page.objects;
    if (!page.truncated) return;
    cursor = page.cursor;
  }
}

/** Deletes every object under a prefix, 1,000 keys per call; returns how many. */
export async function deletePrefix(bucket: R2Bucket, prefix: string): Promise<number> {
  let batch: string[] = [];
  let deleted = 0;
  for await (const object of listAll(bucket, prefix)) {
    batch.push(object.key);
    if (batch.length === 1000) {
      await bucket.delete(batch);
      deleted += batch.length;
      batch = [];
    }
  }
  if (batch.length) await bucket.delete(batch);
  return deleted + batch.length;
}
