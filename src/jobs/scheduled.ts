import type { Bindings } from "../env.ts";
import { createLogger } from "../platform/logger.ts";

/** The nightly cron of wrangler.toml; other expressions are logged and ignored. */
export const NIGHTLY_CRON = "17 2 * * *";

/**
 * Handles a cron trigger by enqueueing the work it stands for, so the work runs in queue
 * consumers with retries instead of inside the short-lived scheduled event.
 */
export async function dispatchCron(controller: { cron: string; scheduledTime: number }, env: Bindings): Promise<void> {
  const log = createLogger({ cron: controller.cron });
  if (controller.cron !== NIGHTLY_CRON) {
    log.warn("unknown cron expression, nothing to do");
    return;
  }
  await env.JOBS.send({ kind: "nightly.run", scheduledAt: new Date(controller.scheduledTime).toISOString() });
  log.info("nightly run enqueued");
}
