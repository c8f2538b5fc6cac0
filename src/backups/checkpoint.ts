import type { BackupState } from "../db/schema/index.ts";
import { backupPrefix } from "./layout.ts";

/**
 * A running backup's state after its last completed part, kept beside the parts. The database
 * row is saved when an invocation ends; the checkpoint after every part, so an invocation that
 * crashes part-way loses at most the part it was writing.
 */
export function checkpointKey(tenantId: string, backupId: string): string {
  return `${backupPrefix(tenantId, backupId)}checkpoint.json`;
}

export async function writeCheckpoint(bucket: R2Bucket, tenantId: string, backupId: string, state: BackupState): Promise<void> {
  await bucket.put(checkpointKey(tenantId, backupId), JSON.stringify(state));
}

export async function readCheckpoint(bucket: R2Bucket, tenantId: string, backupId: string): Promise<BackupState | null> {
  const object = await bucket.get(checkpointKey(tenantId, backupId));
  return object ? ((await object.json()) as BackupState) : null;
}
