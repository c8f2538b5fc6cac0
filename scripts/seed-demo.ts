import { createReadStream, existsSync } from "node:fs";
import { parse } from "csv-parse";
import type { Pool } from "@neondatabase/serverless";
import { count, eq } from "drizzle-orm";
import { customers, tenants, users } from "../src/db/schema/index.ts";
import { databaseOn } from "../src/platform/db.ts";
import { withTenant } from "../src/platform/with-tenant.ts";
import { standardiseCountry } from "../src/customers/standardise/index.ts";
import { hashPassword } from "../src/tenancy/passwords.ts";

export const DEMO_TENANT = {
  id: "6f1c7a3e-0d2b-4c55-9a8e-5b3f0de70001",
  slug: "demo",
  name: "Demo Retail (UK gift shop)",
  timezone: "Europe/London",
  currency: "GBP",
  defaultCountry: "GB",
};

/** The demo tenant's owner, printed by `npm start` so the API and dashboard can be tried at once. */
export const DEMO_OWNER = { email: "owner@demo.ckm.example", name: "Demo Owner", password: "ckm-demo-owner-2026" };

/** The shared sample of the UCI Online Retail data set, beside the repository. */
export const SAMPLE_CSV = new URL("../../shared/data/online-retail-sample.csv", import.meta.url).pathname;

export type DemoSeed = { tenantId: string; created: boolean; customers: number };

/**
 * Seeds the demo tenant once: the tenant, its owner and the first customers of the sample file, written
 * through the application role under row-level security like any tenant request. A second run
 * finds the tenant and changes nothing.
 */
export async function seedDemo(pool: Pool, csvPath = SAMPLE_CSV, limit = 50): Promise<DemoSeed> {
  const sample = await sampleCustomers(csvPath, limit);
  return withTenant(databaseOn(pool), DEMO_TENANT.id, async (tx) => {
    const inserted = await tx.insert(tenants).values(DEMO_TENANT).onConflictDoNothing().returning({ id: tenants.id });
    const created = inserted.length === 1;
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_OWNER.email));
    if (!owner) {
      const passwordHash = await hashPassword(DEMO_OWNER.password);
      await tx.insert(users).values({ tenantId: DEMO_TENANT.id, email: DEMO_OWNER.email, name: DEMO_OWNER.name, role: "owner", passwordHash });
    }
    if (created && sample.length) {
      await tx.insert(customers).values(
        sample.map((customer) => ({
          tenantId: DEMO_TENANT.id,
          displayName: `Customer ${customer.externalId}`,
          country: isoCountry(customer.country),
        })),
      );
    }
    const [row] = await tx.select({ count: count() }).from(customers);
    return { tenantId: DEMO_TENANT.id, created, customers: row?.count ?? 0 };
  });
}

/** The sample's country names as ISO codes, like every write path stores them; unknown ones stay empty. */
function isoCountry(name: string): string | null {
  const country = standardiseCountry(name);
  return country.ok ? country.value : null;
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
