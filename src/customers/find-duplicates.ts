import { inArray, sql } from "drizzle-orm";
import { customers } from "../db/schema/index.ts";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/db.ts";
import { withTenant } from "../platform/with-tenant.ts";
import { customerView, type CustomerView } from "./customer-view.ts";

export type DuplicatePair = { customers: [CustomerView, CustomerView]; score: number; reasons: string[] };

/** A name reduced to its letters and digits, so "Ada  Lovelace" and "ada lovelace." compare equal. */
const name = (alias: string) => sql.raw(`regexp_replace(lower(${alias}.display_name), '[^[:alnum:]]', '', 'g')`);

/**
 * Candidate duplicate pairs with the reasons they match: the same email (score 1.0), the same
 * phone (0.9), the same name and postal code (0.8), the same name and city (0.6). A pair
 * matching several ways scores its best reason plus 0.05 for each further one.
 */
export async function findDuplicates(db: Database, actor: Actor, limit: number): Promise<DuplicatePair[]> {
  return withTenant(db, actor.tenantId, async (tx) => {
    const pairs = await tx.execute<{ a: string; b: string; reasons: string[]; score: string }>(sql`
      with candidates as (
        select a.id as a, b.id as b, 'same email' as reason, 1.0 as score
          from customers a join customers b on b.email = a.email and a.id < b.id
        union all
        select a.id, b.id, 'same phone', 0.9
          from customers a join customers b on b.phone = a.phone and a.id < b.id
        union all
        select a.id, b.id, 'same name and postal code', 0.8
          from customers a join customers b
            on ${name("b")} = ${name("a")} and lower(b.postal_code) = lower(a.postal_code) and a.id < b.id
         where ${name("a")} <> ''
        union all
        select a.id, b.id, 'same name and city', 0.6
          from customers a join customers b
            on ${name("b")} = ${name("a")} and lower(b.city) = lower(a.city) and a.id < b.id
         where ${name("a")} <> ''
      )
      select a, b, array_agg(reason order by score desc) as reasons,
             least(1.0, max(score) + 0.05 * (count(*) - 1))::text as score
        from candidates
       group by a, b
       order by least(1.0, max(score) + 0.05 * (count(*) - 1)) desc, a, b
       limit ${limit}`);
    const ids = [...new Set(pairs.rows.flatMap((pair) => [pair.a, pair.b]))];
    const rows = ids.length ? await tx.select().from(customers).where(inArray(customers.id, ids)) : [];
    const byId = new Map(rows.map((row) => [row.id, customerView(row)]));
    return pairs.rows.map((pair) => ({
      customers: [byId.get(pair.a)!, byId.get(pair.b)!],
      score: Number(pair.score),
      reasons: pair.reasons,
    }));
  });
}
