import type { Database } from "../../src/platform/db.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { customers, tenants } from "../../src/db/schema/index.ts";

export type TestTenant = { id: string; customerIds: string[] };

/** A fresh tenant with a few customers: tests isolate by tenant, never by order. */
export async function createTenant(db: Database, customerCount = 3): Promise<TestTenant> {
  const id = crypto.randomUUID();
  return withTenant(db, id, async (tx) => {
    await tx.insert(tenants).values({ id, slug: `test-${id}`, name: `Test ${id.slice(0, 8)}` });
    if (customerCount === 0) return { id, customerIds: [] };
    const rows = await tx
      .insert(customers)
      .values(
        Array.from({ length: customerCount }, (_, i) => ({
          tenantId: id,
          displayName: `Customer ${i + 1}`,
          email: `c${i + 1}@${id.slice(0, 8)}.example`,
        })),
      )
      .returning({ id: customers.id });
    return { id, customerIds: rows.map((row) => row.id) };
  });
}
