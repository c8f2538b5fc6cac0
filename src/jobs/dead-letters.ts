import { createLogger } from "../platform/logger.ts";

/** The queue wrangler.toml names as the jobs queue's dead_letter_queue. */
export const DEAD_LETTER_QUEUE = "ckm-jobs-dlq";

/**
 * Consumes the dead-letter queue: jobs that failed every retry. Each is logged with its body's
 * kind so an operator can find it; capabilities with tenant-visible jobs record theirs too.
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>): Promise<void> {
  const log = createLogger({ queue: batch.queue });
  for (const message of batch.messages) {
    const kind = (message.body as { kind?: unknown } | null)?.kind;
    log.error("job dead-lettered", { messageId: message.id, kind: typeof kind === "string" ? kind : "unknown" });
    message.ack();
  }
}
