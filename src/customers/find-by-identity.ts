import { eq, sql } from "drizzle-orm";
import { customerIdentities, customers } from "../db/schema/index.ts";
import type { Transaction } from "../platform/db.ts";

/**
 * The one customer known by an external id (on any platform) or an email address, or null
 * when none is, or when an external id belongs to customers of different platforms.
 */
export async function findCustomerByIdentity(tx: Transaction, identity: { externalId?: string; email?: string }): Promise<string | null> {
  if (identity.externalId !== undefined) {
    const rows = await tx.selectDistinct({ id: customerIdentities.customerId }).from(customerIdentities).where(eq(customerIdentities.externalId, identity.externalId)).limit(2);
    return rows.length === 1 ? rows[0]!.id : null;
  }
  if (identity.email === undefined) return null;
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.email, identity.email.trim().toLowerCase()))
    .orderBy(sql`${customers.createdAt}`)
    .limit(1);
  return rows[0]?.id ?? null;
}
