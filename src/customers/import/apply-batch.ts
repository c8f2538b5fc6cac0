import type { ImportOptions, ImportResults } from "../../db/schema/index.ts";
import type { Transaction } from "../../platform/db.ts";
import { findKnownCustomers } from "./known-customers.ts";
import { markMet } from "./met-customers.ts";
import { lookupKeys, planCustomers, type ValidRow } from "./plan-customers.ts";
import { writeCustomers } from "./write-customers.ts";
import { writeNotes } from "./write-notes.ts";
import { writeOrders } from "./write-orders.ts";

export type { ValidRow } from "./plan-customers.ts";

/**
 * Writes a batch of valid rows set-wise, in about ten statements whatever its size: looks up the
 * customers its keys name, decides in memory what each row does (see `planCustomers`), then
 * writes the customers, their identities, the order lines and returns, and the timeline, and
 * notes whom the run has met. `results` gains the batch's counts.
 */
export async function applyBatch(tx: Transaction, tenantId: string, importId: string, options: ImportOptions, rows: ValidRow[], results: ImportResults): Promise<void> {
  if (rows.length === 0) return;
  const known = await findKnownCustomers(tx, importId, options.source, lookupKeys(rows));
  const plan = planCustomers(rows, known, options, results);
  await writeCustomers(tx, tenantId, options.source, plan);
  await markMet(tx, tenantId, importId, plan.met);
  const orderNotes = await writeOrders(tx, tenantId, options, rows, plan.customerOf, results);
  await writeNotes(tx, tenantId, { type: "import", id: importId }, [...plan.notes, ...orderNotes]);
}
