import { eq } from "drizzle-orm";
import { customers, interactions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { BadRequestError } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { findCustomer, identitiesOf, standardiseContext } from "./customer-context.ts";
import type { CustomerInput } from "./customer-input.ts";
import { customerView, type CustomerRow, type CustomerView } from "./customer-view.ts";
import { standardiseCustomer, type CustomerValues } from "./standardise-customer.ts";

/** The stored attributes with the changes applied: a null value removes its key. */
function mergeAttributes(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === null) delete merged[key];
  return merged;
}

/** The fields whose stored value differs from the new one, as `{ field: { from, to } }`. */
function diff(current: CustomerRow, next: CustomerValues): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(next)) {
    const from = current[field as keyof CustomerRow];
    // Named as the API names them: the stored displayName is the customer's `name`.
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field === "displayName" ? "name" : field] = { from, to };
  }
  return changes;
}

/**
 * Changes the given fields of a customer, standardised like every write. Each changed field is
 * recorded on the customer's timeline (old and new value) and in the audit log (redacted).
 */
export async function updateCustomer(db: Database, actor: Actor, customerId: string, input: CustomerInput): Promise<CustomerView> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const current = await findCustomer(tx, customerId);
    const { values, issues } = standardiseCustomer(input, await standardiseContext(tx));
    if (issues.length) throw new BadRequestError("The change is invalid.", issues);
    if (values.attributes) values.attributes = mergeAttributes(current.attributes, values.attributes);
    const changes = diff(current, values);
    if (Object.keys(changes).length === 0) return customerView(current, await identitiesOf(tx, customerId));

    const consentChanged = "emailConsent" in changes || "smsConsent" in changes;
    const [row] = await tx
      .update(customers)
      .set({ ...values, updatedAt: new Date(), ...(consentChanged ? { consentUpdatedAt: new Date() } : {}) })
      .where(eq(customers.id, customerId))
      .returning();
    const who = auditActorOf(actor);
    await tx.insert(interactions).values({
      tenantId: actor.tenantId,
      customerId,
      kind: "field_change",
      summary: `Changed ${Object.keys(changes).join(", ")}`,
      data: changes,
      actorType: who.type,
      actorId: who.id,
    });
    await recordAudit(tx, actor.tenantId, who, { action: "customers.update", entityType: "customer", entityId: customerId, changes });
    return customerView(row!, await identitiesOf(tx, customerId));
  });
}
