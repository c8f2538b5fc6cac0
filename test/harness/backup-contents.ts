import { sql } from "drizzle-orm";
import { backedUpTables } from "../../src/backups/tables.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { withDatabase } from "./database.ts";

/** Every backed-up table of a tenant as row count and the MD5 of its rows in primary-key order. */
export async function tableHashes(tenantId: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const hashes: Record<string, { rows: number; md5: string | null }> = {};
      for (const table of backedUpTables()) {
        const order = table.primaryKey.map((key) => `t."${key}"`).join(", ");
        const result = await tx.execute<{ rows: number; md5: string | null }>(
          sql.raw(`select count(*)::int as rows, md5(string_agg(to_jsonb(t)::text, E'\\n' order by ${order})) as md5 from "${table.name}" t`),
        );
        hashes[table.name] = result.rows[0]!;
      }
      return hashes;
    }),
  );
}

/** Removes every row of a tenant but its own, as a disaster would: straight SQL, children first. */
export async function wipeTenant(tenantId: string): Promise<void> {
  await withDatabase(async (db) => {
    for (const table of backedUpTables().reverse()) {
      if (table.name !== "tenants") await db.execute(sql`delete from ${sql.raw(`"${table.name}"`)} where tenant_id = ${tenantId}`);
    }
    await db.execute(sql`update tenants set name = 'Wiped', webhook_retention_days = 1 where id = ${tenantId}`);
  });
}
