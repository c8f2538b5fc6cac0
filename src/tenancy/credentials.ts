import { and, eq, isNull, sql } from "drizzle-orm";
import { sessions, users } from "../db/schema/index.ts";
import type { AccessClaims } from "../platform/access-tokens.ts";
import type { Actor, RequestOrigin } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { ForbiddenError, UnauthorizedError } from "../platform/errors.ts";
import type { Role } from "../platform/roles.ts";
import { hashToken } from "../platform/secrets.ts";
import { withoutTenant, withTenant } from "../platform/with-tenant.ts";

type ApiKeyRow = {
  key_tenant_id: string;
  key_id: string;
  key_kind: "secret" | "publishable";
  key_role: Role | null;
  key_expires_at: string | null;
  key_revoked_at: string | null;
  tenant_allowed_origins: string[];
};

/**
 * Resolves a verified access token to its user as the database sees them now: a removed member
 * or an ended session is refused at once, and a changed role applies to the next request.
 */
export async function resolveSession(db: Database, claims: AccessClaims, origin: RequestOrigin): Promise<Actor> {
  const [row] = await withTenant(db, claims.tenantId, (tx) =>
    tx
      .select({ role: users.role })
      .from(sessions)
      .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
      .where(and(eq(sessions.id, claims.sessionId), eq(sessions.userId, claims.userId), isNull(sessions.revokedAt))),
  );
  if (!row) throw new UnauthorizedError("The session has ended; log in again.");
  return { kind: "user", tenantId: claims.tenantId, userId: claims.userId, sessionId: claims.sessionId, role: row.role, origin };
}

/**
 * Resolves an `sk_live_...` or `pk_live_...` key. Unknown, revoked and expired keys get one
 * answer; a publishable key is honoured only from an origin the tenant allows, or from the
 * Worker's own pages (the hosted survey link).
 */
export async function resolveApiKey(
  db: Database,
  token: string,
  origin: RequestOrigin,
  pageOrigin: { page: string | undefined; own: string },
): Promise<Actor> {
  const hash = await hashToken(token);
  const result = await withoutTenant(db, (tx) => tx.execute<ApiKeyRow>(sql`select * from credential_api_key(${hash})`));
  const key = result.rows[0];
  const expired = key?.key_expires_at != null && new Date(key.key_expires_at) <= new Date();
  if (!key || key.key_revoked_at != null || expired) throw new UnauthorizedError("The API key is invalid, revoked or expired.");
  if (key.key_kind === "publishable") {
    const { page, own } = pageOrigin;
    if (!page || (page !== own && !key.tenant_allowed_origins.includes(page))) {
      throw new ForbiddenError("This publishable key works only from the tenant's allowed origins.");
    }
    return { kind: "publishable_key", tenantId: key.key_tenant_id, keyId: key.key_id, origin };
  }
  if (!key.key_role) throw new UnauthorizedError("The API key is invalid, revoked or expired.");
  return { kind: "secret_key", tenantId: key.key_tenant_id, keyId: key.key_id, role: key.key_role, origin };
}
