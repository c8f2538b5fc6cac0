import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { expectProblem } from "../harness/responses.ts";

async function customerCount(account: Account): Promise<number> {
  return withDatabase((db) =>
    withTenant(db, account.tenantId, async (tx) => Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from customers`)).rows[0]!.n)),
  );
}

const create = (account: Account, key: string | undefined, body: unknown) =>
  call("POST", "/v1/customers", { token: account.tokens.accessToken, body, headers: key === undefined ? {} : { "idempotency-key": key } });

describe("Idempotency-Key on creating POSTs", () => {
  let owner: Account;
  beforeAll(async () => {
    owner = await signUp("Retry Traders");
  });

  it("runs a request once and answers its retries with the same response", async () => {
    const before = await customerCount(owner);
    const key = crypto.randomUUID();
    const first = await create(owner, key, { name: "Rita Retry", email: "rita@example.com" });
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const retries = await Promise.all([1, 2, 3].map(() => create(owner, key, { name: "Rita Retry", email: "rita@example.com" })));
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await retry.text()).toBe(firstBody);
    }
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await customerCount(owner)).toBe(before + 1);
  });

  it("refuses the same key with a different request, and creates nothing", async () => {
    const key = crypto.randomUUID();
    expect((await create(owner, key, { name: "First Body" })).status).toBe(201);
    const before = await customerCount(owner);
    const problem = await expectProblem(await create(owner, key, { name: "Second Body" }), 422);
    expect(problem.detail).toContain("different request");
    expect(await customerCount(owner)).toBe(before);
  });

  it("keeps a refusal too: a retried invalid request gets the same 400", async () => {
    const key = crypto.randomUUID();
    const first = await create(owner, key, { name: "" });
    expect(first.status).toBe(400);
    const again = await create(owner, key, { name: "" });
    expect(again.status).toBe(400);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("answers 409 while the first request with the key is still running", async () => {
    const key = crypto.randomUUID();
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) =>
        tx.execute(sql`insert into idempotency_keys (tenant_id, key, fingerprint, expires_at) values (${owner.tenantId}, ${key}, 'running', now() + interval '1 day')`),
      ),
    );
    const waiting = await create(owner, key, { name: "Waiting Walter" });
    await expectProblem(waiting, 409);
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("lets a key whose request died be claimed again after a minute", async () => {
    const key = crypto.randomUUID();
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) =>
        tx.execute(sql`insert into idempotency_keys (tenant_id, key, fingerprint, created_at, expires_at) values (${owner.tenantId}, ${key}, 'died', now() - interval '2 minutes', now() + interval '1 day')`),
      ),
    );
    const before = await customerCount(owner);
    expect((await create(owner, key, { name: "Phoenix" })).status).toBe(201);
    expect(await customerCount(owner)).toBe(before + 1);
  });

  it("keeps keys per tenant", async () => {
    const other = await signUp("Other Retry Traders");
    const key = crypto.randomUUID();
    expect((await create(owner, key, { name: "Same Key One" })).status).toBe(201);
    const elsewhere = await create(other, key, { name: "Same Key Two" });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.headers.get("idempotent-replayed")).toBeNull();
  });

  it("rejects a malformed key", async () => {
    await expectProblem(await create(owner, "", { name: "Empty Key" }), 400);
    await expectProblem(await create(owner, "x".repeat(256), { name: "Long Key" }), 400);
    await expectProblem(await create(owner, "two words", { name: "Odd Key" }), 400);
  });

  it("drops keys past their day in the nightly run", async () => {
    const key = crypto.randomUUID();
    expect((await create(owner, key, { name: "Old News" })).status).toBe(201);
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) => tx.execute(sql`update idempotency_keys set expires_at = now() - interval '1 minute' where key = ${key}`)),
    );
    const nightly = createMessageBatch("ckm-jobs", [{ id: "idem-n1", timestamp: new Date(), attempts: 1, body: { kind: "nightly.run", scheduledAt: new Date().toISOString(), tenantIds: [owner.tenantId] } }]);
    await worker.queue(nightly, env);
    expect((await getQueueResult(nightly, createExecutionContext())).explicitAcks).toEqual(["idem-n1"]);
    const left = await withDatabase((db) =>
      withTenant(db, owner.tenantId, (tx) => tx.execute(sql`select 1 from idempotency_keys where key = ${key}`)),
    );
    expect(left.rows).toHaveLength(0);
  });
});
