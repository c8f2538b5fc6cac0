import { sql } from "drizzle-orm";
import type { NightlyTask } from "../jobs/nightly.ts";
import { parseEnv } from "../env.ts";
import { openDatabase } from "../platform/db.ts";
import { withoutTenant } from "../platform/with-tenant.ts";

/** Deliveries waiting longer than this were never queued (the queue refused them); the sweep queues them. */
const STUCK_AFTER_MINUTES = 10;

/**
 * Nightly: drops raw webhook payloads older than each tenant's retention setting (the
 * delivery's log line stays), and queues again any delivery still waiting to be processed.
 * Runs through a function of the migrations, since it spans every tenant.
 */
export const purgeWebhookPayloads: NightlyTask = {
  name: "webhooks.purge_payloads",
  async run(ctx) {
    const handle = openDatabase(parseEnv(ctx.env));
    try {
      const { purged, stuck } = await withoutTenant(handle.db, async (tx) => {
        const purgedRows = await tx.execute<{ purged: number }>(sql`select purge_webhook_payloads() as purged`);
        const stuckRows = await tx.execute<{ tenant_id: string; id: string }>(sql`select * from stuck_webhook_deliveries(${STUCK_AFTER_MINUTES})`);
        return { purged: Number(purgedRows.rows[0]?.purged ?? 0), stuck: stuckRows.rows };
      });
      for (const delivery of stuck) await ctx.env.JOBS.send({ kind: "webhook.process", tenantId: delivery.tenant_id, deliveryId: delivery.id });
      ctx.log.info("webhook payloads purged", { purged, requeued: stuck.length });
    } finally {
      await handle.close();
    }
  },
};
