import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { newCustomer, type Customer } from "../harness/customers.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

/** Everything the API shows about a customer: the record, its timeline and its orders. */
async function everything(owner: Account, id: string) {
  const token = owner.tokens.accessToken;
  return {
    customer: await getJson<Customer>(`/v1/customers/${id}`, { token }),
    timeline: await getJson(`/v1/customers/${id}/timeline?limit=200`, { token }),
    orders: await getJson(`/v1/orders?customerId=${id}&limit=200`, { token }),
  };
}

async function setUp() {
  const owner = await signUp();
  const token = owner.tokens.accessToken;
  await call("POST", "/v1/attributes", { token, body: { key: "tier", label: "Tier", type: "enum", options: ["gold", "silver"] } });
  await call("POST", "/v1/attributes", { token, body: { key: "newsletter", label: "Newsletter", type: "boolean" } });
  const keeper = await newCustomer(owner, {
    name: "Ada Lovelace",
    email: "ada@example.com",
    tags: ["VIP"],
    attributes: { tier: "gold" },
    identities: [{ platform: "shopify", externalId: "gid://shopify/Customer/1" }],
  });
  const copy = await newCustomer(owner, {
    name: "ada lovelace",
    email: "ADA@example.com",
    phone: "+44 20 7946 0958",
    city: "London",
    tags: ["vip", "wholesale"],
    attributes: { tier: "silver", newsletter: true },
    emailConsent: true,
    identities: [{ platform: "stripe", externalId: "cus_123" }],
  });
  const order = { currency: "GBP", orderedAt: "2011-05-01T10:00:00Z", lines: [{ title: "Cake stand", quantity: 1, unitPrice: 1275 }] };
  await call("POST", "/v1/orders", { token, body: { ...order, customerId: copy.id, externalId: "536365" } });
  await call("POST", "/v1/orders", { token, body: { ...order, customerId: keeper.id, externalId: "536366" } });
  await call("POST", `/v1/customers/${copy.id}/interactions`, { token, body: { kind: "call", summary: "Asked about wholesale prices" } });
  return { owner, keeper, copy };
}

const merge = (owner: Account, survivorId: string, duplicateId: string) =>
  call("POST", `/v1/customers/${survivorId}/merge`, { token: owner.tokens.accessToken, body: { duplicateId } });
const undo = (owner: Account, mergeId: string) => call("POST", `/v1/customer-merges/${mergeId}/undo`, { token: owner.tokens.accessToken });

describe("duplicates and merging", () => {
  it("finds the pair with its reasons", async () => {
    const { owner, keeper, copy } = await setUp();
    await newCustomer(owner, { name: "Someone Else", email: "else@example.com" });
    const { items } = await getJson<{ items: Array<{ customers: Customer[]; score: number; reasons: string[] }> }>("/v1/customers/duplicates", {
      token: owner.tokens.accessToken,
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.customers.map((customer) => customer.id).sort()).toEqual([keeper.id, copy.id].sort());
    expect(items[0]!.reasons).toEqual(["same email"]);
    expect(items[0]!.score).toBe(1);
  });

  it("merges field by field and moves identities, orders and the timeline", async () => {
    const { owner, keeper, copy } = await setUp();
    await expectJson(await merge(owner, keeper.id, copy.id), 201);
    const after = await everything(owner, keeper.id);
    expect(after.customer).toMatchObject({
      name: "Ada Lovelace",
      email: "ada@example.com",
      phone: "+442079460958",
      city: "London",
      tags: ["VIP", "wholesale"],
      attributes: { tier: "gold", newsletter: true },
      emailConsent: true,
    });
    expect(after.customer.identities).toHaveLength(2);
    expect((after.orders as { items: unknown[] }).items).toHaveLength(2);
    const kinds = (after.timeline as { items: Array<{ kind: string }> }).items.map((item) => item.kind);
    expect(kinds).toContain("merge");
    expect(kinds).toContain("call");
    await expectProblem(await call("GET", `/v1/customers/${copy.id}`, { token: owner.tokens.accessToken }), 404);
  });

  it("undoes a merge, restoring both records exactly", async () => {
    const { owner, keeper, copy } = await setUp();
    const before = { keeper: await everything(owner, keeper.id), copy: await everything(owner, copy.id) };
    const { id } = await expectJson<{ id: string }>(await merge(owner, keeper.id, copy.id), 201);
    const undone = await expectJson<{ undoneAt: string | null }>(await undo(owner, id));
    expect(undone.undoneAt).not.toBeNull();
    expect({ keeper: await everything(owner, keeper.id), copy: await everything(owner, copy.id) }).toEqual(before);
    await expectProblem(await undo(owner, id), 409);
  });

  it("refuses to undo once the surviving customer has changed, and refuses self-merges", async () => {
    const { owner, keeper, copy } = await setUp();
    const { id } = await expectJson<{ id: string }>(await merge(owner, keeper.id, copy.id), 201);
    await expectJson(await call("PATCH", `/v1/customers/${keeper.id}`, { token: owner.tokens.accessToken, body: { jobTitle: "Analyst" } }));
    await expectProblem(await undo(owner, id), 409);
    await expectProblem(await merge(owner, keeper.id, keeper.id), 400, "json.duplicateId");
    await expectProblem(await merge(owner, keeper.id, crypto.randomUUID()), 404);
  });
});
