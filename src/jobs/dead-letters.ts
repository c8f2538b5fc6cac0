import type { Bindings } from "../env.ts";
import { parseEnv } from "../env.ts";
import { openDatabase } from "../platform/db.ts";
import { createLogger } from "../platform/logger.ts";
import { markDead } from "../webhooks/process-delivery.ts";
import { JobMessage } from "./messages.ts";

/** The queue wrangler.toml names as the jobs queue's dead_letter_queue. */
export const DEAD_LETTER_QUEUE = "ckm-jobs-dlq";

/**
 * Consumes the dead-letter queue: jobs that failed every retry. Each is logged with its kind so
 * an operator can find it, and jobs a tenant can see are marked there too (a webhook delivery
 * becomes `dead` with its last error). A letter that cannot be recorded now is retried.
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const log = createLogger({ queue: batch.queue });
  for (const message of batch.messages) {
    const parsed = JobMessage.safeParse(message.body);
    const kind = parsed.success ? parsed.data.kind : "unknown";
    log.error("job dead-lettered", { messageId: message.id, kind });
    try {
      if (parsed.success && parsed.data.kind === "webhook.process") {
        const handle = openDatabase(parseEnv(env));
        try {
          await markDead(handle.db, parsed.data.tenantId, parsed.data.deliveryId);
        } finally {
          await handle.close();
        }
      }
      message.ack();
    } catch (error) {
      log.error("dead letter not recorded", { messageId: message.id, error: error instanceof Error ? error.message : String(error) });
      message.retry();
    }
  }
}
