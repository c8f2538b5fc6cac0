import { describe, expect, it } from "vitest";
import type { ImportOptions, ImportResults } from "../../db/schema/index.ts";
import { blankCustomer, lookupKeys, planCustomers, type KnownCustomers, type StoredCustomer, type ValidRow } from "./plan-customers.ts";

const options: ImportOptions = { source: "shop", dateOrder: "YMD", timeZone: "UTC", currency: "GBP" };
const zero = (): ImportResults => ({ created: 0, updated: 0, unchanged: 0, mergedInFile: 0, orderLines: 0, refunds: 0 });
const row = (line: number, values: ValidRow["values"], externalId: string | null = null): ValidRow => ({ line, values, externalId, order: null });

function known(stored: Record<string, StoredCustomer>, maps: Partial<Pick<KnownCustomers, "byExternalId" | "byEmail" | "byPhone" | "metEarlier">> = {}): KnownCustomers {
  return { byExternalId: new Map(), byEmail: new Map(), byPhone: new Map(), metEarlier: new Set(), ...maps, stored: new Map(Object.entries(stored)) };
}

const ada = { ...blankCustomer(), displayName: "Ada", email: "ada@example.com", city: null, country: "GB", attributes: { tier: "gold" } };

describe("planCustomers", () => {
  it("lets a customer's first row set its values and later rows only fill what is empty", () => {
    const results = zero();
    const plan = planCustomers(
      [row(2, { email: "ada@example.com", country: "FR" }), row(3, { email: "ada@example.com", country: "DE", city: "Lyon" })],
      known({ c1: ada }, { byEmail: new Map([["ada@example.com", "c1"]]) }),
      options,
      results,
    );
    expect(plan.customerOf).toEqual(["c1", "c1"]);
    expect(plan.changed.get("c1")).toEqual({ country: "FR", city: "Lyon" });
    expect(plan.notes.map((note) => [note.kind, note.summary])).toEqual([
      ["field_change", "Changed country by import"],
      ["field_change", "Changed city by import"],
    ]);
    expect(results).toMatchObject({ updated: 1, mergedInFile: 1 });
  });

  it("treats a customer an earlier batch of the run met as a later row, wherever the batch starts", () => {
    const results = zero();
    const plan = planCustomers(
      [row(9000, { email: "ada@example.com", country: "FR", city: "Paris" })],
      known({ c1: ada }, { byEmail: new Map([["ada@example.com", "c1"]]), metEarlier: new Set(["c1"]) }),
      options,
      results,
    );
    expect(plan.changed.get("c1")).toEqual({ city: "Paris" });
    expect(plan.met).toEqual([]);
    expect(results).toMatchObject({ updated: 0, mergedInFile: 1 });
  });

  it("counts a row that matches its customer exactly as unchanged, and adds attributes without dropping others", () => {
    const results = zero();
    const same = planCustomers([row(2, { email: "ada@example.com", displayName: "Ada", attributes: { tier: "gold" } })], known({ c1: ada }, { byEmail: new Map([["ada@example.com", "c1"]]) }), options, results);
    expect(same.changed.size).toBe(0);
    const more = planCustomers([row(2, { email: "ada@example.com", attributes: { newsletter: true } })], known({ c1: ada }, { byEmail: new Map([["ada@example.com", "c1"]]) }), options, results);
    expect(more.changed.get("c1")).toEqual({ attributes: { tier: "gold", newsletter: true } });
    expect(results).toMatchObject({ unchanged: 1, updated: 1 });
  });

  it("writes a customer created in the batch once, with what its later rows filled in", () => {
    const results = zero();
    const plan = planCustomers([row(2, { displayName: "Bo", phone: "+447700900123" }, "B-1"), row(3, { phone: "+447700900123", city: "Paris" }), row(4, { city: "Lyon" }, "B-1")], known({}), options, results);
    const [id] = plan.customerOf;
    expect(plan.customerOf).toEqual([id, id, id]);
    expect(plan.created).toEqual([{ id, values: { ...blankCustomer(), displayName: "Bo", phone: "+447700900123", city: "Paris", source: "shop" } }]);
    expect(plan.changed.size).toBe(0);
    expect(plan.notes.map((note) => note.kind)).toEqual(["created", "field_change"]);
    expect(plan.identities).toEqual([{ externalId: "B-1", customerId: id }]);
    expect(results).toMatchObject({ created: 1, mergedInFile: 2 });
  });

  it("matches by external id, then email, then phone, and stores only identities the database lacks", () => {
    const stored = { c1: { ...ada }, c2: { ...blankCustomer(), email: "two@example.com" }, c3: { ...blankCustomer(), phone: "+447700900999" } };
    const plan = planCustomers(
      [row(2, { email: "two@example.com" }, "A-1"), row(3, { email: "two@example.com", phone: "+447700900999" }, "NEW"), row(4, { phone: "+447700900999" })],
      known(stored, { byExternalId: new Map([["A-1", "c1"]]), byEmail: new Map([["two@example.com", "c2"]]), byPhone: new Map([["+447700900999", "c3"]]) }),
      options,
      zero(),
    );
    // Row 3's email was already in the batch (row 2, customer c1), which outranks the database.
    expect(plan.customerOf).toEqual(["c1", "c1", "c1"]);
    expect(plan.identities).toEqual([{ externalId: "NEW", customerId: "c1" }]);
  });

  it("gives a guest order no customer, and a name with nothing to match by a new customer each time", () => {
    const results = zero();
    const plan = planCustomers([row(2, {}), row(3, { displayName: "Cy" }), row(4, { displayName: "Cy" })], known({}), options, results);
    expect(plan.customerOf[0]).toBeNull();
    expect(new Set(plan.customerOf.slice(1)).size).toBe(2);
    expect(results.created).toBe(2);
  });

  it("collects each key a batch looks up once", () => {
    expect(lookupKeys([row(2, { email: "a@x.com" }, "1"), row(3, { email: "a@x.com", phone: "+1" }, "1")])).toEqual({ externalIds: ["1"], emails: ["a@x.com"], phones: ["+1"] });
  });
});
