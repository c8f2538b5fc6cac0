import { asc, eq } from "drizzle-orm";
import { userLanguage, users } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../platform/errors.ts";
import type { Role } from "../platform/roles.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "./audit.ts";

/** Languages the dashboard is translated into; a member without one follows their browser. */
export const LANGUAGES = userLanguage.enumValues;
export type Language = (typeof LANGUAGES)[number];

export type Member = {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language | null;
  createdAt: Date;
  lastLoginAt: Date | null;
};

/** What members may change about themselves. */
export type ProfileChange = { language?: Language | null };

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  language: users.language,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

export async function listMembers(db: Database, actor: Actor): Promise<Member[]> {
  return withTenant(db, actor.tenantId, (tx) => tx.select(memberColumns).from(users).orderBy(asc(users.createdAt), asc(users.id)));
}

export async function getMember(db: Database, actor: Actor, userId: string): Promise<Member> {
  return withTenant(db, actor.tenantId, (tx) => findMember(tx, userId));
}

async function findMember(tx: Transaction, userId: string): Promise<Member> {
  const [member] = await tx.select(memberColumns).from(users).where(eq(users.id, userId));
  if (!member) throw new NotFoundError("member", userId);
  return member;
}

/** Only an owner may make someone an owner, or change or remove an owner. */
function assertMayManage(actor: Actor, target: Role, next?: Role): void {
  const actorRole = actor.kind === "publishable_key" ? undefined : actor.role;
  if ((target === "owner" || next === "owner") && actorRole !== "owner") {
    throw new ForbiddenError("Only an owner may grant the owner role or change an owner.");
  }
}

/**
 * Locks the owners before counting them, so two owners stepping down at once cannot both
 * succeed: the second waits, then sees the first is no longer an owner.
 */
async function assertAnotherOwner(tx: Transaction, userId: string): Promise<void> {
  const owners = await tx.select({ id: users.id }).from(users).where(eq(users.role, "owner")).for("update");
  if (!owners.some((owner) => owner.id !== userId)) {
    throw new ConflictError("A tenant keeps at least one owner; make someone else owner first.");
  }
}

/** Changes a member's role; it applies to their next request. */
export async function changeMemberRole(db: Database, actor: Actor, userId: string, role: Role): Promise<Member> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const member = await findMember(tx, userId);
    assertMayManage(actor, member.role, role);
    if (member.role === role) return member;
    if (member.role === "owner") await assertAnotherOwner(tx, userId);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "members.update",
      entityType: "member",
      entityId: userId,
      changes: { role: { from: member.role, to: role } },
    });
    return { ...member, role };
  });
}

/**
 * Changes the calling member's own preferences and records each changed field's old and new
 * value; an unchanged field writes nothing. Only a logged-in user has a profile.
 */
export async function updateProfile(db: Database, actor: Actor, change: ProfileChange): Promise<Member> {
  if (actor.kind !== "user") throw new ForbiddenError("Only a logged-in user has a profile.");
  const userId = actor.userId;
  return withTenant(db, actor.tenantId, async (tx) => {
    const before = await findMember(tx, userId);
    const changed = Object.fromEntries(
      Object.entries(change).filter(([field, value]) => before[field as keyof ProfileChange] !== value),
    ) as ProfileChange;
    if (Object.keys(changed).length === 0) return before;
    const [after] = await tx.update(users).set({ ...changed, updatedAt: new Date() }).where(eq(users.id, userId)).returning(memberColumns);
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "me.update",
      entityType: "member",
      entityId: userId,
      changes: Object.fromEntries(
        Object.entries(changed).map(([field, value]) => [field, { from: before[field as keyof ProfileChange], to: value }]),
      ),
    });
    return after!;
  });
}

/** Removes a member; their sessions go with them, so their tokens stop working at once. */
export async function removeMember(db: Database, actor: Actor, userId: string): Promise<void> {
  await withTenant(db, actor.tenantId, async (tx) => {
    const member = await findMember(tx, userId);
    assertMayManage(actor, member.role);
    if (member.role === "owner") await assertAnotherOwner(tx, userId);
    await tx.delete(users).where(eq(users.id, userId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "members.remove",
      entityType: "member",
      entityId: userId,
      changes: { email: member.email, role: member.role },
    });
  });
}
