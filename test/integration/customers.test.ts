import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { customerOf, listCustomers, newCustomer, patchCustomer, postCustomer, timelineOf, type Customer } from "../harness/customers.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";

async function setDefaultCountry(as: Account, defaultCountry: string | null): Promise<void> {
  await expectJson(await call("PATCH", "/v1/settings", { token: as.tokens.accessToken, body: { defaultCountry } }));
}

async function expectNoCustomers(as: Account): Promise<void> {
  expect((await listCustomers(as)).items).toEqual([]);
}

async function fieldChanges(as: Account, customerId: string): Promise<number> {
  return (await timelineOf(as, customerId, "kind=field_change")).items.length;
}

describe("creating a customer", () => {
  it("stores real-world input in standard form", async () => {
    const owner = await signUp();
    const customer = await newCustomer(owner, {
      name: "\u00A0 Ａｄａ\u00A0 Lovelace  ",
      email: "  Ada.Lovelace@Example.COM ",
      phone: "+86 138 0013 8000",
      country: "United Kingdom",
      birthday: "1990/1/5",
      gender: "女",
      tags: ["VIP", "vip", " Wholesale ", "ｖｉｐ", "wholesale"],
    });
    expect(customer).toMatchObject({
      name: "Ada Lovelace",
      email: "ada.lovelace@example.com",
      phone: "+8613800138000",
      country: "GB",
      birthday: "1990-01-05",
      gender: "female",
      tags: ["VIP", "Wholesale"],
      emailConsent: false,
      smsConsent: false,
      consentUpdatedAt: null,
      attributes: {},
      identities: [],
    });
    expect(await customerOf(owner, customer.id)).toEqual(customer);
  });

  it.each(["United Kingdom", "英国", "gb", "GBR", " UK "])("reads the country %j as GB", async (country) => {
    const owner = await signUp();
    expect((await newCustomer(owner, { name: "Grace", country })).country).toBe("GB");
  });

  it("reads a phone typed with full-width digits", async () => {
    const owner = await signUp();
    expect((await newCustomer(owner, { phone: "＋８６ １３８ ００１３ ８０００" })).phone).toBe("+8613800138000");
  });

  it("reads a national phone number in the tenant's default country, and refuses it without one", async () => {
    const owner = await signUp();
    const problem = await expectProblem(await postCustomer(owner, { name: "Alan", phone: "020 7946 0958" }), 400, "json.phone");
    expect(problem.issues.find((issue) => issue.path === "json.phone")?.message).toContain("country code");
    await expectNoCustomers(owner);

    await setDefaultCountry(owner, "GB");
    expect((await newCustomer(owner, { name: "Alan", phone: "020 7946 0958" })).phone).toBe("+442079460958");
  });

  it("records when consent was given", async () => {
    const owner = await signUp();
    const customer = await newCustomer(owner, { email: "opt-in@example.com", emailConsent: true });
    expect(customer.emailConsent).toBe(true);
    expect(Date.parse(customer.consentUpdatedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("customer validation", () => {
  it("lists every invalid field in one problem and stores nothing", async () => {
    const owner = await signUp();
    const res = await postCustomer(owner, {
      name: "Valid Name",
      email: "not-an-email",
      phone: "+44 12",
      country: "Atlantis",
      birthday: "1990-02-30",
      gender: "dragon",
    });
    const problem = await expectProblem(res, 400);
    expect(problem.code).toBe("BAD_REQUEST");
    expect(problem.issues.map((issue) => issue.path).sort()).toEqual(["json.birthday", "json.country", "json.email", "json.gender", "json.phone"]);
    await expectNoCustomers(owner);
  });

  it("refuses a birthday in the future", async () => {
    const owner = await signUp();
    const nextYear = new Date().getUTCFullYear() + 1;
    await expectProblem(await postCustomer(owner, { name: "Marty", birthday: `${nextYear}-01-01` }), 400, "json.birthday");
  });

  it("refuses an unknown field, naming it", async () => {
    const owner = await signUp();
    const problem = await expectProblem(await postCustomer(owner, { name: "Ada", favouriteColour: "teal" }), 400);
    expect(JSON.stringify(problem.issues)).toContain("favouriteColour");
    await expectNoCustomers(owner);
  });

  it("needs a name, an email, a phone or an identity", async () => {
    const owner = await signUp();
    await expectProblem(await postCustomer(owner, { city: "London" }), 400, "json");
    await expectProblem(await postCustomer(owner, { name: " \u00A0 ", city: "London" }), 400, "json");
    await expectNoCustomers(owner);
  });
});

describe("external identities on create", () => {
  const shopify = { platform: "shopify", externalId: "gid://shopify/Customer/7008718152000" };

  it("links them and shows them on GET", async () => {
    const owner = await signUp();
    const created = await newCustomer(owner, { identities: [shopify, { platform: "WeChat", externalId: " o6_bmjrPTlm6_2sgVt7hMZOPfL2M " }] });
    const expected = [shopify, { platform: "wechat", externalId: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M" }];
    expect(created.identities).toEqual(expected);
    expect((await customerOf(owner, created.id)).identities).toEqual(expected);
  });

  it("refuses an identity another customer holds, naming it, and stores nothing", async () => {
    const owner = await signUp();
    const first = await newCustomer(owner, { name: "First", identities: [shopify] });
    const res = await postCustomer(owner, { name: "Second", identities: [{ platform: "wechat", externalId: "w1" }, shopify] });
    expect((await expectProblem(res, 409, "json.identities.1")).code).toBe("CONFLICT");
    await expectProblem(await postCustomer(owner, { name: "Third", identities: [shopify] }), 409, "json.identities.0");
    expect((await listCustomers(owner)).items.map((customer) => customer.id)).toEqual([first.id]);
  });
});

describe("changing a customer", () => {
  async function ada(owner: Account): Promise<Customer> {
    return newCustomer(owner, { name: "Ada Lovelace", email: "ada@example.com", city: "London", company: "Analytical Engines", tags: ["vip"] });
  }

  it("changes only the fields given, standardised", async () => {
    const owner = await signUp();
    const before = await ada(owner);
    const after = await expectJson<Customer>(await patchCustomer(owner, before.id, { city: "  Ｍａｒｙｌｅｂｏｎｅ ", country: "英国" }));
    expect(after).toEqual({ ...before, city: "Marylebone", country: "GB", updatedAt: after.updatedAt });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(await customerOf(owner, before.id)).toEqual(after);
  });

  it("clears a field given as null", async () => {
    const owner = await signUp();
    const before = await ada(owner);
    const after = await expectJson<Customer>(await patchCustomer(owner, before.id, { company: null, city: null }));
    expect(after).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com", company: null, city: null });
  });

  it("does nothing when the values are already stored, even written differently", async () => {
    const owner = await signUp();
    const before = await ada(owner);
    const res = await patchCustomer(owner, before.id, { email: " ADA@example.com", city: "London\u00A0", tags: ["vip"] });
    expect(await expectJson<Customer>(res)).toEqual(before);
    expect(await fieldChanges(owner, before.id)).toBe(0);
  });

  it("changes nothing when one value is invalid", async () => {
    const owner = await signUp();
    const before = await ada(owner);
    await expectProblem(await patchCustomer(owner, before.id, { city: "Paris", email: "ada-at-example" }), 400, "json.email");
    await expectProblem(await patchCustomer(owner, before.id, { city: "Paris", phone: "12345" }), 400, "json.phone");
    await expectProblem(await patchCustomer(owner, before.id, { city: "Paris", identities: [] }), 400);
    expect(await customerOf(owner, before.id)).toEqual(before);
    expect(await fieldChanges(owner, before.id)).toBe(0);
  });

  it("stamps consentUpdatedAt when consent changes, and only then", async () => {
    const owner = await signUp();
    const before = await ada(owner);
    expect(before.consentUpdatedAt).toBeNull();

    const consented = await expectJson<Customer>(await patchCustomer(owner, before.id, { smsConsent: true }));
    expect(consented.smsConsent).toBe(true);
    expect(consented.consentUpdatedAt).not.toBeNull();

    const renamed = await expectJson<Customer>(await patchCustomer(owner, before.id, { smsConsent: true, name: "Augusta Ada King" }));
    expect(renamed.consentUpdatedAt).toBe(consented.consentUpdatedAt);

    const withdrawn = await expectJson<Customer>(await patchCustomer(owner, before.id, { smsConsent: false }));
    expect(Date.parse(withdrawn.consentUpdatedAt!)).toBeGreaterThan(Date.parse(consented.consentUpdatedAt!));
  });

  it("answers 404 for a customer that does not exist", async () => {
    const owner = await signUp();
    await expectProblem(await patchCustomer(owner, crypto.randomUUID(), { city: "Paris" }), 404);
    await expectProblem(await call("GET", `/v1/customers/${crypto.randomUUID()}`, { token: owner.tokens.accessToken }), 404);
    await expectProblem(await call("GET", "/v1/customers/not-a-uuid", { token: owner.tokens.accessToken }), 400, "param.customerId");
  });
});
