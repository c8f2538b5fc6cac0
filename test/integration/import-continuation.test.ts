import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { processImport } from "../../src/customers/import/process-import.ts";
import { imports, type ImportCursor } from "../../src/db/schema/index.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp, type Account } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { withDatabase } from "../harness/database.ts";
import { expectJson } from "../harness/responses.ts";

type Import = { id: string; status: string; results: Record<string, number>; progress: Record<string, number> };

const log = createLogger({ test: "import-continuation" }, "warn");

async function upload(owner: Account, body: string | Uint8Array, query = ""): Promise<string> {
  const res = await call("POST", `/v1/imports${query}`, { token: owner.tokens.accessToken, raw: { body: body as string, contentType: "text/csv" } });
  return (await expectJson<{ import: Import }>(res, 201)).import.id;
}

async function runThroughApi(owner: Account, id: string): Promise<Import> {
  await expectJson(await call("POST", `/v1/imports/${id}/run`, { token: owner.tokens.accessToken }), 202);
  for (let attempt = 0; attempt < 1200; attempt++) {
    const current = await expectJson<Import>(await call("GET", `/v1/imports/${id}`, { token: owner.tokens.accessToken }));
    if (current.status !== "running") return current;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the run did not finish within five minutes");
}

/**
 * Runs an import as the queue would with a small budget: one invocation after another, each on
 * a connection of its own, until the file is done. Returns the cursor each invocation left.
 */
async function runInSlices(owner: Account, id: string, rowsPerInvocation: number): Promise<Array<ImportCursor | undefined>> {
  await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.update(imports).set({ status: "running" }).where(eq(imports.id, id))));
  const cursors: Array<ImportCursor | undefined> = [];
  for (;;) {
    const next = await withDatabase((db) => processImport(db, env.IMPORTS, owner.tenantId, id, "apply", log, { rows: rowsPerInvocation, ms: Number.POSITIVE_INFINITY }));
    if (next === "done") return cursors;
    const [row] = await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.select().from(imports).where(eq(imports.id, id))));
    expect(row!.results.cursor === undefined || row!.results.cursor.line === row!.lastLine).toBe(true);
    cursors.push(row!.results.cursor);
  }
}

/** What an import leaves in a tenant, with generated ids replaced by the file's own keys. */
async function contents(owner: Account) {
  return withDatabase((db) =>
    withTenant(db, owner.tenantId, async (tx) => {
      const rows = async (query: ReturnType<typeof sql>) => (await tx.execute(query)).rows;
      return {
        customers: await rows(sql`
          select ci.external_id, c.display_name, c.email, c.country, c.source from customers c
            left join customer_identities ci on ci.customer_id = c.id order by ci.external_id, c.email`),
        orders: await rows(sql`
          select o.external_id, o.total_minor, o.currency, o.ordered_at, ci.external_id as customer, count(l.line_no) as lines
            from orders o left join customer_identities ci on ci.customer_id = o.customer_id left join order_lines l on l.order_id = o.id
           group by o.tenant_id, o.id, ci.external_id order by o.external_id`),
        refunds: await rows(sql`
          select r.external_id, r.amount_minor, r.reason, ci.external_id as customer from refunds r
            left join customer_identities ci on ci.customer_id = r.customer_id order by r.external_id`),
        timeline: await rows(sql`
          select ci.external_id, i.kind, i.summary, i.data->>'externalId' as about, count(*) as times from interactions i
            left join customer_identities ci on ci.customer_id = i.customer_id
           group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
      };
    }),
  );
}

async function importOf(owner: Account, id: string): Promise<Import> {
  return expectJson<Import>(await call("GET", `/v1/imports/${id}`, { token: owner.tokens.accessToken }));
}

describe("an import run split across queue invocations", () => {
  const sample = () => inject("sampleCsv");
  const query = "?source=uci&currency=GBP&timeZone=Europe/London";

  it("reads on from the stored offset and ends exactly as a single pass, and again changes nothing", { timeout: 600_000 }, async () => {
    const single = await signUp();
    const whole = await runThroughApi(single, await upload(single, sample(), query));

    const sliced = await signUp();
    const first = await upload(sliced, sample(), query);
    const cursors = await runInSlices(sliced, first, 5_000);
    expect(cursors.length).toBe(7);
    expect(cursors.every((cursor, index) => cursor && cursor.offset > (cursors[index - 1]?.offset ?? 0))).toBe(true);
    const done = await importOf(sliced, first);
    expect(done).toMatchObject({ status: "done", progress: whole.progress, results: whole.results });
    expect(done.results.cursor).toBeUndefined();
    expect(await contents(sliced)).toEqual(await contents(single));

    // Every customer now exists: each one's first row is unchanged, and its rows in later
    // invocations are later rows of the run, not first rows again.
    const before = await contents(sliced);
    const again = await upload(sliced, sample(), query);
    await runInSlices(sliced, again, 5_000);
    expect((await importOf(sliced, again)).results).toMatchObject({ created: 0, updated: 0, unchanged: 3609, orderLines: 0, refunds: 0 });
    expect(await contents(sliced)).toEqual(before);
  });

  it("resumes a UTF-8 file with a byte order mark from its offset, and a GB18030 file by reading from the start", { timeout: 300_000 }, async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => `Name ${i},user${i}@example.com\r\n`);
    const rows = lines.join("");
    // After the byte order mark, the header and the rows before (all ASCII, a byte a character).
    const offsetAfter = (count: number) => 3 + "Name,Email\r\n".length + lines.slice(0, count).join("").length;
    const utf8 = new TextEncoder().encode(`\uFEFFName,Email\r\n${rows}`);
    // 姓名,邮箱 in GB18030, then ASCII rows, which read the same in both encodings.
    const gb18030 = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd3, 0xca, 0xcf, 0xe4, 0x0d, 0x0a, ...new TextEncoder().encode(rows)]);
    for (const [file, exact] of [[utf8, true], [gb18030, false]] as const) {
      const owner = await signUp();
      const id = await upload(owner, file);
      const cursors = await runInSlices(owner, id, 5_000);
      expect(cursors).toEqual(exact ? [{ line: 5_001, offset: offsetAfter(5_000) }, { line: 10_001, offset: offsetAfter(10_000) }] : [undefined, undefined]);
      expect(await importOf(owner, id)).toMatchObject({ status: "done", progress: { rowsDone: 12_000, rowsValid: 12_000 }, results: { created: 12_000 } });
      const last = await expectJson<{ items: Array<{ name: string }> }>(await call("GET", "/v1/customers?email=user11999@example.com", { token: owner.tokens.accessToken }));
      expect(last.items.map((customer) => customer.name)).toEqual(["Name 11999"]);
    }
  });
});
