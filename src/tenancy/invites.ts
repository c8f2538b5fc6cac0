import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { invites, tenants, users } from "../db/schema/index.ts";
import type { KeyRing } from "../platform/access-tokens.ts";
import type { Actor, RequestOrigin } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { isUniqueViolation } from "../platform/db-errors.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import type { Role } from "../platform/roles.ts";
import { hashToken } from "../platform/secrets.ts";
import { withoutTenant, withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "./audit.ts";
import { noInviteMailer, type InviteMailer } from "./invite-mailer.ts";
import { hashPassword } from "./passwords.ts";
import { startSession, type IssuedTokens } from "./sessions.ts";

export const INVITE_TTL_SECONDS = 7 * 24 * 3600;

export type Invite = typeof invites.$inferSelect;
export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";

export function inviteStatus(invite: Invite, now = new Date()): InviteStatus {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt <= now ? "expired" : "pending";
}

/**
 * Invites someone by email with a role and returns the one-time token (shown once, stored as a
 * hash). Inviting the same email again replaces the pending invitation.
 */
export async function createInvite(
  db: Database,
  actor: Actor,
  data: { email: string; role: Role },
  mailer: InviteMailer = noInviteMailer,
): Promise<{ invite: Invite; token: string }> {
  if (data.role === "owner" && (actor.kind === "publishable_key" || actor.role !== "owner")) {
    throw new ForbiddenError("Only an owner may invite an owner.");
  }
  const registered = await withoutTenant(db, (tx) =>
    tx.execute<{ tenant: string | null }>(sql`select credential_tenant_of_email(${data.email}) as tenant`),
  );
  if (registered.rows[0]?.tenant) {
    throw new ConflictError("This email already has a ckm account.", [{ path: "json.email", message: "is already registered" }]);
  }
  const token = newId("inv");
  const result = await withTenant(db, actor.tenantId, async (tx) => {
    await tx
      .update(invites)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invites.email, data.email), isNull(invites.acceptedAt), isNull(invites.revokedAt)));
    const [invite] = await tx
      .insert(invites)
      .values({
        tenantId: actor.tenantId,
        email: data.email,
        role: data.role,
        tokenHash: await hashToken(token),
        invitedBy: actor.kind === "user" ? actor.userId : null,
        expiresAt: new Date(Date.now() + INVITE_TTL_SECONDS * 1000),
      })
      .returning();
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants);
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "invites.create",
      entityType: "invite",
      entityId: invite!.id,
      changes: { email: data.email, role: data.role },
    });
    return { invite: invite!, tenantName: tenant?.name ?? "" };
  });
  await mailer.deliver({ email: data.email, tenantName: result.tenantName, role: data.role, token, expiresAt: result.invite.expiresAt });
  return { invite: result.invite, token };
}

export async function listInvites(db: Database, actor: Actor): Promise<Invite[]> {
  return withTenant(db, actor.tenantId, (tx) => tx.select().from(invites).orderBy(desc(invites.createdAt), desc(invites.id)));
}

/** Withdraws an invitation; revoking one that is no longer pending changes nothing. */
export async function revokeInvite(db: Database, actor: Actor, inviteId: string): Promise<Invite> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [invite] = await tx.select().from(invites).where(eq(invites.id, inviteId));
    if (!invite) throw new NotFoundError("invite", inviteId);
    if (inviteStatus(invite) !== "pending") return invite;
    const [revoked] = await tx.update(invites).set({ revokedAt: sql`now()` }).where(eq(invites.id, inviteId)).returning();
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "invites.revoke", entityType: "invite", entityId: inviteId });
    return revoked!;
  });
}

const UNUSABLE = "This invitation does not exist, has expired, was revoked or was already used.";

/** Accepts an invitation: creates the member with the invited role and logs them in. */
export async function acceptInvite(input: {
  db: Database;
  ring: KeyRing;
  data: { token: string; name: string; password: string };
  origin: RequestOrigin;
}): Promise<{ tenantId: string; userId: string; tokens: IssuedTokens }> {
  const tokenHash = await hashToken(input.data.token);
  const found = await withoutTenant(input.db, (tx) =>
    tx.execute<{ tenant: string | null }>(sql`select credential_tenant_of_invite(${tokenHash}) as tenant`),
  );
  const tenantId = found.rows[0]?.tenant;
  if (!tenantId) throw new NotFoundError("invitation", undefined, UNUSABLE);
  const passwordHash = await hashPassword(input.data.password);
  try {
    return await withTenant(input.db, tenantId, async (tx) => {
      const claimed = await tx
        .update(invites)
        .set({ acceptedAt: sql`now()` })
        .where(
          and(eq(invites.tokenHash, tokenHash), isNull(invites.acceptedAt), isNull(invites.revokedAt), sql`${invites.expiresAt} > now()`),
        )
        .returning();
      const invite = claimed[0];
      if (!invite) throw new NotFoundError("invitation", undefined, UNUSABLE);
      const [user] = await tx
        .insert(users)
        .values({ tenantId, email: invite.email, name: input.data.name, role: invite.role, passwordHash })
        .returning();
      const { tokens } = await startSession(tx, input.ring, user!, input.origin);
      const who = { type: "user" as const, id: user!.id, origin: input.origin };
      await recordAudit(tx, tenantId, who, {
        action: "invites.accept",
        entityType: "member",
        entityId: user!.id,
        changes: { invite: invite.id, role: invite.role },
      });
      return { tenantId, userId: user!.id, tokens };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("This email already has a ckm account; log in instead.");
    throw error;
  }
}
