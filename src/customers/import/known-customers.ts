import { sql } from "drizzle-orm";
import { customers } from "../../db/schema/index.ts";
import { boundArray } from "../../db/sql-arrays.ts";
import type { Transaction } from "../../platform/db.ts";
import { metEarlier } from "./met-customers.ts";
import type { KnownCustomers } from "./plan-customers.ts";

type Match = { kind: "id" | "email" | "phone"; key: string; id: string };

/**
 * Looks up, in three queries whatever the batch's size, the customers a batch's keys name: by
 * external id (the identity on the import's source), by email and by phone (the earliest created
 * customer with it, as a single row's lookup would pick), with the stored values of each and
 * whether an earlier batch of this run met them.
 */
export async function findKnownCustomers(
  tx: Transaction,
  importId: string,
  source: string,
  keys: { externalIds: string[]; emails: string[]; phones: string[] },
): Promise<KnownCustomers> {
  const { rows: matches } = await tx.execute<Match>(sql`
    select 'id' as kind, external_id as key, customer_id as id from customer_identities
     where platform = ${source} and external_id = any(${boundArray(keys.externalIds, "text")})
    union all
    (select distinct on (email) 'email', email, id from customers
      where email = any(${boundArray(keys.emails, "text")}) order by email, created_at, id)
    union all
    (select distinct on (phone) 'phone', phone, id from customers
      where phone = any(${boundArray(keys.phones, "text")}) order by phone, created_at, id)`);
  const known: KnownCustomers = { byExternalId: new Map(), byEmail: new Map(), byPhone: new Map(), stored: new Map(), metEarlier: new Set() };
  const maps = { id: known.byExternalId, email: known.byEmail, phone: known.byPhone };
  for (const match of matches) maps[match.kind].set(match.key, match.id);
  const ids = [...new Set(matches.map((match) => match.id))];
  if (ids.length === 0) return known;
  const rows = await tx.select().from(customers).where(sql`${customers.id} = any(${boundArray(ids, "uuid")})`);
  for (const row of rows) known.stored.set(row.id, row);
  known.metEarlier = await metEarlier(tx, importId, ids);
  return known;
}
