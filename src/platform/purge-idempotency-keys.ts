import { sql } from "drizzle-orm";
import { parseEnv } from "../env.ts";
import type { NightlyTask } from "../jobs/nightly.ts";
import { openDatabase } from "./db.ts";
import { withoutTenant } from "./with-tenant.ts";

/** Nightly: drops the Idempotency-Key answers past their day, across every tenant. */
export const purgeIdempotencyKeys: NightlyTask = {
  name: "platform.purge_idempotency_keys",
  async run(ctx) {
    const handle = openDatabase(parseEnv(ctx.env));
    try {
      const rows = await withoutTenant(handle.db, (tx) => tx.execute<{ purged: number }>(sql`select purge_idempotency_keys() as purged`));
      ctx.log.info("idempotency keys purged", { purged: Number(rows.rows[0]?.purged ?? 0) });
    } finally {
      await handle.close();
    }
  },
};
