import { and, eq } from "drizzle-orm";
import { customerIdentities, interactions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { assertIdentitiesFree } from "./create-customer.ts";
import { findCustomer, identitiesOf } from "./customer-context.ts";
import type { Identity } from "./customer-view.ts";

/** Links a customer to their id on another platform; an id already linked to someone else is a conflict. */
export async function addIdentity(db: Database, actor: Actor, customerId: string, identity: Identity): Promise<Identity[]> {
  return withTenant(db, actor.tenantId, async (tx) => {
    await findCustomer(tx, customerId);
    const existing = await identitiesOf(tx, customerId);
    if (existing.some((row) => row.platform === identity.platform && row.externalId === identity.externalId)) return existing;
    await assertIdentitiesFree(tx, [identity]);
    await tx.insert(customerIdentities).values({ ...identity, tenantId: actor.tenantId, customerId });
    const who = auditActorOf(actor);
    await tx.insert(interactions).values({
      tenantId: actor.tenantId,
      customerId,
      kind: "field_change",
      summary: `Linked ${identity.platform} id ${identity.externalId}`,
      data: { identity: { from: null, to: identity } },
      actorType: who.type,
      actorId: who.id,
    });
    await recordAudit(tx, actor.tenantId, who, { action: "customers.identities.add", entityType: "customer", entityId: customerId, changes: { identity } });
    return identitiesOf(tx, customerId);
  });
}

export async function removeIdentity(db: Database, actor: Actor, customerId: string, identity: Identity): Promise<Identity[]> {
  return withTenant(db, actor.tenantId, async (tx) => {
    await findCustomer(tx, customerId);
    const removed = await tx
      .delete(customerIdentities)
      .where(
        and(
          eq(customerIdentities.customerId, customerId),
          eq(customerIdentities.platform, identity.platform),
          eq(customerIdentities.externalId, identity.externalId),
        ),
      )
      .returning();
    if (removed.length === 0) throw new NotFoundError("identity", `${identity.platform}:${identity.externalId}`);
    const who = auditActorOf(actor);
    await tx.insert(interactions).values({
      tenantId: actor.tenantId,
      customerId,
      kind: "field_change",
      summary: `Unlinked ${identity.platform} id ${identity.externalId}`,
      data: { identity: { from: identity, to: null } },
      actorType: who.type,
      actorId: who.id,
    });
    await recordAudit(tx, actor.tenantId, who, { action: "customers.identities.remove", entityType: "customer", entityId: customerId, changes: { identity } });
    return identitiesOf(tx, customerId);
  });
}
