import { nightlyBackups } from "../backups/nightly.ts";
import { scheduleSegmentationRuns } from "../segments/scheduled-runs.ts";
import { purgeExpiredCredentials } from "../tenancy/purge-credentials.ts";
import { purgeWebhookPayloads } from "../webhooks/purge-payloads.ts";
import { purgeIdempotencyKeys } from "../platform/purge-idempotency-keys.ts";
import { purgeWidgetRateLimits } from "../surveys/purge-rate-limits.ts";
import type { JobContext } from "./consume.ts";
import { describeError } from "../platform/error-text.ts";

/** A night's work: when, and for which tenants (all when `tenantIds` is absent). */
export type Night = { scheduledAt: string; tenantIds?: string[] };

export type NightlyTask = { name: string; run(ctx: JobContext, night: Night): Promise<void> };

/** The tenants a night's per-tenant work covers: those listed, or all of them. */
export const inScope = (night: Night, tenantIds: string[]) => (night.tenantIds ? tenantIds.filter((id) => night.tenantIds!.includes(id)) : tenantIds);

/** Maintenance that runs once a night: capabilities register theirs (backups, retention). */
export const nightlyTasks: NightlyTask[] = [purgeExpiredCredentials, purgeWebhookPayloads, purgeIdempotencyKeys, purgeWidgetRateLimits, nightlyBackups, scheduleSegmentationRuns];

/** Runs every nightly task; one failing does not stop the others, but fails the job for a retry. */
export async function runNightly(ctx: JobContext, scheduledAt: string, tenantIds?: string[], tasks = nightlyTasks): Promise<void> {
  const failures: string[] = [];
  for (const task of tasks) {
    try {
      await task.run(ctx, { scheduledAt, tenantIds });
      ctx.log.info("nightly task done", { task: task.name });
    } catch (error) {
      failures.push(task.name);
      ctx.log.error("nightly task failed", { task: task.name, error: describeError(error) });
    }
  }
  ctx.log.info("nightly run finished", { tasks: tasks.length, failed: failures.length });
  if (failures.length) throw new Error(`nightly tasks failed: ${failures.join(", ")}`);
}
