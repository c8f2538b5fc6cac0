import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import {
  customerOf,
  declareAttribute,
  expectNoServerError,
  newCustomer,
  patchCustomer,
  postAttribute,
  postCustomer,
  type Attribute,
  type Customer,
} from "../harness/customers.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

/** A tenant with one attribute of every type. */
async function tenantWithAttributes(): Promise<Account> {
  const owner = await signUp();
  await declareAttribute(owner, { key: "nickname", type: "text" });
  await declareAttribute(owner, { key: "lifetime_orders", type: "number" });
  await declareAttribute(owner, { key: "wholesale", type: "boolean" });
  await declareAttribute(owner, { key: "first_purchase", type: "date" });
  await declareAttribute(owner, { key: "tier", type: "enum", options: ["Gold", "Silver", "Bronze"] });
  await declareAttribute(owner, { key: "channels", type: "multi_enum", options: ["Email", "SMS", "WeChat"] });
  return owner;
}

function patchAttribute(as: Account, key: string, body: unknown): Promise<Response> {
  return call("PATCH", `/v1/attributes/${key}`, { token: as.tokens.accessToken, body });
}

async function attributesOf(as: Account): Promise<Attribute[]> {
  return (await getJson<{ items: Attribute[] }>("/v1/attributes", { token: as.tokens.accessToken })).items;
}

describe("declaring attributes", () => {
  it("declares one of every type and lists them by key", async () => {
    const owner = await signUp();
    const tier = await declareAttribute(owner, { key: "tier", label: "Loyalty tier", type: "enum", options: ["Gold", "Silver"] });
    expect(tier).toMatchObject({ key: "tier", label: "Loyalty tier", type: "enum", options: ["Gold", "Silver"] });
    await declareAttribute(owner, { key: "nickname", type: "text" });
    await declareAttribute(owner, { key: "lifetime_orders", type: "number" });
    await declareAttribute(owner, { key: "wholesale", type: "boolean" });
    await declareAttribute(owner, { key: "first_purchase", type: "date" });
    await declareAttribute(owner, { key: "channels", type: "multi_enum", options: ["Email", "SMS"] });
    const listed = await attributesOf(owner);
    expect(listed.map((attribute) => [attribute.key, attribute.type, attribute.options])).toEqual([
      ["channels", "multi_enum", ["Email", "SMS"]],
      ["first_purchase", "date", []],
      ["lifetime_orders", "number", []],
      ["nickname", "text", []],
      ["tier", "enum", ["Gold", "Silver"]],
      ["wholesale", "boolean", []],
    ]);
  });

  it.each(["Tier", "1x", "loyalty-tier", "", "a".repeat(41)])("refuses the key %j", async (key) => {
    const owner = await signUp();
    await expectProblem(await postAttribute(owner, { key, label: "Tier", type: "text" }), 400, "json.key");
  });

  it("needs options for an enum, and refuses them for other types or repeated", async () => {
    const owner = await signUp();
    await expectProblem(await postAttribute(owner, { key: "tier", label: "Tier", type: "enum" }), 400, "json.options");
    await expectProblem(await postAttribute(owner, { key: "tier", label: "Tier", type: "multi_enum", options: [] }), 400, "json.options");
    await expectProblem(await postAttribute(owner, { key: "tier", label: "Tier", type: "enum", options: ["Gold", "Gold"] }), 400, "json.options");
    await expectProblem(await postAttribute(owner, { key: "nickname", label: "Nickname", type: "text", options: ["a"] }), 400, "json.options");
    await expectProblem(await postAttribute(owner, { key: "tier", label: "Tier", type: "colour" }), 400, "json.type");
    expect(await attributesOf(owner)).toEqual([]);
  });

  // PostgreSQL refuses text holding a NUL character; unchecked, it surfaced as a 500.
  it("cleans or refuses a NUL character in a label or an option, never failing with a 500", async () => {
    const owner = await signUp();
    await expectNoServerError(await postAttribute(owner, { key: "nickname", label: "Nick\u0000name", type: "text" }));
    await expectNoServerError(await postAttribute(owner, { key: "tier", label: "Tier", type: "enum", options: ["Gold\u0000"] }));
  });

  it("refuses a key already declared", async () => {
    const owner = await signUp();
    await declareAttribute(owner, { key: "tier", type: "text" });
    const problem = await expectProblem(await postAttribute(owner, { key: "tier", label: "Again", type: "number" }), 409, "json.key");
    expect(problem.code).toBe("CONFLICT");
    expect(await attributesOf(owner)).toEqual([expect.objectContaining({ key: "tier", label: "tier", type: "text" })]);
  });
});

