import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type Account } from "../harness/accounts.ts";
import { BASE, call } from "../harness/api.ts";
import { newCustomer, type Customer } from "../harness/customers.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

async function exportCsv(token: string, query = ""): Promise<Response> {
  return SELF.fetch(`${BASE}/v1/customers/export.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
}

describe("CSV export", () => {
  it("streams the filtered list with one column per field and attribute, Chinese intact, formulas defused", async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    await call("POST", "/v1/attributes", { token, body: { key: "tier", label: "Tier", type: "enum", options: ["gold", "silver"] } });
    await newCustomer(owner, { name: "张三", email: "zhang@example.com", country: "中国", tags: ["vip", "北京"], attributes: { tier: "gold" } });
    await newCustomer(owner, { name: "=HYPERLINK(\"http://evil\")", email: "evil@example.com", country: "GB" });
    const res = await exportCsv(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: false }).decode(bytes);
    expect(text.startsWith("\uFEFFid,name,email,phone,")).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split("\r\n");
    expect(header!.split(",").at(-1)).toBe("tier");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("张三,zhang@example.com");
    expect(rows[0]).toContain('"vip, 北京"');
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const filtered = new TextDecoder().decode(await (await exportCsv(token, "?country=cn")).arrayBuffer());
    expect(filtered.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("exports every customer and is audited", async () => {
    const owner = await signUp();
    for (let i = 0; i < 5; i++) await newCustomer(owner, { name: `Customer ${i}` });
    const text = await (await exportCsv(owner.tokens.accessToken)).text();
    expect(text.trimEnd().split("\r\n")).toHaveLength(6);
    const audit = await getJson<{ items: unknown[] }>("/v1/audit-log?action=customers.export", { token: owner.tokens.accessToken });
    expect(audit.items).toHaveLength(1);
  });

  it("is not for viewers", async () => {
    const owner = await signUp();
    const viewer = await addMember(owner, "viewer");
    await expectProblem(await exportCsv(viewer.tokens.accessToken), 403);
  });
});

describe("right of access and right to be forgotten", () => {
  it("hands out everything held about one person", async () => {
    const owner = await signUp();
    const ada = await newCustomer(owner, { name: "Ada", email: "ada@example.com", identities: [{ platform: "shopify", externalId: "1" }] });
    await call("POST", "/v1/orders", {
      token: owner.tokens.accessToken,
      body: { customerId: ada.id, currency: "GBP", orderedAt: "2011-01-01T00:00:00Z", lines: [{ title: "Mug", quantity: 2, unitPrice: 250 }] },
    });
    const data = await getJson<{ customer: Customer; orders: Array<{ totalMinor: number; lines: unknown[] }>; timeline: unknown[] }>(
      `/v1/customers/${ada.id}/data`,
      { token: owner.tokens.accessToken },
    );
    expect(data.customer.identities).toHaveLength(1);
    expect(data.orders).toMatchObject([{ totalMinor: 500, lines: [{ title: "Mug", quantity: 2 }] }]);
    expect(data.timeline.length).toBeGreaterThanOrEqual(2);
  });

  it("erases personal data, keeps the orders for totals, and leaves no copy in merge records", async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    const ada = await newCustomer(owner, { name: "Ada", email: "ada@example.com", phone: "+44 20 7946 0958", tags: ["vip"], identities: [{ platform: "stripe", externalId: "cus_1" }] });
    const copy = await newCustomer(owner, { name: "Ada L", email: "ada@example.com" });
    await call("POST", "/v1/orders", { token, body: { customerId: ada.id, currency: "GBP", orderedAt: "2011-01-01T00:00:00Z", lines: [{ title: "Mug", quantity: 1, unitPrice: 900 }] } });
    await call("POST", `/v1/customers/${ada.id}/interactions`, { token, body: { kind: "note", summary: "Lives at 12 Acacia Avenue" } });
    const merge = await expectJson<{ id: string }>(await call("POST", `/v1/customers/${ada.id}/merge`, { token, body: { duplicateId: copy.id } }), 201);

    const erased = await expectJson<Customer>(await call("POST", `/v1/customers/${ada.id}/erase`, { token }));
    expect(erased).toMatchObject({ name: null, email: null, tags: [], identities: [] });
    expect(erased.erasedAt).not.toBeNull();
    const everything = JSON.stringify(await getJson(`/v1/customers/${ada.id}/data`, { token }));
    for (const secret of ["Ada", "ada@example.com", "2079460958", "cus_1", "Acacia"]) expect(everything).not.toContain(secret);
    const summary = await getJson<{ currencies: Array<{ netMinor: number; customers: number }> }>("/v1/orders/summary", { token });
    expect(summary.currencies).toEqual([expect.objectContaining({ netMinor: 900, customers: 1 })]);
    await expectProblem(await call("POST", `/v1/customer-merges/${merge.id}/undo`, { token }), 404);
    const audit = JSON.stringify(await getJson("/v1/audit-log?action=customers.erase", { token }));
    expect(audit).not.toContain("ada@example.com");
  });
});
