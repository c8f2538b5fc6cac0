import type { Bindings } from "../env.ts";
import { parseEnv } from "../env.ts";
import { openDatabase } from "../platform/db.ts";
import { createLogger } from "../platform/logger.ts";
import { failImport } from "../customers/import/fail-import.ts";
import { failRun } from "../segments/advance-run.ts";
import { failBackup } from "../backups/backups.ts";
import { failRestore } from "../backups/restore-backup.ts";
import { markDead } from "../webhooks/process-delivery.ts";
import { JobMessage } from "./messages.ts";
import { describeError } from "../platform/error-text.ts";

/** The queue wrangler.toml names as the jobs queue's dead_letter_queue. */
export const DEAD_LETTER_QUEUE = "ckm-jobs-dlq";

/**
 * Consumes the dead-letter queue: jobs that failed every retry. Each is logged with its kind so
 * an operator can find it, and jobs a tenant can see are marked there too (a webhook delivery
 * becomes `dead` with its last error, a segmentation run, import, backup or restore `failed`; a response
 * webhook the tenant's endpoint never accepted is only logged). A letter that cannot be recorded now is retried.
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const log = createLogger({ queue: batch.queue });
  for (const message of batch.messages) {
    const parsed = JobMessage.safeParse(message.body);
    const kind = parsed.success ? parsed.data.kind : "unknown";
    log.error("job dead-lettered", { messageId: message.id, kind });
    try {
      const job = parsed.success ? parsed.data : null;
      if (job && job.kind !== "nightly.run" && job.kind !== "survey.response.webhook") {
        const handle = openDatabase(parseEnv(env));
        try {
          if (job.kind === "webhook.process") await markDead(handle.db, job.tenantId, job.deliveryId);
          else if (job.kind === "segmentation.run") await failRun(handle.db, job.tenantId, job.runId);
          else if (job.kind === "backup.run") await failBackup(handle.db, job.tenantId, job.backupId);
          else if (job.kind === "backup.restore") await failRestore(handle.db, job.tenantId, job.backupId);
          else await failImport(handle.db, job.tenantId, job.importId, job.kind === "import.validate" ? "validate" : "apply");
        } finally {
          await handle.close();
        }
      }
      message.ack();
    } catch (error) {
      log.error("dead letter not recorded", { messageId: message.id, error: describeError(error) });
      message.retry();
    }
  }
}
