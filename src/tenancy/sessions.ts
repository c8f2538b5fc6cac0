import { and, eq, sql } from "drizzle-orm";
import { refreshTokens, sessions, users } from "../db/schema/index.ts";
import { signAccessToken, type KeyRing } from "../platform/access-tokens.ts";
import type { RequestOrigin } from "../platform/actor.ts";
import type { Transaction } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import type { Role } from "../platform/roles.ts";
import { hashToken } from "../platform/secrets.ts";

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** What sign-up, login, invite acceptance and refresh hand back to the client. */
export type IssuedTokens = {
  tokenType: "Bearer";
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
};

export type SessionUser = { tenantId: string; id: string; role: Role };

/**
 * Starts a refresh-token family for a user who has just proven who they are (log-in, sign-up,
 * accepting an invite), and records it as their last login.
 */
export async function startSession(
  tx: Transaction,
  ring: KeyRing,
  user: SessionUser,
  origin: RequestOrigin,
): Promise<{ sessionId: string; tokens: IssuedTokens }> {
  const [session] = await tx
    .insert(sessions)
    .values({ tenantId: user.tenantId, userId: user.id, ip: origin.ip, userAgent: origin.userAgent })
    .returning({ id: sessions.id });
  await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
  const tokens = await issueTokens(tx, ring, user, session!.id);
  return { sessionId: session!.id, tokens };
}

/** Mints the next refresh token of a family and a fresh access token. */
export async function issueTokens(tx: Transaction, ring: KeyRing, user: SessionUser, sessionId: string): Promise<IssuedTokens> {
  const refreshToken = newId("rt");
  const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000);
  await tx.insert(refreshTokens).values({
    tenantId: user.tenantId,
    sessionId,
    tokenHash: await hashToken(refreshToken),
    expiresAt: refreshTokenExpiresAt,
  });
  const access = await signAccessToken(ring, { userId: user.id, tenantId: user.tenantId, role: user.role, sessionId });
  return {
    tokenType: "Bearer",
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken,
    refreshTokenExpiresAt: refreshTokenExpiresAt.toISOString(),
  };
}

/** Ends a refresh-token family; its access tokens stop working at their next request. */
export async function revokeSession(tx: Transaction, sessionId: string, reason: "logout" | "reuse"): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), sql`${sessions.revokedAt} is null`));
}
