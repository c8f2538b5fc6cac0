import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { QualityReport } from "../../src/customers/quality-report.ts";
import { customers } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { newCustomer } from "../harness/customers.ts";
import { withDatabase } from "../harness/database.ts";
import { expectProblem, getJson } from "../harness/responses.ts";

function reportOf(as: Account, query = ""): Promise<QualityReport> {
  return getJson<QualityReport>(`/v1/customers/quality${query ? `?${query}` : ""}`, { token: as.tokens.accessToken });
}

const sorted = (ids: string[]) => [...ids].sort();

/**
 * Rows as an old import left them, written past the API's standardisation: a blank name, an
 * upper-case email, a national phone, a lower-case country, a future birthday, blank text.
 */
async function insertLegacy(tenantId: string): Promise<{ blank: string; mangled: string }> {
  return withDatabase((db) =>
    withTenant(db, tenantId, async (tx) => {
      const [blank] = await tx
        .insert(customers)
        .values({ tenantId, displayName: "  ", email: "TWIN@example.com", phone: "0207 946 0958", country: "gb", birthday: "2999-01-01", city: "" })
        .returning({ id: customers.id });
      const [mangled] = await tx
        .insert(customers)
        .values({ tenantId, displayName: "Legacy Two", email: "not-an-email", phone: "+12", country: "United Kingdom", company: "", tags: ["imported"], emailConsent: true })
        .returning({ id: customers.id });
      return { blank: blank!.id, mangled: mangled!.id };
    }),
  );
}

async function lastUpdated(tenantId: string, customerId: string, ago: string): Promise<void> {
  await withDatabase((db) =>
    withTenant(db, tenantId, (tx) => tx.update(customers).set({ updatedAt: sql`now() - ${ago}::interval` }).where(eq(customers.id, customerId))),
  );
}

describe("the data quality report", () => {
  it("measures completeness, invalid values, duplicates, staleness and consent over the tenant's customers", async () => {
    const owner = await signUp();
    await newCustomer(owner, {
      name: "Ada Lovelace",
      email: "ada@example.com",
      phone: "+86 138 0013 8000",
      addressLine1: "12 St James's Square",
      city: "London",
      postalCode: "SW1Y 4JH",
      country: "GB",
      company: "Analytical Engines",
      birthday: "1815-12-10",
      tags: ["vip"],
      emailConsent: true,
    });
    const sparse = await newCustomer(owner, { name: "Sparse Sam" });
    const twinOne = await newCustomer(owner, { name: "Twin One", email: "twin@example.com" });
    await newCustomer(owner, { name: "Twin Two", email: "Twin@Example.com", emailConsent: true });
    await newCustomer(owner, { name: "Phone One", phone: "+44 20 7946 0958" });
    await newCustomer(owner, { name: "Phone Two", phone: "+44 20 7946 0958", city: "Leeds" });
    await newCustomer(owner, { name: "Ivy", email: "ivy@example.com" });
    const legacy = await insertLegacy(owner.tenantId);
    await lastUpdated(owner.tenantId, sparse.id, "3 years");
    await lastUpdated(owner.tenantId, twinOne.id, "6 months");

    const report = await reportOf(owner);
    // Nine customers, so every share below needs rounding to 4 decimals.
    expect(report.total).toBe(9);
    expect(report.completeness).toEqual({
      name: { count: 8, share: 0.8889 }, // the blank legacy name is missing
      email: { count: 6, share: 0.6667 },
      phone: { count: 5, share: 0.5556 },
      addressLine1: { count: 1, share: 0.1111 },
      city: { count: 2, share: 0.2222 }, // the legacy '' is missing
      postalCode: { count: 1, share: 0.1111 },
      country: { count: 3, share: 0.3333 },
      company: { count: 1, share: 0.1111 }, // the legacy '' is missing
      birthday: { count: 2, share: 0.2222 },
      tags: { count: 2, share: 0.2222 },
    });
    expect(report.invalid.email).toEqual({ count: 1, examples: [legacy.mangled] }); // "TWIN@example.com" is odd, not invalid
    expect(report.invalid.birthday).toEqual({ count: 1, examples: [legacy.blank] });
    for (const check of ["phone", "country"] as const) {
      expect(report.invalid[check].count, check).toBe(2);
      expect(sorted(report.invalid[check].examples), check).toEqual(sorted([legacy.blank, legacy.mangled]));
    }
    // twin@, Twin@ (lower-cased on the way in) and the legacy TWIN@ are one group.
    expect(report.duplicates).toEqual({ email: { groups: 1, customers: 3 }, phone: { groups: 1, customers: 2 } });
    expect(report.stale).toEqual({ months: 12, count: 1, share: 0.1111 });
    expect(report.emailConsent).toEqual({ count: 3, share: 0.3333 });

    expect((await reportOf(owner, "staleMonths=3")).stale).toEqual({ months: 3, count: 2, share: 0.2222 });
    expect((await reportOf(owner, "staleMonths=120")).stale).toEqual({ months: 120, count: 0, share: 0 });
  });

  it("lists at most ten example ids per check, oldest first", async () => {
    const owner = await signUp();
    // Distinct creation times, so "oldest first" has one answer.
    const rows = await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) =>
        tx
          .insert(customers)
          .values(
            Array.from({ length: 12 }, (_, n) => ({
              tenantId: owner.tenantId,
              displayName: `Legacy ${n}`,
              country: "xx",
              createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, n)),
            })),
          )
          .returning({ id: customers.id, createdAt: customers.createdAt }),
      ),
    );
    const ids = rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((row) => row.id);
    const report = await reportOf(owner);
    expect(report.invalid.country).toEqual({ count: 12, examples: ids.slice(0, 10) });
    expect(report.completeness.country).toEqual({ count: 12, share: 1 });
  });

  it("gives zeros, not NaN, for a tenant without customers", async () => {
    const owner = await signUp();
    const coverage = { count: 0, share: 0 };
    const invalid = { count: 0, examples: [] };
    expect(await reportOf(owner)).toEqual({
      total: 0,
      completeness: {
        name: coverage,
        email: coverage,
        phone: coverage,
        addressLine1: coverage,
        city: coverage,
        postalCode: coverage,
        country: coverage,
        company: coverage,
        birthday: coverage,
        tags: coverage,
      },
      invalid: { email: invalid, phone: invalid, country: invalid, birthday: invalid },
      duplicates: { email: { groups: 0, customers: 0 }, phone: { groups: 0, customers: 0 } },
      stale: { months: 12, ...coverage },
      emailConsent: coverage,
    });
  });

  it("refuses a staleMonths outside 1 to 120", async () => {
    const owner = await signUp();
    for (const value of ["0", "121", "1.5", "soon"]) {
      await expectProblem(await call("GET", `/v1/customers/quality?staleMonths=${value}`, { token: owner.tokens.accessToken }), 400, "query.staleMonths");
    }
  });

  it("needs a credential", async () => {
    const res = await call("GET", "/v1/customers/quality");
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });
});
