import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { addMember, createKey, signUp, type Account } from "../harness/accounts.ts";
import { call, uniqueEmail } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

type AuditEntry = { id: string; at: string; actorType: string; actorId: string | null; action: string; entityType: string; entityId: string | null };
type Page = { items: AuditEntry[]; nextCursor: string | null };

/** A tenant whose history has three bursts of changes, a few milliseconds apart, and an admin among its actors. */
type History = { owner: Account; admin: Account; inviteId: string; keyId: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function invite(owner: Account): Promise<string> {
  const body = { email: uniqueEmail("audit"), role: "viewer" };
  return (await expectJson<{ invite: { id: string } }>(await call("POST", "/v1/invites", { token: owner.tokens.accessToken, body }), 201)).invite.id;
}

async function makeHistory(): Promise<History> {
  const owner = await signUp(); // auth.signup
  const admin = await addMember(owner, "admin"); // invites.create, invites.accept
  await pause(20);
  const inviteId = await invite(owner); // invites.create
  await expectJson(await call("DELETE", `/v1/invites/${inviteId}`, { token: owner.tokens.accessToken })); // invites.revoke
  await pause(20);
  const { id: keyId } = await createKey(admin, { kind: "secret", role: "viewer" }); // api_keys.create, by the admin
  await expectJson(await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { currency: "GBP" } })); // settings.update
  return { owner, admin, inviteId, keyId };
}

function auditLog(as: Account | string, query = ""): Promise<Response> {
  return call("GET", `/v1/audit-log${query}`, { token: typeof as === "string" ? as : as.tokens.accessToken });
}

async function entries(owner: Account, query: Record<string, string> = {}): Promise<AuditEntry[]> {
  return (await expectJson<Page>(await auditLog(owner, `?${new URLSearchParams({ limit: "200", ...query })}`))).items;
}

const actions = (items: AuditEntry[]) => items.map((entry) => entry.action);

describe("the audit log", () => {
  it("lists entries newest first", async () => {
    const { owner } = await makeHistory();
    const items = await entries(owner);
    expect(actions(items)).toEqual([
      "settings.update",
      "api_keys.create",
      "invites.revoke",
      "invites.create",
      "invites.accept",
      "invites.create",
      "auth.signup",
    ]);
    const ids = items.map((entry) => BigInt(entry.id));
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1]!)).toBe(true);
    const times = items.map((entry) => Date.parse(entry.at));
    expect(times.every((at, i) => i === 0 || at <= times[i - 1]!)).toBe(true);
  });

  it("filters by action, entity type and entity id", async () => {
    const { owner, inviteId, keyId } = await makeHistory();
    expect(actions(await entries(owner, { action: "invites.create" }))).toEqual(["invites.create", "invites.create"]);
    expect(actions(await entries(owner, { action: "nothing.like.this" }))).toEqual([]);
    expect((await entries(owner, { entityType: "api_key" })).map((entry) => entry.entityId)).toEqual([keyId]);
    expect(actions(await entries(owner, { entityId: inviteId }))).toEqual(["invites.revoke", "invites.create"]);
    expect(actions(await entries(owner, { entityType: "invite", action: "invites.revoke" }))).toEqual(["invites.revoke"]);
  });

  it("filters by actor", async () => {
    const { owner, admin } = await makeHistory();
    const byAdmin = await entries(owner, { actorId: admin.userId });
    expect(actions(byAdmin)).toEqual(["api_keys.create", "invites.accept"]);
    expect(byAdmin.every((entry) => entry.actorType === "user" && entry.actorId === admin.userId)).toBe(true);
  });

  it("filters by time: from and to bound the window", async () => {
    const { owner } = await makeHistory();
    const all = await entries(owner);
    const at = (action: string) => Date.parse(all.find((entry) => entry.action === action)!.at); // the newest such entry
    const iso = (ms: number) => new Date(ms).toISOString();
    // `at` is shown to the millisecond but stored to the microsecond, hence the +1 on upper bounds.
    const middle = { from: iso(at("invites.create")), to: iso(at("invites.revoke") + 1) };
    expect(actions(await entries(owner, middle))).toEqual(["invites.revoke", "invites.create"]);
    expect(actions(await entries(owner, { from: iso(at("api_keys.create")) }))).toEqual(["settings.update", "api_keys.create"]);
    expect(actions(await entries(owner, { to: iso(at("invites.accept") + 1) }))).toEqual(["invites.accept", "invites.create", "auth.signup"]);
    expect(await entries(owner, { from: iso(Date.now() + 3_600_000) })).toEqual([]);
  });

  // PRODUCT BUG (fails on purpose): `at` is answered to the millisecond but compared to the
  // microsecond, so an entry's own `at` given back as the inclusive `to` leaves that entry out.
  // PostgreSQL stamps now() in microseconds (PGlite only in milliseconds, so entries written
  // through the API show it only with DATABASE_URL); the entry is stamped here as PostgreSQL would.
  it("includes the entry whose own `at` is given as `to`", async () => {
    const owner = await signUp();
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) =>
        tx.execute(sql`insert into audit_log (tenant_id, actor_type, action, entity_type, at)
          values (${owner.tenantId}, 'user', 'settings.update', 'tenant', '2026-01-02T03:04:05.678901Z')`),
      ),
    );
    const [entry] = await entries(owner, { action: "settings.update" });
    expect(entry!.at).toBe("2026-01-02T03:04:05.678Z");
    expect(actions(await entries(owner, { from: entry!.at, action: "settings.update" }))).toEqual(["settings.update"]);
    const upTo = await entries(owner, { to: entry!.at, action: "settings.update" });
    expect(actions(upTo), "GET /v1/audit-log?to=<the entry's own at> left the entry out").toEqual(["settings.update"]);
  });

  it("walks every entry by cursor, two at a time, without duplicates or gaps", async () => {
    const { owner } = await makeHistory();
    const all = await entries(owner);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page: Page = await expectJson<Page>(await auditLog(owner, query));
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    expect(cursor).toBeNull();
    expect(walked).toEqual(all.map((entry) => entry.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });
});

describe("audit log validation", () => {
  it("refuses a cursor it did not issue", async () => {
    const owner = await signUp();
    const forged = btoa(JSON.stringify({ id: -1 }));
    for (const cursor of ["not-a-cursor", forged]) {
      const problem = await expectProblem(await auditLog(owner, `?cursor=${encodeURIComponent(cursor)}`), 400, "query.cursor");
      expect(problem.code).toBe("BAD_REQUEST");
    }
  });

  it("keeps page sizes between 1 and 200", async () => {
    const owner = await signUp();
    await expectProblem(await auditLog(owner, "?limit=0"), 400, "query.limit");
    await expectProblem(await auditLog(owner, "?limit=201"), 400, "query.limit");
    await expectProblem(await auditLog(owner, "?limit=ten"), 400, "query.limit");
    await getJson("/v1/audit-log?limit=200", { token: owner.tokens.accessToken });
  });

  it("refuses a malformed time bound", async () => {
    const owner = await signUp();
    await expectProblem(await auditLog(owner, "?from=yesterday"), 400, "query.from");
  });
});

describe("who may read the audit log", () => {
  it("refuses an analyst and admits an admin secret key", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    expect((await expectProblem(await auditLog(analyst), 403)).code).toBe("FORBIDDEN");

    const { key } = await createKey(owner, { kind: "secret", role: "admin" });
    const asKey = await expectJson<Page>(await auditLog(key));
    expect(actions(asKey.items)).toEqual(actions(await entries(owner)));
  });
});
