import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { applyRetention } from "../../src/backups/apply-retention.ts";
import { backupPrefix, listAll, manifestKey, partKey } from "../../src/backups/layout.ts";
import { backedUpTables } from "../../src/backups/tables.ts";
import { backups, tenants } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/platform/with-tenant.ts";
import { call } from "../harness/api.ts";
import { backupRow, backupStep, insertBackup, takeBackup } from "../harness/backups.ts";
import { withDatabase } from "../harness/database.ts";
import { signUp } from "../harness/accounts.ts";
import { expectJson } from "../harness/responses.ts";

/** The real environment with a jobs queue that records what is sent and delivers nothing. */
function recordingEnv() {
  const sent: Array<{ kind: string; tenantId?: string; backupId?: string }> = [];
  const jobs = { send: async (body: (typeof sent)[number]) => void sent.push(body) } as unknown as typeof env.JOBS;
  return { env: { ...env, JOBS: jobs }, sent };
}

describe("the list of backed-up tables", () => {
  it("holds every table of the database with a tenant_id column, but the backups' own", async () => {
    const inDatabase = await withDatabase(async (db) =>
      (await db.execute<{ name: string }>(sql`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1`)).rows.map((row) => row.name),
    );
    const listed = backedUpTables().map((table) => table.name);
    expect(inDatabase.filter((name) => name !== "backups" && !listed.includes(name))).toEqual([]);
    expect(listed).toContain("tenants");
  });
});

describe("a backup spanning several queue invocations", () => {
  it("writes a part per invocation with a tiny budget, and the result verifies", async () => {
    const owner = await signUp();
    await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.execute(sql`insert into customers (tenant_id, display_name, email) select ${owner.tenantId}, 'Customer ' || n, 'c' || n || '@example.com' from generate_series(1, 300) n`)));
    const { backupId, invocations } = await takeBackup(owner.tenantId, { partBytes: 4096, budgetMs: 0, batchRows: 20 });
    expect(invocations).toBeGreaterThan(5);
    const row = await backupRow(owner.tenantId, backupId);
    expect(row.tableCounts.customers).toBe(300);
    expect(row.state).toBeNull();
    const verified = await expectJson<{ verification: { ok: boolean } }>(await call("POST", `/v1/backups/${backupId}/verify`, { token: owner.tokens.accessToken }));
    expect(verified.verification.ok).toBe(true);
  });

  it("resumes after a crash from the checkpoint of the last completed part, and writes no manifest before the end", async () => {
    const owner = await signUp();
    await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.execute(sql`insert into customers (tenant_id, display_name) select ${owner.tenantId}, 'Customer ' || n from generate_series(1, 200) n`)));
    const backupId = await insertBackup(owner.tenantId, { partBytes: 2048, budgetMs: 0, batchRows: 20 });
    const partsNow = async () => (await backupRow(owner.tenantId, backupId)).state?.parts.length ?? 0;
    while ((await partsNow()) < 2) expect(await backupStep(owner.tenantId, backupId)).toEqual({ outcome: "more" });
    const saved = (await backupRow(owner.tenantId, backupId)).state!;
    while ((await partsNow()) === saved.parts.length) expect(await backupStep(owner.tenantId, backupId)).toEqual({ outcome: "more" });
    // The second invocation dies after its part's checkpoint and before the row is saved: the row still holds the first's state.
    await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.update(backups).set({ state: saved }).where(eq(backups.id, backupId))));
    expect(await env.BACKUPS.head(manifestKey(owner.tenantId, backupId))).toBeNull();
    const lastWritten = partKey(owner.tenantId, backupId, saved.parts.length + 1);
    const etag = (await env.BACKUPS.head(lastWritten))!.etag;
    let step = await backupStep(owner.tenantId, backupId);
    while (step.outcome !== "done") step = await backupStep(owner.tenantId, backupId);
    const row = await backupRow(owner.tenantId, backupId);
    expect(row.status).toBe("completed");
    expect(row.tableCounts.customers).toBe(200);
    // The part the crashed invocation completed was kept, not written again.
    expect((await env.BACKUPS.head(lastWritten))!.etag).toBe(etag);
    const verified = await expectJson<{ verification: { ok: boolean; rows: number } }>(await call("POST", `/v1/backups/${backupId}/verify`, { token: owner.tokens.accessToken }));
    expect(verified.verification).toMatchObject({ ok: true, rows: row.rows });
  });

  it("is not advanced by a second message while another invocation holds it", async () => {
    const owner = await signUp();
    const backupId = await insertBackup(owner.tenantId, { budgetMs: 60_000 });
    await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.update(backups).set({ status: "running", state: { tableIndex: 0, after: null, tables: [], parts: [], snapshots: [], leaseUntil: new Date(Date.now() + 30_000).toISOString() } }).where(eq(backups.id, backupId))));
    const step = await backupStep(owner.tenantId, backupId);
    expect(step.outcome).toBe("wait");
  });
});

