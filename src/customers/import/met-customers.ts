import { and, eq, inArray } from "drizzle-orm";
import { importMetCustomers } from "../../db/schema/index.ts";
import type { Transaction } from "../../platform/db.ts";

/** Of `customerIds`, those an earlier batch of this run matched or created. */
export async function metEarlier(tx: Transaction, importId: string, customerIds: string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: importMetCustomers.customerId })
    .from(importMetCustomers)
    .where(and(eq(importMetCustomers.importId, importId), inArray(importMetCustomers.customerId, customerIds)));
  return new Set(rows.map((row) => row.id));
}

/** Records that this run has met these customers, with the batch that met them. */
export async function markMet(tx: Transaction, tenantId: string, importId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.insert(importMetCustomers).values(customerIds.map((customerId) => ({ tenantId, importId, customerId }))).onConflictDoNothing();
}

/** Forgets whom the run met: when it finishes, and before the import runs again. */
export async function forgetMet(tx: Transaction, importId: string): Promise<void> {
  await tx.delete(importMetCustomers).where(eq(importMetCustomers.importId, importId));
}
