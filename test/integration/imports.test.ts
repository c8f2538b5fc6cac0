import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";

type Import = {
  id: string;
  results: Record<string, number>;
  status: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: Record<string, string | null>;
  progress: { rowsDone: number; rowsValid: number; rowsRejected: number };
};

function upload(owner: Account, body: string | Uint8Array, query = "") {
  return call("POST", `/v1/imports${query}`, {
    token: owner.tokens.accessToken,
    raw: { body: body as string, contentType: "text/csv" },
  });
}

/** Starts the dry run (`validate`) or the run and waits for it, following its progress. */
async function finished(owner: Account, id: string, step: "validate" | "run" = "validate"): Promise<Import> {
  await expectJson(await call("POST", `/v1/imports/${id}/${step}`, { token: owner.tokens.accessToken }), 202);
  for (let attempt = 0; attempt < 1200; attempt++) {
    const current = await expectJson<Import>(await call("GET", `/v1/imports/${id}`, { token: owner.tokens.accessToken }));
    if (current.status !== "validating" && current.status !== "running") return current;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the ${step} did not finish within five minutes`);
}

const validated = (owner: Account, id: string) => finished(owner, id, "validate");

async function problems(owner: Account, id: string): Promise<string[]> {
  const res = await call("GET", `/v1/imports/${id}/problems.csv`, { token: owner.tokens.accessToken });
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
}

const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((pair) => parseInt(pair, 16)));

describe("importing: template, upload, mapping, dry run", () => {
  it("offers a template with the tenant's attributes, in English or Chinese", async () => {
    const owner = await signUp();
    await call("POST", "/v1/attributes", { token: owner.tokens.accessToken, body: { key: "tier", label: "Loyalty tier", type: "text" } });
    const en = await (await call("GET", "/v1/imports/template.csv", { token: owner.tokens.accessToken })).text();
    expect(en).toMatch(/^External ID,Email,/);
    expect(en.trimEnd().endsWith(",Loyalty tier")).toBe(true);
    const zh = await (await call("GET", "/v1/imports/template.csv?lang=zh", { token: owner.tokens.accessToken })).text();
    expect(zh).toContain("邮箱");
    const roundTrip = await expectJson<{ import: Import; unmapped: string[] }>(await upload(owner, en), 201);
    expect(roundTrip.unmapped).toEqual([]);
    expect(roundTrip.import.mapping["Loyalty tier"]).toBe("attributes.tier");
  });

  it("checks every row of the UCI sample: 40,000 rows, 87 with problems, reported by row and column", async () => {
    const owner = await signUp();
    const created = await expectJson<{ import: Import; unmapped: string[] }>(await upload(owner, inject("sampleCsv"), "?fileName=online-retail.csv&currency=GBP&timeZone=Europe/London"), 201);
    expect(created.import).toMatchObject({ encoding: "utf-8", delimiter: ",", status: "uploaded" });
    expect(created.import.mapping).toEqual({
      InvoiceNo: "orderId",
      StockCode: "sku",
      Description: "title",
      Quantity: "quantity",
      InvoiceDate: "orderedAt",
      UnitPrice: "unitPrice",
      CustomerID: "externalId",
      Country: "country",
    });
    const done = await validated(owner, created.import.id);
    expect(done).toMatchObject({ status: "validated", progress: { rowsDone: 40000, rowsValid: 39913, rowsRejected: 87 } });
    const report = await problems(owner, created.import.id);
    expect(report[0]).toBe("row,column,problem");
    expect(report).toHaveLength(88);
    expect(report.some((line) => /,UnitPrice,.*at most 2 decimals/.test(line))).toBe(true);
    expect(report.some((line) => /,Country,.*not a country/.test(line))).toBe(true);
    const customers = await expectJson<{ items: unknown[] }>(await call("GET", "/v1/customers", { token: owner.tokens.accessToken }));
    expect(customers.items).toEqual([]);
  });

  it("detects GB18030 and Chinese headers, and semicolons", async () => {
    const owner = await signUp();
    const gb = hex("d0d5c3fb2cd3cacfe42ccad6bbfa0ad5c5c8fd2c7a68616e67406578616d706c652e636f6d2c313338203030313320383030300a");
    const chinese = await expectJson<{ import: Import }>(await upload(owner, gb as unknown as string), 201);
    expect(chinese.import).toMatchObject({ encoding: "gb18030", headers: ["姓名", "邮箱", "手机"], mapping: { 姓名: "name", 邮箱: "email", 手机: "phone" } });
    const semicolons = await expectJson<{ import: Import }>(await upload(owner, "Name;E-mail;Phone\nAda;ada@example.com;+44 20 7946 0958\n"), 201);
    expect(semicolons.import.delimiter).toBe(";");
  });

  it("lets the mapping be corrected, checks it, and validates again", async () => {
    const owner = await signUp();
    const { import: created } = await expectJson<{ import: Import }>(await upload(owner, "Who,Mail,Born\nAda,ADA@EXAMPLE.COM,1815-12-10\nBo,not-an-email,31/02/1990\n"), 201);
    expect(created.mapping).toEqual({ Who: null, Mail: "email", Born: null });
    const patch = (body: unknown) => call("PATCH", `/v1/imports/${created.id}`, { token: owner.tokens.accessToken, body });
    await expectProblem(await patch({ mapping: { Nope: "email" } }), 400, "json.mapping.Nope");
    await expectProblem(await patch({ mapping: { Who: "shoeSize" } }), 400, "json.mapping.Who");
    await expectJson(await patch({ mapping: { Who: "name", Mail: "email", Born: "birthday" }, options: { dateOrder: "DMY" } }));
    const done = await validated(owner, created.id);
    expect(done.progress).toEqual({ rowsDone: 2, rowsValid: 1, rowsRejected: 1 });
    const report = await problems(owner, created.id);
    expect(report.slice(1)).toEqual(["3,Born,is not a real date", "3,Mail,is not an email address"]);
  });

  it("refuses an empty upload and a file without a header line", async () => {
    const owner = await signUp();
    await expectProblem(await upload(owner, ""), 400, "body");
    await expectProblem(await upload(owner, "\n\n"), 400, "body");
  });
});

describe("running an import of customers", () => {
  it("matches by email, fills and updates, creates the rest, and keeps attributes the file does not name", async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    await call("POST", "/v1/attributes", { token, body: { key: "tier", label: "Tier", type: "enum", options: ["gold", "silver"] } });
    await call("POST", "/v1/attributes", { token, body: { key: "newsletter", label: "Newsletter", type: "boolean" } });
    const ada = await expectJson<{ id: string }>(await call("POST", "/v1/customers", { token, body: { name: "Ada", email: "ada@example.com", attributes: { tier: "gold" } } }), 201);
    const file = "邮箱,姓名,城市,Newsletter\nADA@example.com,Ada,London,yes\nbo@example.com,Bo,Paris,no\nbo@example.com,Bo,Lyon,\n";
    const { import: created } = await expectJson<{ import: Import }>(await upload(owner, file), 201);
    const done = await finished(owner, created.id, "run");
    expect(done.results).toMatchObject({ created: 1, updated: 1, mergedInFile: 1 });
    const updated = await expectJson<{ city: string; attributes: Record<string, unknown> }>(await call("GET", `/v1/customers/${ada.id}`, { token }));
    expect(updated).toMatchObject({ city: "London", attributes: { tier: "gold", newsletter: true } });
    const list = await expectJson<{ items: Array<{ name: string; city: string }> }>(await call("GET", "/v1/customers?email=bo@example.com", { token }));
    expect(list.items).toEqual([expect.objectContaining({ name: "Bo", city: "Paris" })]);
  });
});

describe("importing the UCI Online Retail sample through the public API", () => {
  // What the file implies, from its 40,000 lines less the 87 the dry run reports: 3,609
  // customers; 39,136 sold lines on 12,495 invoices of 3,579 customers; 777 returned lines
  // (cancellations); in pence: 73,949,991 sold, 3,442,023 returned, 70,507,968 net.
  const implied = { currency: "GBP", orders: 12495, customers: 3579, grossMinor: 73949991, refundedMinor: 3442023, netMinor: 70507968 };

  async function importSample(owner: Account): Promise<Import> {
    const created = await expectJson<{ import: Import }>(await upload(owner, inject("sampleCsv"), "?source=uci&currency=GBP&timeZone=Europe/London"), 201);
    return finished(owner, created.import.id, "run");
  }

  async function totals(owner: Account) {
    const token = owner.tokens.accessToken;
    const quality = await expectJson<{ total: number }>(await call("GET", "/v1/customers/quality", { token }));
    const summary = await expectJson<{ currencies: unknown[] }>(await call("GET", "/v1/orders/summary", { token }));
    return { customers: quality.total, revenue: summary.currencies };
  }

  it("yields the customers and revenue the file implies, and a second import changes nothing", { timeout: 600_000 }, async () => {
    const owner = await signUp();
    const first = await importSample(owner);
    expect(first.status).toBe("done");
    expect(first.progress).toEqual({ rowsDone: 40000, rowsValid: 39913, rowsRejected: 87 });
    expect(first.results).toMatchObject({ created: 3609, orderLines: 39136, refunds: 777 });
    const { created = 0, updated = 0, unchanged = 0, mergedInFile = 0 } = first.results;
    expect(created + updated + unchanged + mergedInFile).toBe(29872);
    const after = await totals(owner);
    expect(after).toEqual({ customers: 3609, revenue: [implied] });

    const second = await importSample(owner);
    expect(second.results).toMatchObject({ created: 0, updated: 0, unchanged: 3609, orderLines: 0, refunds: 0 });
    expect(await totals(owner)).toEqual(after);
  });
});
