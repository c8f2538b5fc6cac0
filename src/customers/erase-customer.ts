import { eq, or, sql } from "drizzle-orm";
import { customerIdentities, customerMerges, customers, interactions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findCustomer } from "./customer-context.ts";
import { customerView, type CustomerView } from "./customer-view.ts";

/**
 * Erases a person (the right to be forgotten): every personal field, tag, attribute and
 * external identity goes, their timeline keeps only what happened and when, and merge records
 * holding copies of their data are deleted. Orders stay, tied to the anonymous record, so sales
 * totals and segments remain true. The erasure itself is audited, without personal values.
 */
export async function eraseCustomer(db: Database, actor: Actor, customerId: string): Promise<CustomerView> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const current = await findCustomer(tx, customerId);
    if (current.erasedAt) return customerView(current, []);
    const [erased] = await tx
      .update(customers)
      .set({
        displayName: null,
        email: null,
        phone: null,
        addressLine1: null,
        addressLine2: null,
        city: null,
        region: null,
        postalCode: null,
        company: null,
        jobTitle: null,
        birthday: null,
        gender: null,
        tags: [],
        attributes: {},
        emailConsent: false,
        smsConsent: false,
        consentUpdatedAt: new Date(),
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(customers.id, customerId))
      .returning();
    const identities = await tx.delete(customerIdentities).where(eq(customerIdentities.customerId, customerId)).returning();
    await tx
      .update(interactions)
      .set({ summary: sql`case when ${interactions.kind} in ('order', 'created') then ${interactions.summary} else null end`, data: {} })
      .where(eq(interactions.customerId, customerId));
    const merges = await tx
      .delete(customerMerges)
      .where(or(eq(customerMerges.survivorId, customerId), eq(customerMerges.mergedId, customerId)))
      .returning({ id: customerMerges.id });
    await recordAudit(tx, actor.tenantId, auditActorOf(actor), {
      action: "customers.erase",
      entityType: "customer",
      entityId: customerId,
      changes: { identitiesRemoved: identities.length, mergeRecordsRemoved: merges.length },
    });
    return customerView(erased!, []);
  });
}
