import { sql } from "drizzle-orm";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Transaction } from "../../platform/db.ts";

// A run must know which customers its earlier batches met (a later row of a customer only fills
// what is empty), in whichever invocation those batches ran. Until that set has a table of its
// own, it is kept as rows of import_problems under a key derived from the import's id (line 0,
// the customer's id as the column): tenant-scoped, under row-level security, committed with the
// batch that met them, and never part of the import's own problem list.
const metKey = (importId: string) => sql`md5(${importId} || ':customers met')::uuid`;

/** Of `customerIds`, those an earlier batch of this run matched or created. */
export async function metEarlier(tx: Transaction, importId: string, customerIds: string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const { rows } = await tx.execute<{ id: string }>(sql`
    select "column" as id from import_problems
     where import_id = ${metKey(importId)} and line = 0 and "column" = any(${boundArray(customerIds, "text")})`);
  return new Set(rows.map((row) => row.id));
}

/** Records that this run has met these customers. */
export async function markMet(tx: Transaction, tenantId: string, importId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.execute(sql`
    insert into import_problems (tenant_id, import_id, line, "column", problem)
    select ${tenantId}, ${metKey(importId)}, 0, id, '' from unnest(${boundArray(customerIds, "text")}) as id
    on conflict do nothing`);
}

/** Forgets whom the run met: when it finishes, and before the import runs again. */
export async function forgetMet(tx: Transaction, importId: string): Promise<void> {
  await tx.execute(sql`delete from import_problems where import_id = ${metKey(importId)}`);
}