describe("the nightly backups", () => {
  it("run from the Worker's scheduled entry: the cron queues the nightly job, which queues a backup per tenant", async () => {
    const { env: recording, sent } = recordingEnv();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date("2026-11-23T02:17:00Z"), cron: "17 2 * * *" }), recording);
    expect(sent).toEqual([{ kind: "nightly.run", scheduledAt: "2026-11-23T02:17:00.000Z" }]);

    const owner = await signUp();
    const ctx = createExecutionContext();
    const batch = createMessageBatch("ckm-jobs", [{ id: "n1", timestamp: new Date(), attempts: 1, body: sent[0] }]);
    await worker.queue(batch, recording);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["n1"]);
    const queued = sent.filter((job) => job.kind === "backup.run" && job.tenantId === owner.tenantId);
    expect(queued).toHaveLength(1);
    const row = await backupRow(owner.tenantId, queued[0]!.backupId!);
    expect(row).toMatchObject({ trigger: "nightly", status: "queued" });
  });
});

describe("a nightly run where one tenant fails", () => {
  it("queues the other tenants' backups, and is retried", async () => {
    const failing = await signUp();
    const healthy = await signUp();
    await withDatabase((db) => withTenant(db, failing.tenantId, (tx) => tx.update(tenants).set({ backupRetention: { daily: 1, weekly: 0, monthly: 0 } })));
    for (const day of ["2026-11-01", "2026-11-02"]) {
      const id = await insertBackup(failing.tenantId);
      await withDatabase((db) => withTenant(db, failing.tenantId, (tx) => tx.update(backups).set({ status: "completed", createdAt: new Date(`${day}T02:17:00Z`) }).where(eq(backups.id, id))));
    }
    const { env: recording, sent } = recordingEnv();
    const bucket = {
      list: (options: R2ListOptions) => {
        if (options.prefix?.includes(failing.tenantId)) return Promise.reject(new Error("R2 is unavailable"));
        return env.BACKUPS.list(options);
      },
    } as unknown as R2Bucket;
    const ctx = createExecutionContext();
    const batch = createMessageBatch("ckm-jobs", [{ id: "n2", timestamp: new Date(), attempts: 1, body: { kind: "nightly.run", scheduledAt: new Date().toISOString(), tenantIds: [failing.tenantId, healthy.tenantId] } }]);
    await worker.queue(batch, { ...recording, BACKUPS: bucket });
    expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([{ msgId: "n2" }]);
    const queuedFor = (tenantId: string) => sent.filter((job) => job.kind === "backup.run" && job.tenantId === tenantId).length;
    expect(queuedFor(healthy.tenantId)).toBe(1);
    expect(queuedFor(failing.tenantId)).toBe(0);
  });
});

describe("retention", () => {
  it("deletes the backups the policy does not keep, objects and rows, listing past 1,000 objects", async () => {
    const owner = await signUp();
    await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.update(tenants).set({ backupRetention: { daily: 2, weekly: 0, monthly: 0 } })));
    const days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"];
    const ids: string[] = [];
    for (const day of days) {
      const id = await insertBackup(owner.tenantId);
      await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.update(backups).set({ status: "completed", createdAt: new Date(`${day}T02:17:00Z`) }).where(eq(backups.id, id))));
      ids.push(id);
    }
    const oldest = backupPrefix(owner.tenantId, ids[0]!);
    for (let start = 0; start < 1005; start += 100) {
      await Promise.all(Array.from({ length: Math.min(100, 1005 - start) }, (_, i) => env.BACKUPS.put(`${oldest}part-${String(start + i).padStart(6, "0")}`, "x")));
    }
    await env.BACKUPS.put(`${backupPrefix(owner.tenantId, ids[3]!)}manifest.json`, "{}");

    const removed = await withDatabase((db) => applyRetention(db, env.BACKUPS, owner.tenantId));
    expect(removed.sort()).toEqual([ids[0]!, ids[1]!].sort());
    let left = 0;
    for await (const _ of listAll(env.BACKUPS, oldest)) left += 1;
    expect(left).toBe(0);
    const kept = await withDatabase((db) => withTenant(db, owner.tenantId, (tx) => tx.select({ id: backups.id }).from(backups)));
    expect(kept.map((row) => row.id).sort()).toEqual([ids[2]!, ids[3]!].sort());
    expect(await env.BACKUPS.head(`${backupPrefix(owner.tenantId, ids[3]!)}manifest.json`)).not.toBeNull();
  });
});
