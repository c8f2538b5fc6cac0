import { purgeExpiredCredentials } from "../tenancy/purge-credentials.ts";
import { purgeWebhookPayloads } from "../webhooks/purge-payloads.ts";
import { purgeIdempotencyKeys } from "../platform/purge-idempotency-keys.ts";
import { purgeWidgetRateLimits } from "../surveys/purge-rate-limits.ts";
import type { JobContext } from "./consume.ts";
import { describeError } from "../platform/error-text.ts";

export type NightlyTask = { name: string; run(ctx: JobContext, scheduledAt: string): Promise<void> };

/** Maintenance that runs once a night: capabilities register theirs (backups, retention). */
export const nightlyTasks: NightlyTask[] = [purgeExpiredCredentials, purgeWebhookPayloads, purgeIdempotencyKeys, purgeWidgetRateLimits];

/** Runs every nightly task; one failing does not stop the others, but fails the job for a retry. */
export async function runNightly(ctx: JobContext, scheduledAt: string, tasks = nightlyTasks): Promise<void> {
  const failures: string[] = [];
  for (const task of tasks) {
    try {
      await task.run(ctx, scheduledAt);
      ctx.log.info("nightly task done", { task: task.name });
    } catch (error) {
      failures.push(task.name);
      ctx.log.error("nightly task failed", { task: task.name, error: describeError(error) });
    }
  }
  ctx.log.info("nightly run finished", { tasks: tasks.length, failed: failures.length });
  if (failures.length) throw new Error(`nightly tasks failed: ${failures.join(", ")}`);
}
