import { sql } from "drizzle-orm";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { withDatabase } from "./database.ts";

let tables: string[] | undefined;

/**
 * One digest of everything a tenant owns: every row of every table with a tenant_id, plus its
 * tenants row. Equal digests before and after a request mean the request wrote nothing.
 */
export async function tenantHash(tenantId: string): Promise<string> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      tables ??= (
        await tx.execute<{ table_name: string }>(sql`
          select c.table_name from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
          order by c.table_name`)
      ).rows.map((row) => row.table_name);
      const parts = tables.map(
        (table) =>
          sql`select ${table}::text as t, coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as h
              from ${sql.identifier(table)} x where x.tenant_id = ${tenantId}`,
      );
      parts.push(sql`select 'tenants'::text, md5(x::text) from tenants x where x.id = ${tenantId}`);
      const result = await tx.execute<{ digest: string }>(
        sql`select md5(string_agg(t || ':' || h, ',' order by t)) as digest from (${sql.join(parts, sql` union all `)}) per_table`,
      );
      return result.rows[0]!.digest;
    }),
  );
}

/** How many of a tenant's queued jobs (backups, restores, segmentation runs, imports) have not finished. */
export async function tenantJobsInFlight(tenantId: string): Promise<number> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const { rows } = await tx.execute<{ n: number }>(sql`
        select (select count(*) from backups where tenant_id = ${tenantId}
                   and (status in ('queued', 'running') or coalesce(restore ->> 'status', 'completed') not in ('completed', 'failed')))
             + (select count(*) from segmentation_runs where tenant_id = ${tenantId} and status in ('queued', 'running'))
             + (select count(*) from imports where tenant_id = ${tenantId} and status in ('validating', 'running')) as n`);
      return Number(rows[0]!.n);
    }),
  );
}
