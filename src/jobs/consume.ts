import type { Bindings } from "../env.ts";
import { describeError } from "../platform/error-text.ts";
import { createLogger, type Logger } from "../platform/logger.ts";
import { JobMessage, type JobKind } from "./messages.ts";

export type JobContext = { env: Bindings; log: Logger };
export type JobHandlers = { [K in JobKind]: (job: Extract<JobMessage, { kind: K }>, ctx: JobContext) => Promise<void> };

/** Seconds to wait before the next attempt: 2, 4, 8, ... capped at ten minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(600, 2 ** Math.max(1, attempts));
}

/**
 * Consumes one batch: each message is parsed, then handed to the handler of its kind. A message
 * that does not parse is acknowledged and logged (retrying cannot fix it); a handler failure is
 * retried with backoff until the queue's max_retries moves it to the dead-letter queue.
 */
export async function consumeBatch(
  batch: MessageBatch<unknown>,
  env: Bindings,
  handlers: JobHandlers,
): Promise<void> {
  for (const message of batch.messages) {
    const log = createLogger({ queue: batch.queue, messageId: message.id, attempts: message.attempts });
    const parsed = JobMessage.safeParse(message.body);
    if (!parsed.success) {
      log.error("job message rejected", { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
      message.ack();
      continue;
    }
    const job = parsed.data;
    try {
      await (handlers[job.kind] as (job: JobMessage, ctx: JobContext) => Promise<void>)(job, { env, log });
      message.ack();
    } catch (error) {
      log.error("job failed", { kind: job.kind, error: describeError(error) });
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}
