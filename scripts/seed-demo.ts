import { createReadStream, existsSync } from "node:fs";
import { parse } from "csv-parse";
import type { Pool } from "@neondatabase/serverless";

export const DEMO_TENANT = {
  id: "6f1c7a3e-0d2b-4c55-9a8e-5b3f0de70001",
  slug: "demo",
  name: "Demo Retail (UK gift shop)",
};

/** The shared sample of the UCI Online Retail data set, beside the repository. */
export const SAMPLE_CSV = new URL("../../shared/data/online-retail-sample.csv", import.meta.url).pathname;

export type DemoSeed = { tenantId: string; created: boolean; customers: number };

/**
 * Seeds the demo tenant once: the tenant and the first customers of the sample file, written
 * through the application role under row-level security like any tenant request. A second run
 * finds the tenant and changes nothing.
 */
export async function seedDemo(pool: Pool, csvPath = SAMPLE_CSV, limit = 50): Promise<DemoSeed> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [DEMO_TENANT.id]);
    await client.query("SET LOCAL ROLE ckm_app");
    const inserted = await client.query(
      "INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id",
      [DEMO_TENANT.id, DEMO_TENANT.slug, DEMO_TENANT.name],
    );
    const created = inserted.rowCount === 1;
    if (created) {
      for (const customer of await sampleCustomers(csvPath, limit)) {
        await client.query(
          "INSERT INTO customers (tenant_id, display_name, country) VALUES ($1, $2, $3)",
          [DEMO_TENANT.id, `Customer ${customer.externalId}`, customer.country],
        );
      }
    }
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM customers");
    await client.query("COMMIT");
    return { tenantId: DEMO_TENANT.id, created, customers: Number(rows[0]?.count ?? 0) };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

async function sampleCustomers(csvPath: string, limit: number): Promise<Array<{ externalId: string; country: string }>> {
  if (!existsSync(csvPath)) return [];
  const found = new Map<string, string>();
  const rows = createReadStream(csvPath).pipe(parse({ columns: true, bom: true }));
  for await (const row of rows as AsyncIterable<Record<string, string>>) {
    const id = row.CustomerID?.trim();
    if (id && !found.has(id)) found.set(id, row.Country?.trim() ?? "");
    if (found.size >= limit) break;
  }
  rows.destroy();
  return [...found].map(([externalId, country]) => ({ externalId, country }));
}
