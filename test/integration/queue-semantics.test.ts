import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { imports } from "../../src/db/schema/index.ts";
import worker from "../../src/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { signUp } from "../harness/accounts.ts";
import { withDatabase } from "../harness/database.ts";
import { contents, importOf, runInSlices, runThroughApi, upload } from "../harness/imports.ts";

const QUERY = "?source=uci&currency=GBP&timeZone=Europe/London";
/** The sample's header and first 3,000 rows: a few hundred customers and invoices. */
const csv = () => inject("sampleCsv").split("\n").slice(0, 3001).join("\n");

describe("queue consumers with duplicated, concurrent and dead-lettered messages", () => {
  it("ends an import run delivered three times at once exactly as one delivery, and a fourth, late copy changes nothing", { timeout: 300_000 }, async () => {
    const single = await signUp();
    await runThroughApi(single, await upload(single, csv(), QUERY));
    const expected = await contents(single);
    expect(expected.orders.length).toBeGreaterThan(100);

    const tripled = await signUp();
    const id = await upload(tripled, csv(), QUERY);
    await Promise.all([0, 1, 2].map(() => runInSlices(tripled, id, 400)));
    expect(await contents(tripled)).toEqual(expected);

    await runInSlices(tripled, id, 400);
    expect(await contents(tripled)).toEqual(expected);
    expect((await importOf(tripled, id)).status).toBe("done");
  });

  it("marks an import whose job is dead-lettered as failed, with a reason, instead of running forever", async () => {
    const owner = await signUp();
    const validating = await upload(owner, csv(), QUERY);
    const applying = await upload(owner, csv(), QUERY);
    await withDatabase((db) =>
      withTenant(db, owner.tenantId, async (tx) => {
        await tx.update(imports).set({ status: "validating" }).where(eq(imports.id, validating));
        await tx.update(imports).set({ status: "running" }).where(eq(imports.id, applying));
      }),
    );
    const letters = createMessageBatch("ckm-jobs-dlq", [
      { id: "dl-1", timestamp: new Date(), attempts: 6, body: { kind: "import.validate", tenantId: owner.tenantId, importId: validating } },
      { id: "dl-2", timestamp: new Date(), attempts: 6, body: { kind: "import.run", tenantId: owner.tenantId, importId: applying } },
      { id: "dl-3", timestamp: new Date(), attempts: 6, body: { kind: "import.run", tenantId: owner.tenantId, importId: applying } },
    ]);
    await worker.queue(letters, env);
    expect((await getQueueResult(letters, createExecutionContext())).explicitAcks.sort()).toEqual(["dl-1", "dl-2", "dl-3"]);
    const [checked, applied] = await Promise.all([importOf(owner, validating), importOf(owner, applying)]);
    expect(checked).toMatchObject({ status: "failed" });
    expect(applied).toMatchObject({ status: "failed" });
    const errors = await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.select({ id: imports.id, error: imports.error }).from(imports)));
    expect(errors.find((row) => row.id === validating)?.error).toContain("upload it again");
    expect(errors.find((row) => row.id === applying)?.error).toContain("without doubling");
  });
});
