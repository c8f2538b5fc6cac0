import { tenants, users } from "../db/schema/index.ts";
import type { KeyRing } from "../platform/access-tokens.ts";
import type { RequestOrigin } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { isUniqueViolation } from "../platform/db-errors.ts";
import { ConflictError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { recordAudit } from "./audit.ts";
import { hashPassword } from "./passwords.ts";
import { startSession, type IssuedTokens } from "./sessions.ts";

export type SignUpInput = { company: string; name: string; email: string; password: string };

export type SignUpResult = { tenantId: string; userId: string; tokens: IssuedTokens };

/** A URL-safe slug from the company name, with a random tail so two "Acme"s never collide. */
export function slugFor(company: string): string {
  const base = company
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const tail = newId("x").slice(2, 8).toLowerCase();
  return base ? `${base}-${tail}` : `tenant-${tail}`;
}

/**
 * Creates a tenant and its owner and logs the owner in, all in one transaction. The password
 * must already satisfy the policy (the route's schema checks it). An email that already has an
 * account, in any tenant, is a conflict.
 */
export async function signUp(input: { db: Database; ring: KeyRing; data: SignUpInput; origin: RequestOrigin }): Promise<SignUpResult> {
  const { data } = input;
  const passwordHash = await hashPassword(data.password);
  const tenantId = crypto.randomUUID();
  try {
    return await withTenant(input.db, tenantId, async (tx) => {
      await tx.insert(tenants).values({ id: tenantId, slug: slugFor(data.company), name: data.company });
      const [user] = await tx
        .insert(users)
        .values({ tenantId, email: data.email, name: data.name, role: "owner", passwordHash })
        .returning();
      const { tokens } = await startSession(tx, input.ring, user!, input.origin);
      const who = { type: "user" as const, id: user!.id, origin: input.origin };
      await recordAudit(tx, tenantId, who, {
        action: "auth.signup",
        entityType: "tenant",
        entityId: tenantId,
        changes: { company: data.company, email: data.email },
      });
      return { tenantId, userId: user!.id, tokens };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError("An account with this email already exists; log in instead.", [
        { path: "json.email", message: "is already registered" },
      ]);
    }
    throw error;
  }
}