describe("attribute values on customers", () => {
  it("standardises each value to its type", async () => {
    const owner = await tenantWithAttributes();
    const customer = await newCustomer(owner, {
      name: "Ada",
      attributes: { nickname: "  Ａｄｅｌｅ ", lifetime_orders: "42", wholesale: "yes", first_purchase: "2024年3月5日", tier: "GOLD", channels: ["sms", "Email"] },
    });
    const expected = { nickname: "Adele", lifetime_orders: 42, wholesale: true, first_purchase: "2024-03-05", tier: "Gold", channels: ["SMS", "Email"] };
    expect(customer.attributes).toEqual(expected);
    expect((await customerOf(owner, customer.id)).attributes).toEqual(expected);
  });

  it("reads a multi-enum written as one comma-separated string", async () => {
    const owner = await tenantWithAttributes();
    const customer = await newCustomer(owner, { name: "Ada", attributes: { channels: "wechat, SMS，email, sms", lifetime_orders: 7, wholesale: false } });
    expect(customer.attributes).toEqual({ channels: ["WeChat", "SMS", "Email"], lifetime_orders: 7, wholesale: false });
  });

  it.each([
    { key: "loyalty_points", value: 10, why: "an undeclared key" },
    { key: "lifetime_orders", value: "forty-two", why: "a number that is not one" },
    { key: "wholesale", value: "perhaps", why: "a yes/no that is neither" },
    { key: "first_purchase", value: "2023-02-29", why: "a date that does not exist" },
    { key: "tier", value: "Platinum", why: "an option not declared" },
    { key: "channels", value: ["Email", "Fax"], why: "a list with an option not declared" },
    { key: "nickname", value: 12, why: "text that is not a string" },
  ])("refuses $why, naming the attribute, on create and on change", async ({ key, value }) => {
    const owner = await tenantWithAttributes();
    await expectProblem(await postCustomer(owner, { name: "Ada", attributes: { [key]: value } }), 400, `json.attributes.${key}`);
    const customer = await newCustomer(owner, { name: "Ada", attributes: { tier: "Gold" } });
    await expectProblem(await patchCustomer(owner, customer.id, { city: "Leeds", attributes: { [key]: value } }), 400, `json.attributes.${key}`);
    expect(await customerOf(owner, customer.id)).toEqual(customer);
  });

  it("changes only the attributes given; null removes one and keeps the others", async () => {
    const owner = await tenantWithAttributes();
    const customer = await newCustomer(owner, { name: "Ada", attributes: { tier: "Gold", nickname: "Ada", wholesale: true } });
    const changed = await expectJson<Customer>(await patchCustomer(owner, customer.id, { attributes: { tier: "silver", nickname: null } }));
    expect(changed.attributes).toEqual({ tier: "Silver", wholesale: true });
    expect((await customerOf(owner, customer.id)).attributes).toEqual({ tier: "Silver", wholesale: true });
  });
});

describe("changing and removing attributes", () => {
  it("relabels an attribute, keeping its key, type and options", async () => {
    const owner = await tenantWithAttributes();
    const relabelled = await expectJson<Attribute>(await patchAttribute(owner, "tier", { label: "Loyalty tier" }));
    expect(relabelled).toMatchObject({ key: "tier", label: "Loyalty tier", type: "enum", options: ["Gold", "Silver", "Bronze"] });
    await expectProblem(await patchAttribute(owner, "tier", { type: "text" }), 400);
    await expectProblem(await patchAttribute(owner, "no_such_key", { label: "Nope" }), 404);
  });

  it("removes an option nobody uses, but not one a customer still has", async () => {
    const owner = await tenantWithAttributes();
    await newCustomer(owner, { name: "Ada", attributes: { tier: "Gold", channels: ["SMS"] } });
    await expectProblem(await patchAttribute(owner, "tier", { options: ["Silver", "Bronze"] }), 409, "json.options");
    await expectProblem(await patchAttribute(owner, "channels", { options: ["Email", "WeChat"] }), 409, "json.options");
    const tier = await expectJson<Attribute>(await patchAttribute(owner, "tier", { options: ["Gold", "Silver", "Platinum"] }));
    expect(tier.options).toEqual(["Gold", "Silver", "Platinum"]);
    const channels = await expectJson<Attribute>(await patchAttribute(owner, "channels", { options: ["SMS"] }));
    expect(channels.options).toEqual(["SMS"]);
  });

  it("accepts a new option for customers once it is declared", async () => {
    const owner = await tenantWithAttributes();
    await expectProblem(await postCustomer(owner, { name: "Ada", attributes: { tier: "Platinum" } }), 400, "json.attributes.tier");
    await expectJson(await patchAttribute(owner, "tier", { options: ["Gold", "Silver", "Bronze", "Platinum"] }));
    expect((await newCustomer(owner, { name: "Ada", attributes: { tier: "platinum" } })).attributes).toEqual({ tier: "Platinum" });
  });

  it("deletes an attribute and its values from every customer", async () => {
    const owner = await tenantWithAttributes();
    const ada = await newCustomer(owner, { name: "Ada", attributes: { tier: "Gold", wholesale: true } });
    const bob = await newCustomer(owner, { name: "Bob", attributes: { tier: "Bronze" } });
    expect((await call("DELETE", "/v1/attributes/tier", { token: owner.tokens.accessToken })).status).toBe(204);
    expect((await customerOf(owner, ada.id)).attributes).toEqual({ wholesale: true });
    expect((await customerOf(owner, bob.id)).attributes).toEqual({});
    expect((await attributesOf(owner)).map((attribute) => attribute.key)).not.toContain("tier");
    await expectProblem(await postCustomer(owner, { name: "Cy", attributes: { tier: "Gold" } }), 400, "json.attributes.tier");
    await expectProblem(await call("DELETE", "/v1/attributes/tier", { token: owner.tokens.accessToken }), 404);
  });
});
