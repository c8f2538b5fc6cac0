import { and, eq, isNull, sql } from "drizzle-orm";
import { refreshTokens, sessions, users } from "../db/schema/index.ts";
import type { KeyRing } from "../platform/access-tokens.ts";
import type { RequestOrigin } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { UnauthorizedError } from "../platform/errors.ts";
import { hashToken } from "../platform/secrets.ts";
import { withoutTenant, withTenant } from "../platform/with-tenant.ts";
import { recordAudit } from "./audit.ts";
import { issueTokens, revokeSession, type IssuedTokens } from "./sessions.ts";

const INVALID = "The refresh token is invalid, expired or revoked; log in again.";

/** The tenant a refresh token belongs to, found before row-level security can be scoped. */
export async function tenantOfRefreshToken(db: Database, tokenHash: string): Promise<string | null> {
  const result = await withoutTenant(db, (tx) =>
    tx.execute<{ tenant: string | null }>(sql`select credential_tenant_of_refresh_token(${tokenHash}) as tenant`),
  );
  return result.rows[0]?.tenant ?? null;
}

/**
 * Spends a refresh token and returns the next pair. A token that was already spent means it was
 * stolen or replayed: its whole family is revoked (and audited) before the 401 is answered.
 */
export async function refreshSession(input: {
  db: Database;
  ring: KeyRing;
  refreshToken: string;
  origin: RequestOrigin;
}): Promise<IssuedTokens> {
  const tokenHash = await hashToken(input.refreshToken);
  const tenantId = await tenantOfRefreshToken(input.db, tokenHash);
  if (!tenantId) throw new UnauthorizedError(INVALID);
  const outcome = await withTenant(input.db, tenantId, async (tx) => {
    const [found] = await tx
      .select({ token: refreshTokens, session: sessions, role: users.role })
      .from(refreshTokens)
      .innerJoin(sessions, and(eq(sessions.tenantId, refreshTokens.tenantId), eq(sessions.id, refreshTokens.sessionId)))
      .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
      .where(eq(refreshTokens.tokenHash, tokenHash));
    if (!found || found.session.revokedAt || found.token.expiresAt <= new Date()) return { kind: "invalid" as const };
    const who = { type: "user" as const, id: found.session.userId, origin: input.origin };
    const claimed = await tx
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(refreshTokens.id, found.token.id), isNull(refreshTokens.usedAt)))
      .returning({ id: refreshTokens.id });
    if (claimed.length === 0) {
      await revokeSession(tx, found.session.id, "reuse");
      await recordAudit(tx, tenantId, who, { action: "auth.refresh_reuse", entityType: "session", entityId: found.session.id });
      return { kind: "reused" as const };
    }
    await tx.update(sessions).set({ refreshedAt: sql`now()` }).where(eq(sessions.id, found.session.id));
    const user = { tenantId, id: found.session.userId, role: found.role };
    const tokens = await issueTokens(tx, input.ring, user, found.session.id);
    await recordAudit(tx, tenantId, who, { action: "auth.refresh", entityType: "session", entityId: found.session.id });
    return { kind: "issued" as const, tokens };
  });
  if (outcome.kind !== "issued") throw new UnauthorizedError(INVALID);
  return outcome.tokens;
}

/** Logs a session out by its refresh token. An unknown or spent token changes nothing. */
export async function endSession(input: { db: Database; refreshToken: string; origin: RequestOrigin }): Promise<void> {
  const tokenHash = await hashToken(input.refreshToken);
  const tenantId = await tenantOfRefreshToken(input.db, tokenHash);
  if (!tenantId) return;
  await withTenant(input.db, tenantId, async (tx) => {
    const [found] = await tx
      .select({ sessionId: refreshTokens.sessionId, userId: sessions.userId, revokedAt: sessions.revokedAt })
      .from(refreshTokens)
      .innerJoin(sessions, and(eq(sessions.tenantId, refreshTokens.tenantId), eq(sessions.id, refreshTokens.sessionId)))
      .where(eq(refreshTokens.tokenHash, tokenHash));
    if (!found || found.revokedAt) return;
    await revokeSession(tx, found.sessionId, "logout");
    const who = { type: "user" as const, id: found.userId, origin: input.origin };
    await recordAudit(tx, tenantId, who, { action: "auth.logout", entityType: "session", entityId: found.sessionId });
  });
}
