import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { findCustomer, identitiesOf } from "./customer-context.ts";
import { customerView, type CustomerView } from "./customer-view.ts";

/** One customer with their external identities. */
export async function getCustomer(db: Database, actor: Actor, customerId: string): Promise<CustomerView> {
  return withTenant(db, actor.tenantId, async (tx) => customerView(await findCustomer(tx, customerId), await identitiesOf(tx, customerId)));
}
