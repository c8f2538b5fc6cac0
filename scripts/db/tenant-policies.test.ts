import { expect, it } from "vitest";
import { migratedDatabase } from "./migrated-database.ts";

const database = migratedDatabase();

// A bare app_tenant_id() in a policy is called again for every row a scan filters; as a scalar
// subquery it is read once per statement (migration 0031).
it("reads the tenant once per statement in every tenant policy", async () => {
  const { rows } = await database().query<{ table: string; policy: string; qual: string | null; with_check: string | null }>(`
    select tablename as table, policyname as policy, qual, with_check from pg_policies
     where schemaname = 'public' and (qual like '%app_tenant_id()%' or with_check like '%app_tenant_id()%')
     order by 1, 2`);
  expect(rows.length).toBeGreaterThanOrEqual(30);
  const bare = (text: string | null) => text !== null && text.replaceAll("( SELECT app_tenant_id() AS app_tenant_id)", "").includes("app_tenant_id()");
  expect(rows.filter((row) => bare(row.qual) || bare(row.with_check)).map((row) => `${row.table}.${row.policy}`)).toEqual([]);
});
