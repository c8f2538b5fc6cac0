import { z } from "@hono/zod-openapi";
import { Timestamp } from "../../tenancy/routes/schemas.ts";
import type { BackupRow } from "../backups.ts";

export const Backup = z
  .object({
    id: z.uuid(),
    trigger: z.enum(["manual", "nightly", "pre_restore"]).openapi({ description: "Who asked: a request, the nightly run, or a restore's safety backup." }),
    status: z.enum(["queued", "running", "completed", "failed"]),
    progress: z.object({ table: z.string().nullable(), tablesDone: z.number().int(), tablesTotal: z.number().int(), rows: z.number().int(), parts: z.number().int() }),
    rows: z.number().int(),
    sizeBytes: z.number().int().openapi({ description: "Bytes stored in R2 (compressed and encrypted)." }),
    plainBytes: z.number().int().openapi({ description: "Bytes of NDJSON before compression." }),
    tables: z.record(z.string(), z.number().int()).openapi({ description: "Rows per table." }),
    keyId: z.string().nullable(),
    schemaVersion: z.string().nullable(),
    error: z.string().nullable(),
    verification: z.object({ ok: z.boolean(), at: Timestamp, parts: z.number().int(), rows: z.number().int(), problems: z.array(z.string()) }).nullable(),
    restore: z
      .object({
        status: z.enum(["queued", "verifying", "safety_backup", "applying", "completed", "failed"]),
        into: z.enum(["same", "new"]),
        customerId: z.uuid().optional(),
        targetTenantId: z.uuid().optional(),
        safetyBackupId: z.uuid().optional(),
        rows: z.number().int().optional(),
        error: z.string().optional(),
        requestedAt: Timestamp,
        finishedAt: Timestamp.optional(),
      })
      .nullable()
      .openapi({ description: "The latest restore of this backup and how far it got." }),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .openapi("Backup");

export function backupView(row: BackupRow): z.infer<typeof Backup> {
  return {
    id: row.id,
    trigger: row.trigger as z.infer<typeof Backup>["trigger"],
    status: row.status,
    progress: row.progress,
    rows: row.rows,
    sizeBytes: row.sizeBytes,
    plainBytes: row.plainBytes,
    tables: row.tableCounts,
    keyId: row.keyId,
    schemaVersion: row.schemaVersion,
    error: row.error,
    verification: row.verification ?? null,
    restore: row.restore ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
