import { eq } from "drizzle-orm";
import { customers, customerIdentities, tenants } from "../db/schema/index.ts";
import type { Transaction } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { attributeDefinitions } from "./attributes.ts";
import type { CustomerRow, Identity } from "./customer-view.ts";
import type { StandardiseContext } from "./standardise-customer.ts";

/** What standardisation needs from the tenant: its default country and attribute definitions. */
export async function standardiseContext(tx: Transaction): Promise<StandardiseContext> {
  const [tenant] = await tx.select({ defaultCountry: tenants.defaultCountry }).from(tenants);
  return { defaultCountry: tenant?.defaultCountry ?? null, definitions: await attributeDefinitions(tx) };
}

export async function findCustomer(tx: Transaction, customerId: string): Promise<CustomerRow> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, customerId));
  if (!row) throw new NotFoundError("customer", customerId);
  return row;
}

export async function identitiesOf(tx: Transaction, customerId: string): Promise<Identity[]> {
  return tx
    .select({ platform: customerIdentities.platform, externalId: customerIdentities.externalId })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, customerId))
    .orderBy(customerIdentities.platform, customerIdentities.externalId);
}
