import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { processImport } from "../../src/customers/import/process-import.ts";
import { imports, type ImportCursor } from "../../src/db/schema/index.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import type { Account } from "./accounts.ts";
import { call } from "./api.ts";
import { withDatabase } from "./database.ts";
import { expectJson } from "./responses.ts";

export type Import = { id: string; status: string; results: Record<string, number>; progress: Record<string, number> };

export async function upload(owner: Account, body: string | Uint8Array, query = ""): Promise<string> {
  const res = await call("POST", `/v1/imports${query}`, { token: owner.tokens.accessToken, raw: { body: body as string, contentType: "text/csv" } });
  return (await expectJson<{ import: Import }>(res, 201)).import.id;
}

export async function runThroughApi(owner: Account, id: string): Promise<Import> {
  await expectJson(await call("POST", `/v1/imports/${id}/run`, { token: owner.tokens.accessToken }), 202);
  for (let attempt = 0; attempt < 1200; attempt++) {
    const current = await expectJson<Import>(await call("GET", `/v1/imports/${id}`, { token: owner.tokens.accessToken }));
    if (current.status !== "running") return current;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the run did not finish within five minutes");
}

/** What an import leaves in a tenant, with generated ids replaced by the file's own keys. */
export async function contents(owner: Account) {
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

export async function importOf(owner: Account, id: string): Promise<Import> {
  return expectJson<Import>(await call("GET", `/v1/imports/${id}`, { token: owner.tokens.accessToken }));
}

const log = createLogger({ test: "imports" }, "warn");

/**
 * Runs an import as the queue would with a small budget: one invocation after another, each on
 * a connection of its own, until the file is done. Returns the cursor each invocation left.
 */
export async function runInSlices(owner: Account, id: string, rowsPerInvocation: number): Promise<Array<ImportCursor | undefined>> {
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
