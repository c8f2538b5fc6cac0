import { sql } from "drizzle-orm";
import { parseEnv } from "../env.ts";
import { openDatabase } from "../platform/db.ts";
import { withoutTenant } from "../platform/with-tenant.ts";
import type { NightlyTask } from "../jobs/nightly.ts";

/** Days an expired refresh token or a revoked session is kept, for support questions, before it goes. */
export const CREDENTIAL_KEEP_DAYS = 30;

export type PurgeCounts = { throttleWindows: number; spentRefreshTokens: number; endedSessions: number };

/** Deletes spent credentials of every tenant through the one function allowed to. */
export const purgeExpiredCredentials: NightlyTask = {
  name: "purge-expired-credentials",
  async run(ctx) {
    const handle = openDatabase(parseEnv(ctx.env));
    try {
      const result = await withoutTenant(handle.db, (tx) =>
        tx.execute<{ throttle_windows: string; spent_refresh_tokens: string; ended_sessions: string }>(
          sql`select * from purge_expired_credentials(${CREDENTIAL_KEEP_DAYS})`,
        ),
      );
      const row = result.rows[0];
      const counts: PurgeCounts = {
        throttleWindows: Number(row?.throttle_windows ?? 0),
        spentRefreshTokens: Number(row?.spent_refresh_tokens ?? 0),
        endedSessions: Number(row?.ended_sessions ?? 0),
      };
      ctx.log.info("purged expired credentials", counts);
    } finally {
      await handle.close();
    }
  },
};
