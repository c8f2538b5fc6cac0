import { eq } from "drizzle-orm";
import { tenants } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { ForbiddenError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { decodeHex, hmacMatchesAny, utf8 } from "../webhooks/verify/bytes.ts";

/** Who a visitor says they are, signed by the tenant's server. */
export type IdentityClaim = { externalId?: string; email?: string; signature: string };

/**
 * Makes a new identity verification secret (`wis_...`) and returns it; it is shown only now.
 * The tenant's server signs a visitor's external id (or lower-cased email) with it, so a page
 * cannot claim to be someone it is not. The previous secret stops verifying at once.
 */
export async function rotateIdentitySecret(db: Database, actor: Actor): Promise<string> {
  const secret = newId("wis");
  await withTenant(db, actor.tenantId, async (tx) => {
    await tx.update(tenants).set({ widgetIdentitySecret: secret, updatedAt: new Date() }).where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), { action: "surveys.identity_secret", entityType: "tenant", entityId: actor.tenantId, changes: { rotated: true } });
  });
  return secret;
}

/** What an identity claim signs: the external id as given, or the email lower-cased. */
export function signedValue(claim: { externalId?: string; email?: string }): string {
  return claim.externalId ?? claim.email!.trim().toLowerCase();
}

/** Checks a claim's HMAC against the tenant's secret; refuses (403) when it does not verify or no secret is set. */
export async function verifyIdentity(tx: Transaction, tenantId: string, claim: IdentityClaim): Promise<void> {
  const [tenant] = await tx.select({ secret: tenants.widgetIdentitySecret }).from(tenants).where(eq(tenants.id, tenantId));
  const signature = decodeHex(claim.signature);
  const valid = tenant?.secret && signature && (await hmacMatchesAny([utf8(tenant.secret)], utf8(signedValue(claim)), [signature]));
  if (!valid) throw new ForbiddenError("The identity signature does not verify.");
}
