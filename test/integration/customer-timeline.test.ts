import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { interactions } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { addMember, signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { customerOf, expectNoServerError, newCustomer, patchCustomer, timelineOf, walkPages, type Customer, type Interaction } from "../harness/customers.ts";
import { withDatabase } from "../harness/database.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";

type Identity = { platform: string; externalId: string };

const SHOPIFY: Identity = { platform: "shopify", externalId: "gid://shopify/Customer/7008718152000" };

function record(as: Account, customerId: string, body: unknown): Promise<Response> {
  return call("POST", `/v1/customers/${customerId}/interactions`, { token: as.tokens.accessToken, body });
}

function addIdentity(as: Account, customerId: string, identity: Identity): Promise<Response> {
  return call("POST", `/v1/customers/${customerId}/identities`, { token: as.tokens.accessToken, body: identity });
}

function removeIdentity(as: Account, customerId: string, identity: Identity): Promise<Response> {
  const query = new URLSearchParams(identity).toString();
  return call("DELETE", `/v1/customers/${customerId}/identities?${query}`, { token: as.tokens.accessToken });
}

async function kindsOf(as: Account, customerId: string, query = ""): Promise<string[]> {
  return (await timelineOf(as, customerId, query)).items.map((entry) => entry.kind);
}

async function ada(as: Account): Promise<Customer> {
  return newCustomer(as, { name: "Ada Lovelace", email: "ada@example.com", city: "London" });
}

describe("a customer's timeline", () => {
  it("starts with a 'created' entry naming who created them", async () => {
    const owner = await signUp();
    const customer = await newCustomer(owner, { name: "Ada", source: "shopify" });
    const { items, nextCursor } = await timelineOf(owner, customer.id);
    expect(items).toEqual([expect.objectContaining({ kind: "created", summary: "Created from shopify", actorType: "user", actorId: owner.userId })]);
    expect(nextCursor).toBeNull();
  });

  it("records each change with the old and new value of every changed field", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    await expectJson(await patchCustomer(owner, customer.id, { city: "Leeds", email: " ADA@example.com", tags: ["vip"] }));
    const [change] = (await timelineOf(owner, customer.id, "kind=field_change")).items;
    expect(change).toMatchObject({ kind: "field_change", actorType: "user", actorId: owner.userId });
    expect(change!.data).toEqual({ city: { from: "London", to: "Leeds" }, tags: { from: [], to: ["vip"] } });
    expect(await kindsOf(owner, customer.id)).toEqual(["field_change", "created"]);
  });

  it("names a changed field as the API does", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    await expectJson(await patchCustomer(owner, customer.id, { name: "Augusta Ada King" }));
    const [change] = (await timelineOf(owner, customer.id, "kind=field_change")).items;
    expect(change!.data).toEqual({ name: { from: "Ada Lovelace", to: "Augusta Ada King" } });
  });
});

