import { sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Transaction } from "../../platform/db.ts";
import { blankCustomer, type CustomerPlan, type StoredCustomer } from "./plan-customers.ts";

// Every field an import can write, as columns; fixed names, so they are safe to write out.
const FIELDS = Object.keys(blankCustomer());
const columns = sql.raw(FIELDS.map((field) => `"${toSnakeCase(field)}"`).join(", "));
const fromRecord = sql.raw(FIELDS.map((field) => `r."${toSnakeCase(field)}"`).join(", "));

const asColumns = (values: StoredCustomer) => Object.fromEntries(Object.entries(values).map(([field, value]) => [toSnakeCase(field), value]));

/**
 * Writes a batch's plan for customers in at most three statements: the new customers, the
 * fields set on existing ones (each customer's own set of fields, applied over its row by
 * `jsonb_populate_record`), and the external ids that now point at them.
 */
export async function writeCustomers(tx: Transaction, tenantId: string, source: string, plan: CustomerPlan): Promise<void> {
  if (plan.created.length) {
    const rows = plan.created.map(({ id, values }) => ({ ...asColumns(values), id }));
    await tx.execute(sql`
      insert into customers (tenant_id, id, ${columns})
      select ${tenantId}, r.id, ${fromRecord} from jsonb_populate_recordset(null::customers, ${JSON.stringify(rows)}::jsonb) r`);
  }
  if (plan.changed.size) {
    const changes = [...plan.changed].map(([id, set]) => ({ id, changes: asColumns(set) }));
    await tx.execute(sql`
      update customers c set (${columns}) = (select ${fromRecord} from jsonb_populate_record(c, u.changes) r), updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as u(id uuid, changes jsonb)
       where c.id = u.id`);
  }
  if (plan.identities.length) {
    await tx.execute(sql`
      insert into customer_identities (tenant_id, platform, external_id, customer_id)
      select ${tenantId}, ${source}, i.external_id, i.customer_id
        from unnest(${boundArray(plan.identities.map((identity) => identity.externalId), "text")}, ${boundArray(plan.identities.map((identity) => identity.customerId), "uuid")}) as i(external_id, customer_id)
      on conflict do nothing`);
  }
}
