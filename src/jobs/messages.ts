import { z } from "zod";

/**
 * Every message on the jobs queue, parsed before it is acted on. Capabilities add their kinds
 * here; the consumer routes each kind to its handler.
 */
export const JobMessage = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("nightly.run"),
    scheduledAt: z.iso.datetime(),
    /** The per-tenant work (backups, scheduled runs) for these tenants only; every tenant when absent. */
    tenantIds: z.array(z.uuid()).min(1).max(1000).optional(),
  }),
  z.object({ kind: z.literal("import.validate"), tenantId: z.uuid(), importId: z.uuid() }),
  z.object({ kind: z.literal("import.run"), tenantId: z.uuid(), importId: z.uuid() }),
  z.object({ kind: z.literal("webhook.process"), tenantId: z.uuid(), deliveryId: z.uuid() }),
  z.object({ kind: z.literal("segmentation.run"), tenantId: z.uuid(), runId: z.uuid() }),
  z.object({ kind: z.literal("backup.run"), tenantId: z.uuid(), backupId: z.uuid() }),
  z.object({ kind: z.literal("backup.restore"), tenantId: z.uuid(), backupId: z.uuid() }),
  z.object({ kind: z.literal("survey.response.webhook"), tenantId: z.uuid(), responseId: z.uuid() }),
]);

export type JobMessage = z.infer<typeof JobMessage>;
export type JobKind = JobMessage["kind"];