describe("recording interactions", () => {
  it("adds notes and calls, newest first, filtered by kind", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    const note = await expectJson<Interaction>(
      await record(owner, customer.id, { kind: "note", summary: "Asked about gift wrapping", occurredAt: "2024-01-10T09:00:00Z" }),
      201,
    );
    expect(note).toMatchObject({ kind: "note", summary: "Asked about gift wrapping", occurredAt: "2024-01-10T09:00:00.000Z", data: {} });
    expect(note).toMatchObject({ actorType: "user", actorId: owner.userId });
    const callBody = { kind: "call", summary: "Called back", occurredAt: "2024-02-01T10:30:00+01:00", data: { minutes: 7 } };
    await expectJson(await record(owner, customer.id, callBody), 201);

    expect(await kindsOf(owner, customer.id)).toEqual(["created", "call", "note"]);
    const { items } = await timelineOf(owner, customer.id, "kind=note,call");
    expect(items.map((entry) => [entry.kind, entry.occurredAt, entry.data])).toEqual([
      ["call", "2024-02-01T09:30:00.000Z", { minutes: 7 }],
      ["note", "2024-01-10T09:00:00.000Z", {}],
    ]);
    expect(await kindsOf(owner, customer.id, "kind=note")).toEqual(["note"]);
  });

  it("dates an interaction now when no time is given", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    const visit = await expectJson<Interaction>(await record(owner, customer.id, { kind: "visit", summary: "Came to the shop" }), 201);
    expect(Math.abs(Date.parse(visit.occurredAt) - Date.now())).toBeLessThan(60_000);
  });

  it("refuses kinds only the system writes, an empty summary and unknown kinds in the filter", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    await expectProblem(await record(owner, customer.id, { kind: "order", summary: "Bought a scarf" }), 400, "json.kind");
    await expectProblem(await record(owner, customer.id, { kind: "note", summary: "   " }), 400, "json.summary");
    await expectProblem(await record(owner, customer.id, { kind: "note", summary: "Hi", occurredAt: "yesterday" }), 400, "json.occurredAt");
    const filter = (kind: string) => call("GET", `/v1/customers/${customer.id}/timeline?kind=${kind}`, { token: owner.tokens.accessToken });
    await expectProblem(await filter("note,gossip"), 400, "query.kind.1");
    expect(await kindsOf(owner, customer.id)).toEqual(["created"]);
  });

  it("pages one entry at a time without skipping or repeating", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    for (const day of ["01", "02", "02", "03"]) {
      await expectJson(await record(owner, customer.id, { kind: "note", summary: `Day ${day}`, occurredAt: `2024-03-${day}T12:00:00Z` }), 201);
    }
    const all = (await timelineOf(owner, customer.id)).items.map((entry) => entry.id);
    expect(all).toHaveLength(5);
    const pages = await walkPages<Interaction>((cursor) => timelineOf(owner, customer.id, `limit=1${cursor ? `&cursor=${cursor}` : ""}`));
    expect(pages.map((page) => page.length)).toEqual([1, 1, 1, 1, 1]);
    expect(pages.flat()).toEqual(all);
  });

  // PostgreSQL keeps microseconds, and one transaction (an import, a merge) writes every entry at
  // the same now(). The cursor keeps only milliseconds, so the rest of that instant is skipped.
  it("pages through entries written in the same instant", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    const sameInstant = sql`'2024-03-01 12:00:00.000500+00'::timestamptz`;
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) =>
        tx.insert(interactions).values(
          ["a", "b", "c"].map((summary) => ({ tenantId: owner.tenantId, customerId: customer.id, kind: "note" as const, summary, occurredAt: sameInstant })),
        ),
      ),
    );
    const all = (await timelineOf(owner, customer.id)).items.map((entry) => entry.id);
    expect(all).toHaveLength(4);
    const pages = await walkPages<Interaction>((cursor) => timelineOf(owner, customer.id, `limit=1${cursor ? `&cursor=${cursor}` : ""}`));
    expect(pages.flat()).toEqual(all);
  });

  it("is open to analysts, who may not change the customer itself", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    const customer = await ada(owner);
    const note = await expectJson<Interaction>(await record(analyst, customer.id, { kind: "note", summary: "Prefers email" }), 201);
    expect(note.actorId).toBe(analyst.userId);
    expect((await expectProblem(await patchCustomer(analyst, customer.id, { city: "Leeds" }), 403)).code).toBe("FORBIDDEN");
    expect(await customerOf(owner, customer.id)).toEqual(customer);
    expect(await kindsOf(analyst, customer.id)).toEqual(["note", "created"]);
  });

  it("answers 404 for a customer that does not exist", async () => {
    const owner = await signUp();
    await expectProblem(await record(owner, crypto.randomUUID(), { kind: "note", summary: "Hello" }), 404);
    await expectProblem(await call("GET", `/v1/customers/${crypto.randomUUID()}/timeline`, { token: owner.tokens.accessToken }), 404);
  });
});

describe("linking external identities", () => {
  it("adds and removes an id with slashes, recording both on the timeline", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    const added = await expectJson<{ identities: Identity[] }>(await addIdentity(owner, customer.id, SHOPIFY));
    expect(added.identities).toEqual([SHOPIFY]);
    expect((await customerOf(owner, customer.id)).identities).toEqual([SHOPIFY]);

    const removed = await expectJson<{ identities: Identity[] }>(await removeIdentity(owner, customer.id, SHOPIFY));
    expect(removed.identities).toEqual([]);
    expect((await customerOf(owner, customer.id)).identities).toEqual([]);

    const changes = (await timelineOf(owner, customer.id, "kind=field_change")).items.map((entry) => entry.data);
    expect(changes).toEqual([{ identity: { from: SHOPIFY, to: null } }, { identity: { from: null, to: SHOPIFY } }]);
  });

  it("treats linking the same id again as done, and refuses an id another customer holds", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    const other = await newCustomer(owner, { name: "Other" });
    await expectJson(await addIdentity(owner, customer.id, SHOPIFY));
    expect((await expectJson<{ identities: Identity[] }>(await addIdentity(owner, customer.id, SHOPIFY))).identities).toEqual([SHOPIFY]);
    expect(await kindsOf(owner, customer.id, "kind=field_change")).toHaveLength(1);
    await expectProblem(await addIdentity(owner, other.id, SHOPIFY), 409, "json.identities.0");
  });

  it("answers 404 for an identity the customer does not have", async () => {
    const owner = await signUp();
    const customer = await newCustomer(owner, { name: "Ada", identities: [SHOPIFY] });
    const other = await newCustomer(owner, { name: "Other" });
    await expectProblem(await removeIdentity(owner, customer.id, { platform: "shopify", externalId: "gid://shopify/Customer/1" }), 404);
    await expectProblem(await removeIdentity(owner, other.id, SHOPIFY), 404);
    expect((await customerOf(owner, customer.id)).identities).toEqual([SHOPIFY]);
  });

  // PostgreSQL refuses text holding a NUL character; unchecked, it surfaced as a 500.
  it("cleans or refuses a NUL character in a note or an identity, never failing with a 500", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    await expectNoServerError(await record(owner, customer.id, { kind: "note", summary: "Call\u0000 back" }));
    await expectNoServerError(await record(owner, customer.id, { kind: "note", summary: "Called", data: { by: "Ivy\u0000" } }));
    await expectNoServerError(await addIdentity(owner, customer.id, { platform: "shopify", externalId: "70087\u000018152000" }));
  });

  it("refuses a platform name that is not a short lower-case word", async () => {
    const owner = await signUp();
    const customer = await ada(owner);
    await expectProblem(await addIdentity(owner, customer.id, { platform: "Shop ify!", externalId: "1" }), 400, "json.platform");
  });
});
