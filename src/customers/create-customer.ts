import { and, eq, or } from "drizzle-orm";
import { customerIdentities, customers, interactions } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database, Transaction } from "../platform/db.ts";
import { BadRequestError, ConflictError, type FieldIssue } from "../platform/errors.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { auditActorOf, recordAudit } from "../tenancy/audit.ts";
import { standardiseContext } from "./customer-context.ts";
import type { CustomerInput } from "./customer-input.ts";
import { customerView, type CustomerView, type Identity } from "./customer-view.ts";
import { standardiseCustomer } from "./standardise-customer.ts";

export type NewCustomer = CustomerInput & { identities?: Identity[] };

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

/**
 * Creates a customer from raw input: standardised, checked, and written with its external
 * identities, a "created" entry on its timeline and an audit row, all or nothing. A customer
 * needs at least a name, an email, a phone or an identity.
 */
export async function createCustomer(db: Database, actor: Actor, input: NewCustomer): Promise<CustomerView> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const { identities = [], ...fields } = input;
    const { values, issues } = standardiseCustomer(fields, await standardiseContext(tx));
    if (!values.displayName && !values.email && !values.phone && identities.length === 0) {
      issues.push({ path: "json", message: "needs at least a name, an email, a phone or an identity" });
    }
    if (issues.length) throw new BadRequestError("The customer is invalid.", issues);
    await assertIdentitiesFree(tx, identities);

    const consentGiven = values.emailConsent !== undefined || values.smsConsent !== undefined;
    const [row] = await tx
      .insert(customers)
      .values({
        ...values,
        tenantId: actor.tenantId,
        attributes: withoutNulls(values.attributes ?? {}),
        consentUpdatedAt: consentGiven ? new Date() : null,
      })
      .returning();
    if (identities.length) {
      await tx.insert(customerIdentities).values(identities.map((identity) => ({ ...identity, tenantId: actor.tenantId, customerId: row!.id })));
    }
    const who = auditActorOf(actor);
    await tx.insert(interactions).values({
      tenantId: actor.tenantId,
      customerId: row!.id,
      kind: "created",
      summary: values.source ? `Created from ${values.source}` : "Created",
      actorType: who.type,
      actorId: who.id,
    });
    await recordAudit(tx, actor.tenantId, who, { action: "customers.create", entityType: "customer", entityId: row!.id, changes: values });
    return customerView(row!, identities);
  });
}

/** Refuses identities another customer of the tenant already holds, naming each one. */
export async function assertIdentitiesFree(tx: Transaction, identities: Identity[]): Promise<void> {
  if (identities.length === 0) return;
  const taken = await tx
    .select({ platform: customerIdentities.platform, externalId: customerIdentities.externalId })
    .from(customerIdentities)
    .where(or(...identities.map((identity) => and(eq(customerIdentities.platform, identity.platform), eq(customerIdentities.externalId, identity.externalId)))));
  const issues: FieldIssue[] = identities.flatMap((identity, index) =>
    taken.some((row) => row.platform === identity.platform && row.externalId === identity.externalId)
      ? [{ path: `json.identities.${index}`, message: `${identity.platform} id ${identity.externalId} belongs to another customer` }]
      : [],
  );
  if (issues.length) throw new ConflictError("An identity belongs to another customer.", issues);
}
