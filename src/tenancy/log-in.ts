import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema/index.ts";
import { integerArray, textArray } from "../db/sql-arrays.ts";
import type { KeyRing } from "../platform/access-tokens.ts";
import type { RequestOrigin } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { RateLimitedError, UnauthorizedError } from "../platform/errors.ts";
import { hashToken } from "../platform/secrets.ts";
import { withoutTenant, withTenant } from "../platform/with-tenant.ts";
import { recordAudit } from "./audit.ts";
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from "./passwords.ts";
import { startSession, type IssuedTokens } from "./sessions.ts";

/** Failed logins allowed per window, per account and per client address. */
export const LOGIN_LIMITS = { account: 10, address: 100, windowSeconds: 15 * 60 } as const;

const WRONG = "The email or password is wrong.";
const NO_TENANT = "00000000-0000-0000-0000-000000000000";


/**
 * Checks an email and password and starts a session. An unknown email and a wrong password
 * get the same answer after the same work (a decoy hash is verified), and both count against
 * the account's and the address's failure budgets; an exhausted budget answers 429.
 */
export async function logIn(input: {
  db: Database;
  ring: KeyRing;
  email: string;
  password: string;
  origin: RequestOrigin;
}): Promise<IssuedTokens> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${await hashToken(email)}`;
  const keys = [accountKey, `address:${await hashToken(input.origin.ip ?? "unknown")}`];
  const limits = [LOGIN_LIMITS.account, LOGIN_LIMITS.address];

  const gate = await withoutTenant(input.db, (tx) =>
    tx.execute<{ retry_after: number; tenant: string | null }>(
      sql`select login_retry_after(${textArray(keys)}, ${integerArray(limits)}, ${LOGIN_LIMITS.windowSeconds}) as retry_after,
                 credential_tenant_of_email(${email}) as tenant`,
    ),
  );
  const { retry_after: retryAfter = 0, tenant: tenantId = null } = gate.rows[0] ?? {};
  if (retryAfter > 0) throw new RateLimitedError(`Too many failed logins; try again in ${retryAfter} seconds.`, retryAfter);

  // An unknown email still runs the lookup (in a tenant that cannot exist) so both paths cost the same.
  const user = await withTenant(input.db, tenantId ?? NO_TENANT, async (tx) => (await tx.select().from(users).where(eq(users.email, email)))[0]);
  const verified = user ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstDecoy(input.password);
  if (!user || !verified) {
    await withoutTenant(input.db, (tx) =>
      tx.execute(sql`select login_failed(${textArray(keys)}, ${LOGIN_LIMITS.windowSeconds})`),
    );
    throw new UnauthorizedError(WRONG);
  }

  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : undefined;
  return withTenant(input.db, user.tenantId, async (tx) => {
    if (rehashed) await tx.update(users).set({ passwordHash: rehashed }).where(eq(users.id, user.id));
    await tx.execute(sql`select login_succeeded(${accountKey})`);
    const { sessionId, tokens } = await startSession(tx, input.ring, user, input.origin);
    const who = { type: "user" as const, id: user.id, origin: input.origin };
    await recordAudit(tx, user.tenantId, who, { action: "auth.login", entityType: "session", entityId: sessionId });
    return tokens;
  });
}
