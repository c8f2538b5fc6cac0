import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { newCustomer, postAttribute, type Customer, type Page } from "../harness/customers.ts";
import { withDatabase } from "../harness/database.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { insertScoredRun } from "../harness/segments.ts";

type Segment = { id: string; name: string; description: string | null; filter: unknown; memberCount: number };

const EXAMPLE = {
  all: [
    { field: "score.rfmSegment", op: "in", value: ["At risk", "Cannot lose them"] },
    { any: [{ field: "tag", op: "has", value: "vip" }, { field: "attribute.plan", op: "eq", value: "gold" }] },
    { field: "customer.country", op: "eq", value: "GB" },
    { field: "score.clv", op: "gte", value: 100 },
  ],
};

const BOBBY = "Robert'); DROP TABLE customers;--";
const SLY_TAG = "x' or '1'='1";

async function segmentCount(owner: Account): Promise<number> {
  return (await expectJson<{ items: Segment[] }>(await call("GET", "/v1/segments", { token: owner.tokens.accessToken }))).items.length;
}

async function auditCount(tenantId: string, action: string): Promise<number> {
  return withDatabase(async (db) => Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId} and action = ${action}`)).rows[0]!.n));
}

describe("dynamic segments", () => {
  let owner: Account;
  let token: string;
  let ada: Customer, bea: Customer, chen: Customer, bobby: Customer, dora: Customer;

  beforeAll(async () => {
    owner = await signUp();
    token = owner.tokens.accessToken;
    await expectJson(await postAttribute(owner, { key: "plan", label: "Plan", type: "enum", options: ["gold", "silver"] }), 201);
    ada = await newCustomer(owner, { name: "Ada Lovelace", email: "ada@example.com", country: "GB", tags: ["vip"], attributes: { plan: "silver" } });
    bea = await newCustomer(owner, { name: "Bea Gold", email: "bea@example.com", country: "GB", attributes: { plan: "gold" } });
    chen = await newCustomer(owner, { name: "Chen Wei", email: "chen@example.com", country: "CN", tags: ["vip"] });
    bobby = await newCustomer(owner, { name: BOBBY, email: "bobby@example.com", country: "GB", tags: [SLY_TAG] });
    dora = await newCustomer(owner, { name: "Dora Nobody", email: "dora@example.com", country: "GB", tags: ["vip"] });
    // An older run put Bea among Champions; the latest run is the one filters read.
    await insertScoredRun(owner.tenantId, [{ customerId: bea.id, segment: "Champions", clvMinor: 500 }], new Date(Date.now() - 86_400_000));
    await insertScoredRun(owner.tenantId, [
      { customerId: ada.id, segment: "At risk", clvMinor: 50_000 },
      { customerId: bea.id, segment: "Cannot lose them", clvMinor: 200 },
      { customerId: chen.id, segment: "At risk", clvMinor: 99_999 },
      { customerId: bobby.id, segment: "At risk", clvMinor: 99 },
    ]);
  });

  it("saves a segment, counts and pages its members, exports them, follows a changed filter, and removes it", async () => {
    const created = await expectJson<Segment>(await call("POST", "/v1/segments", { token, body: { name: "Slipping VIPs", description: "Worth a call", filter: EXAMPLE } }), 201);
    expect(created).toMatchObject({ name: "Slipping VIPs", description: "Worth a call", filter: EXAMPLE, memberCount: 2 });
    expect(await expectJson<Segment>(await call("GET", `/v1/segments/${created.id}`, { token }))).toMatchObject({ id: created.id, memberCount: 2 });
    const listed = await expectJson<{ items: Segment[] }>(await call("GET", "/v1/segments", { token }));
    expect(listed.items.find((segment) => segment.id === created.id)?.memberCount).toBe(2);

    const first = await expectJson<Page<Customer>>(await call("GET", `/v1/segments/${created.id}/members?limit=1`, { token }));
    expect(first.items.map((customer) => customer.id)).toEqual([ada.id]);
    const second = await expectJson<Page<Customer>>(await call("GET", `/v1/segments/${created.id}/members?limit=1&cursor=${first.nextCursor}`, { token }));
    expect(second).toMatchObject({ items: [{ id: bea.id, email: "bea@example.com" }], nextCursor: null });
    await expectProblem(await call("GET", `/v1/segments/${created.id}/members?cursor=not-ours`, { token }), 400, "query.cursor");

    const csv = await call("GET", `/v1/segments/${created.id}/export.csv`, { token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]!.split(",").slice(0, 3)).toEqual(["id", "name", "email"]);
    expect(lines[0]!.endsWith(",plan")).toBe(true);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([ada.id, bea.id]);
    expect(await auditCount(owner.tenantId, "segments.export")).toBe(1);

    const changed = await expectJson<Segment>(
      await call("PATCH", `/v1/segments/${created.id}`, { token, body: { filter: { field: "tag", op: "has", value: "vip" }, description: null } }),
    );
    expect(changed).toMatchObject({ name: "Slipping VIPs", description: null, memberCount: 3 });
    expect((await call("DELETE", `/v1/segments/${created.id}`, { token })).status).toBe(204);
    await expectProblem(await call("GET", `/v1/segments/${created.id}`, { token }), 404);
    await expectProblem(await call("DELETE", `/v1/segments/${created.id}`, { token }), 404);
  });

  it("previews an unsaved filter (count and first page) without storing anything", async () => {
    const before = await segmentCount(owner);
    const preview = await expectJson<{ memberCount: number; items: Customer[] }>(
      await call("POST", "/v1/segments/preview", { token, body: { filter: { all: [{ field: "score.rfmSegment", op: "eq", value: "At risk" }, { not: { field: "customer.country", op: "eq", value: "CN" } }] }, limit: 1 } }),
    );
    expect(preview.memberCount).toBe(2);
    expect(preview.items.map((customer) => customer.id)).toEqual([ada.id]);
    const unscored = await expectJson<{ memberCount: number; items: Customer[] }>(await call("POST", "/v1/segments/preview", { token, body: { filter: { field: "score.rfmSegment", op: "isNull", value: true } } }));
    expect(unscored.items.map((customer) => customer.id)).toEqual([dora.id]);
    const attributes = await expectJson<{ memberCount: number }>(await call("POST", "/v1/segments/preview", { token, body: { filter: { field: "attribute.plan", op: "in", value: ["gold", "silver"] } } }));
    expect(attributes.memberCount).toBe(2);
    expect(await segmentCount(owner)).toBe(before);
  });

  it("answers bad filters with 400 issues at the offending path (422 for an undeclared attribute), storing nothing", async () => {
    const before = await segmentCount(owner);
    const audited = await auditCount(owner.tenantId, "segments.create");
    const bad: Array<[unknown, number, string]> = [
      [{ all: [{ field: "customer.password", op: "eq", value: "x" }] }, 400, "json.filter.all.0.field"],
      [{ all: [EXAMPLE.all[0], { any: [{ field: "score.clv", op: "contains", value: "1" }] }] }, 400, "json.filter.all.1.any.0.op"],
      [{ field: "score.rfmSegment", op: "in", value: ["Royalty"] }, 400, "json.filter.value.0"],
      [{ field: "score.clv", op: "between", value: [500, 100] }, 400, "json.filter.value"],
      [{ all: [] }, 400, "json.filter.all"],
      [{ not: { not: { not: { not: { not: { not: { field: "tag", op: "has", value: "a" } } } } } } }, 400, "json.filter.not.not.not.not.not.not"],
      [{ field: "tag", op: "has", value: "a", extra: 1 }, 400, "json.filter"],
      [{ all: [{ field: "attribute.tier", op: "eq", value: "gold" }] }, 422, "json.filter.all.0.field"],
    ];
    for (const [filter, status, path] of bad) {
      await expectProblem(await call("POST", "/v1/segments", { token, body: { name: "Bad", filter } }), status, path);
      await expectProblem(await call("POST", "/v1/segments/preview", { token, body: { filter } }), status, path);
    }
    await expectProblem(await call("POST", "/v1/segments", { token, body: { name: "No filter" } }), 400, "json.filter");
    await expectProblem(await call("POST", "/v1/segments", { token, body: { name: "", filter: EXAMPLE } }), 400, "json.name");
    const saved = await expectJson<Segment>(await call("POST", "/v1/segments", { token, body: { name: "Kept", filter: EXAMPLE } }), 201);
    await expectProblem(await call("PATCH", `/v1/segments/${saved.id}`, { token, body: { filter: { field: "nope", op: "eq", value: 1 } } }), 400, "json.filter.field");
    expect((await expectJson<Segment>(await call("GET", `/v1/segments/${saved.id}`, { token }))).filter).toEqual(EXAMPLE);
    expect(await segmentCount(owner)).toBe(before + 1);
    expect(await auditCount(owner.tenantId, "segments.create")).toBe(audited + 1);
  });

  it("treats SQL in values as data and refuses it as a field name; the tables stay whole", async () => {
    const byName = await expectJson<{ memberCount: number; items: Customer[] }>(await call("POST", "/v1/segments/preview", { token, body: { filter: { field: "customer.name", op: "eq", value: BOBBY } } }));
    expect(byName.items.map((customer) => customer.id)).toEqual([bobby.id]);
    const byTag = await expectJson<{ memberCount: number; items: Customer[] }>(await call("POST", "/v1/segments/preview", { token, body: { filter: { field: "tag", op: "has", value: SLY_TAG } } }));
    expect(byTag.items.map((customer) => customer.id)).toEqual([bobby.id]);
    for (const value of ["' or 1=1 --", "gold\"::jsonb or true --", "%", "_"]) {
      for (const field of ["customer.name", "attribute.plan", "customer.company"]) {
        const op = field === "customer.company" ? "contains" : "eq";
        const res = await call("POST", "/v1/segments/preview", { token, body: { filter: { field, op, value } } });
        expect((await expectJson<{ memberCount: number }>(res)).memberCount, `${field} ${value}`).toBe(0);
      }
    }
    for (const field of ["customer.name = customer.name or 1=1 --", "attribute.plan'); drop table customers; --", "customers.tenant_id", "score.clv; select pg_sleep(5)"]) {
      await expectProblem(await call("POST", "/v1/segments", { token, body: { name: "Sly", filter: { field, op: "eq", value: 1 } } }), 400, "json.filter.field");
    }
    for (const filter of [{ field: "score.r", op: "gte", value: 1e12 }, { field: "customer.creditTermsDays", op: "in", value: [-1e300, 3.5] }]) {
      expect((await expectJson<{ memberCount: number }>(await call("POST", "/v1/segments/preview", { token, body: { filter } }))).memberCount).toBe(0);
    }
    await expectProblem(await call("POST", "/v1/segments/preview", { token, body: { filter: { field: "customer.createdAt", op: "lt", value: "0000-01-01" } } }), 400, "json.filter.value");
    const listed = await expectJson<Page<Customer>>(await call("GET", "/v1/customers?limit=200", { token }));
    expect(listed.items).toHaveLength(5);
  });

  it("keeps each tenant to its own segments and lets only staff who work with customers change them", async () => {
    const saved = await expectJson<Segment>(await call("POST", "/v1/segments", { token, body: { name: "Mine", filter: EXAMPLE } }), 201);
    const stranger = await signUp();
    for (const path of [`/v1/segments/${saved.id}`, `/v1/segments/${saved.id}/members`, `/v1/segments/${saved.id}/export.csv`]) {
      await expectProblem(await call("GET", path, { token: stranger.tokens.accessToken }), 404);
    }
    const theirs = await expectJson<{ memberCount: number }>(await call("POST", "/v1/segments/preview", { token: stranger.tokens.accessToken, body: { filter: { field: "tag", op: "has", value: "vip" } } }));
    expect(theirs.memberCount).toBe(0);
    const viewer = await addMember(owner, "viewer");
    await expectProblem(await call("POST", "/v1/segments", { token: viewer.tokens.accessToken, body: { name: "No", filter: EXAMPLE } }), 403);
    await expectProblem(await call("GET", `/v1/segments/${saved.id}/export.csv`, { token: viewer.tokens.accessToken }), 403);
    expect((await expectJson<Segment>(await call("GET", `/v1/segments/${saved.id}`, { token: viewer.tokens.accessToken }))).memberCount).toBe(2);
  });
});
