import { z } from "zod";

/**
 * A finished backup's description, written as `manifest.json` after every part: what restore and
 * verify check the parts against. A backup without one is incomplete and is never restored.
 */
export const Manifest = z.object({
  format: z.literal(1),
  backupId: z.uuid(),
  tenantId: z.uuid(),
  schemaVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The snapshot each invocation read (`pg_current_snapshot()` of its repeatable-read transaction) and when. */
  snapshots: z.array(z.object({ at: z.string(), snapshot: z.string() })),
  keyId: z.string(),
  algorithm: z.string(),
  compression: z.literal("gzip"),
  tables: z.array(z.object({ name: z.string(), primaryKey: z.array(z.string()), rows: z.number().int(), plainBytes: z.number().int(), sha256: z.string() })),
  parts: z.array(z.object({ no: z.number().int(), key: z.string(), table: z.string(), rows: z.number().int(), size: z.number().int(), plainBytes: z.number().int(), sha256: z.string() })),
});

export type Manifest = z.infer<typeof Manifest>;
