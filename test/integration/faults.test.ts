import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { createKey, signUp, type Account } from "../harness/accounts.ts";
import { call, clientAddress } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { armFault, disarmFaults, faultHits } from "../harness/faults.ts";
import { ALLOWED_ORIGIN } from "../harness/fixture.ts";
import { contents, importOf, runThroughApi, upload } from "../harness/imports.ts";
import { accepted, connect, deliveries } from "../harness/integrations.ts";
import { expectJson, expectProblem } from "../harness/responses.ts";
import { countResponses, publishedSurvey, responseBody } from "../harness/surveys.ts";
import { deliver, shopifyHeaders } from "../harness/webhooks.ts";
import shopifyCustomer from "../fixtures/webhooks/shopify-customers-create.json?raw";

const SHOPIFY_SECRET = "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";

async function count(account: Account, table: "customers" | "interactions", where = sql`true`): Promise<number> {
  return withDatabase((db) =>
    withTenant(db, account.tenantId, async (tx) => Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`)).rows[0]!.n)),
  );
}

const create = (account: Account, key: string, body: unknown) =>
  call("POST", "/v1/customers", { token: account.tokens.accessToken, body, headers: { "idempotency-key": key } });

/** The answer to a request whose database session was cut: a retryable 503 problem with Retry-After. */
async function expectRetryable(res: Response): Promise<void> {
  await expectProblem(res, 503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

afterEach(disarmFaults);

describe("a request whose database session is cut mid-transaction", () => {
  let owner: Account;
  beforeAll(async () => {
    owner = await signUp("Cut Cables Ltd");
  });

  it("answers 503 with Retry-After, writes nothing, and its retry with the same key creates the customer once", async () => {
    const email = `cut-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const body = { name: "Connie Cut", email };
    const [customersBefore, interactionsBefore] = [await count(owner, "customers"), await count(owner, "interactions")];
    // The customer row is inserted in this transaction; the session drops as its timeline entry follows.
    const fault = await armFault({ match: 'insert into "interactions"', cutAfterStatements: 0 });
    const key = crypto.randomUUID();

    await expectRetryable(await create(owner, key, body));
    expect(await faultHits(fault)).toBe(1);
    expect(await count(owner, "customers")).toBe(customersBefore);
    expect(await count(owner, "interactions")).toBe(interactionsBefore);

    const retry = await create(owner, key, body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const again = await create(owner, key, body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await retry.text());
    expect(await count(owner, "customers")).toBe(customersBefore + 1);
    expect(await count(owner, "customers", sql`email = ${email}`)).toBe(1);
  });

  it("does the same when the session is cut part-way through a message", async () => {
    const before = await count(owner, "customers");
    const fault = await armFault({ match: 'insert into "interactions"', cutAfterBytes: 24 });
    const key = crypto.randomUUID();
    await expectRetryable(await create(owner, key, { name: "Half Sent" }));
    expect(await faultHits(fault)).toBe(1);
    expect(await count(owner, "customers")).toBe(before);
    expect(await count(owner, "interactions", sql`summary like '%Half Sent%'`)).toBe(0);

    expect((await create(owner, key, { name: "Half Sent" })).status).toBe(201);
    expect(await count(owner, "customers")).toBe(before + 1);
  });

  it("keeps the answer of work that committed when the session drops while the answer is being kept", async () => {
    const before = await count(owner, "customers");
    const fault = await armFault({ match: 'update "idempotency_keys"', cutAfterStatements: 0 });
    const key = crypto.randomUUID();
    const first = await create(owner, key, { name: "Kept Answer" });
    expect(first.status).toBe(201);
    expect(await faultHits(fault)).toBe(1);
    const retry = await create(owner, key, { name: "Kept Answer" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toBe(await first.text());
    expect(await count(owner, "customers")).toBe(before + 1);
  });

  it("tells a retry sent while the first request is held up to wait (409, Retry-After), then replays the first's answer", async () => {
    const before = await count(owner, "customers");
    const fault = await armFault({ match: 'insert into "customers"', delayMs: 500 });
    const key = crypto.randomUUID();
    const first = create(owner, key, { name: "Slow Sam" });
    // The first request holds its key from before the held-up insert.
    await expect.poll(() => faultHits(fault), { interval: 50 }).toBe(1);
    const early = await create(owner, key, { name: "Slow Sam" });
    const answered = await first;
    if (inject("embeddedDatabase")) {
      // The embedded database serves one session at a time: the retry waits for the first to end.
      expect(early.headers.get("idempotent-replayed")).toBe("true");
    } else {
      await expectProblem(early, 409);
      expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(answered.status).toBe(201);
    const late = await create(owner, key, { name: "Slow Sam" });
    expect(late.headers.get("idempotent-replayed")).toBe("true");
    expect(await late.text()).toBe(await answered.text());
    expect(await count(owner, "customers")).toBe(before + 1);
  });
});

describe("ingest whose database session is cut", () => {
  it("answers a webhook 503 with Retry-After and records nothing; the platform's retry is recorded once", async () => {
    const owner = await signUp("Dropped Hooks");
    const { integration } = await connect(owner, "shopify", { secret: SHOPIFY_SECRET });
    const headers = shopifyHeaders(SHOPIFY_SECRET, shopifyCustomer, "customers/create", `event-${crypto.randomUUID()}`);
    // The delivery row is written; the session drops before its COMMIT.
    const fault = await armFault({ match: 'insert into "webhook_deliveries"', cutAfterStatements: 1 });

    await expectRetryable(await deliver(integration.id, shopifyCustomer, headers));
    expect(await faultHits(fault)).toBe(1);
    expect(await deliveries(owner, integration.id)).toEqual([]);

    const first = await accepted(await deliver(integration.id, shopifyCustomer, headers));
    expect(first.duplicate).toBe(false);
    const second = await accepted(await deliver(integration.id, shopifyCustomer, headers));
    expect(second).toMatchObject({ deliveryId: first.deliveryId, duplicate: true });
    expect((await deliveries(owner, integration.id)).map((d) => d.id)).toEqual([first.deliveryId]);
  });

  it("answers a widget response 503 with Retry-After and CORS, stores nothing, and stores its retry once", async () => {
    const owner = await signUp("Dropped Answers");
    await call("PATCH", "/v1/settings", { token: owner.tokens.accessToken, body: { allowedOrigins: [ALLOWED_ORIGIN] } });
    const surveyId = await publishedSurvey(owner);
    const { key } = await createKey(owner, { kind: "publishable" });
    const headers = { origin: ALLOWED_ORIGIN, ...clientAddress() };
    const responseId = crypto.randomUUID();
    const body = responseBody(surveyId);
    const save = () => call("PUT", `/v1/widget/responses/${responseId}`, { token: key, body, headers });
    const fault = await armFault({ match: 'insert into "survey_responses"', cutAfterStatements: 0 });

    const cut = await save();
    await expectRetryable(cut);
    expect(cut.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(cut.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(await faultHits(fault)).toBe(1);
    expect(await countResponses(owner.tenantId)).toBe(0);

    expect(await expectJson(await save())).toEqual({ id: responseId, status: "complete" });
    expect(await expectJson(await save())).toEqual({ id: responseId, status: "complete" });
    expect(await countResponses(owner.tenantId)).toBe(1);
  });
});

describe("a queue consumer whose database session is cut mid-transaction", () => {
  it("leaves the import's slice unwritten, is retried, and ends exactly as an import that never failed", { timeout: 180_000 }, async () => {
    const csv = inject("sampleCsv").split("\n").slice(0, 1501).join("\n");
    const query = "?source=uci&currency=GBP&timeZone=Europe/London";

    const clean = await signUp("Clean Run");
    const cleanImport = await runThroughApi(clean, await upload(clean, csv, query));
    expect(cleanImport.status).toBe("done");

    const cut = await signUp("Cut Run");
    const id = await upload(cut, csv, query);
    // Orders of the first slice are written, and the session drops as their lines follow.
    const fault = await armFault({ match: "insert into orders", cutAfterStatements: 1 });
    const finished = await runThroughApi(cut, id);
    expect(await faultHits(fault)).toBe(1);
    expect(finished.status).toBe("done");
    expect(finished.results).toEqual(cleanImport.results);
    expect(await contents(cut)).toEqual(await contents(clean));
    expect((await importOf(cut, id)).progress).toEqual((await importOf(clean, cleanImport.id)).progress);
  });
});
