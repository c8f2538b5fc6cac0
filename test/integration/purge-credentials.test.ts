import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refreshTokens, sessions } from "../../src/db/schema/index.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { CREDENTIAL_KEEP_DAYS, purgeExpiredCredentials } from "../../src/tenancy/purge-credentials.ts";
import { signUp } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { insertSession } from "../harness/fixture.ts";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe("the nightly purge of spent credentials", () => {
  it("removes long-expired refresh tokens and long-ended sessions, and keeps live ones working", async () => {
    const owner = await signUp();
    await insertSession(owner.tenantId, owner.userId);
    const stale = await withDatabase((db) =>
      withTenant(db, owner.tenantId, async (tx) => {
        const [old] = await tx
          .insert(sessions)
          .values({ tenantId: owner.tenantId, userId: owner.userId, revokedAt: daysAgo(CREDENTIAL_KEEP_DAYS + 1), revokedReason: "logout" })
          .returning({ id: sessions.id });
        await tx.insert(refreshTokens).values({
          tenantId: owner.tenantId,
          sessionId: old!.id,
          tokenHash: crypto.randomUUID(),
          expiresAt: daysAgo(CREDENTIAL_KEEP_DAYS + 2),
        });
        return old!.id;
      }),
    );
    await withDatabase((db) =>
      db.execute(sql`insert into login_throttle values (${`account:${crypto.randomUUID()}`}, 3, now() - interval '2 days')`),
    );

    await purgeExpiredCredentials.run({ env, log: createLogger({ test: "purge" }, "error") }, { scheduledAt: new Date().toISOString() });

    const remaining = await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) => tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, owner.userId))),
    );
    expect(remaining.map((row) => row.id)).not.toContain(stale);
    expect(remaining).toHaveLength(2);
    const oldWindows = await withDatabase((db) =>
      db.execute<{ n: number }>(sql`select count(*)::int as n from login_throttle where window_started_at < now() - interval '1 day'`),
    );
    expect(oldWindows.rows[0]?.n).toBe(0);
    expect((await call("GET", "/v1/me", { token: owner.tokens.accessToken })).status).toBe(200);
    expect((await call("POST", "/v1/auth/refresh", { body: { refreshToken: owner.tokens.refreshToken } })).status).toBe(200);
  });
});
