import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateBackupKeys } from "../scripts/local-stack.ts";
import { writeReport, type Row } from "./lib/report.ts";
import { call, dropDatabase, recreateDatabase, startStack } from "./lib/stack.ts";
import { loadTenant } from "./lib/tenant-data/load.ts";

/** Customers per size (about ten orders and twenty lines each); `BENCH_LARGE=1` adds a million. */
const SIZES = (process.env.BENCH_BACKUP_CUSTOMERS ?? (process.env.BENCH_LARGE ? "10000,100000,1000000" : "10000,100000")).split(",").map(Number);
const PORT = Number(process.env.BENCH_BACKUP_PORT ?? 8807);
const BENCH_DB = "ckm_bench_backup";
const RESTORE_DB = `${BENCH_DB}_restore`;
const TABLES = ["tenants", "customers", "orders", "order_lines"];
const OWNER = { company: "Bench", name: "Bench", email: "bench-backup@example.com", password: "a long benchmark passphrase" };

/**
 * Polls until `done`, every 2% of the time waited so far (at least 100 ms, at most 2 s): timings
 * stay within about 2% while a long job is not slowed by polls, which share its Worker under
 * `wrangler dev`. A dropped connection (wrangler dev restarting its workerd) is tried again.
 */
async function until<T>(poll: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const started = performance.now();
  for (let failures = 0; ; ) {
    const value = await poll().catch((error: unknown) => {
      if (++failures > 100) throw error;
      return undefined;
    });
    if (value !== undefined && done(value)) return value;
    const waited = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, Math.max(100, waited / 50))));
  }
}

type Measured = { customers: number; rows: Row[]; note: string; postgresVersion: string };

/** One size: a generated tenant backed up and restored by the Worker, and by pg_dump / pg_restore. */
async function measure(customers: number): Promise<Measured> {
  const stack = await startStack(BENCH_DB, PORT, { vars: { BACKUP_KEYS: generateBackupKeys() }, logLevel: "warn" });
  const { worker, databaseUrl } = stack;
  const size = `${customers.toLocaleString("en")} customers`;
  try {
    const owner = await call(worker.url, "POST", "/v1/signup", undefined, OWNER);
    const loaded = await loadTenant(databaseUrl, owner.tenantId, customers);
    const total = 1 + loaded.customers + loaded.orders + loaded.lines;
    // A secret key does not expire, so a backup longer than an access token's life is still polled.
    const { key } = await call(worker.url, "POST", "/v1/api-keys", owner.tokens.accessToken, { kind: "secret", name: "bench", role: "admin" });

    const backupStarted = performance.now();
    const queued = await call(worker.url, "POST", "/v1/backups", key);
    const backup = await until(() => call(worker.url, "GET", `/v1/backups/${queued.id}`, key), (b) => b.status === "completed" || b.status === "failed");
    if (backup.status !== "completed") throw new Error(`backup at ${size} failed: ${backup.error}`);
    const backupSeconds = (performance.now() - backupStarted) / 1000;

    const dumpFile = join(mkdtempSync(join(tmpdir(), "ckm-bench-backup-")), "dump.pgc");
    const dumpStarted = performance.now();
    execFileSync("pg_dump", ["-Fc", "-a", ...TABLES.flatMap((table) => ["-t", table]), "-f", dumpFile, databaseUrl]);
    const dumpSeconds = (performance.now() - dumpStarted) / 1000;

    // Restoring is for people only: a fresh login, since the backup may have outlived the first token.
    const { accessToken } = await until(() => call(worker.url, "POST", "/v1/auth/login", undefined, { email: OWNER.email, password: OWNER.password }), () => true);
    const restoreStarted = performance.now();
    await call(worker.url, "POST", `/v1/backups/${backup.id}/restore`, accessToken, { into: "new" });
    // The first poll that sees the restore applying ends its verification pass.
    let verifiedSeconds: number | null = null;
    const restored = await until(
      () => call(worker.url, "GET", `/v1/backups/${backup.id}`, key),
      (b) => {
        if (verifiedSeconds === null && ["applying", "completed"].includes(b.restore?.status)) verifiedSeconds = (performance.now() - restoreStarted) / 1000;
        return b.restore?.status === "completed" || b.restore?.status === "failed";
      },
    );
    if (restored.restore.status !== "completed") throw new Error(`restore at ${size} failed: ${restored.restore.error}`);
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;

    const restoreUrl = recreateDatabase(RESTORE_DB);
    execFileSync("sh", ["-c", `pg_dump -s "${databaseUrl}" | psql -qX "${restoreUrl}" >/dev/null 2>&1`]);
    const pgRestoreStarted = performance.now();
    execFileSync("pg_restore", ["-a", "--disable-triggers", "-d", restoreUrl, dumpFile]);
    const pgRestoreSeconds = (performance.now() - pgRestoreStarted) / 1000;
    dropDatabase(RESTORE_DB);

    const megabytes = backup.plainBytes / 1e6;
    const rows: Row[] = [
      { measure: `${size}: backup rows/s (ours: queued backup to R2; reference: pg_dump -Fc)`, ours: backup.rows / backupSeconds, reference: total / dumpSeconds, unit: "rows/s", spread: `${backupSeconds.toFixed(1)} s vs ${dumpSeconds.toFixed(1)} s`, goal: "ratio ≥ 0.5 (within 2x)" },
      { measure: `${size}: backup MB/s of NDJSON (reference: the same MB over pg_dump's time)`, ours: megabytes / backupSeconds, reference: megabytes / dumpSeconds, unit: "MB/s", spread: `${megabytes.toFixed(1)} MB NDJSON, ${(backup.sizeBytes / 1e6).toFixed(1)} MB stored vs ${(statSync(dumpFile).size / 1e6).toFixed(1)} MB dump`, goal: "ratio ≥ 0.5" },
      { measure: `${size}: restore rows/s (ours: verify + restore into a new tenant; reference: pg_restore -a)`, ours: restored.restore.rows / restoreSeconds, reference: total / pgRestoreSeconds, unit: "rows/s", spread: `${restoreSeconds.toFixed(1)} s (verifying ${(verifiedSeconds ?? restoreSeconds).toFixed(1)} s) vs ${pgRestoreSeconds.toFixed(1)} s`, goal: "ratio ≥ 0.5 (within 2x)" },
    ];
    const note = `- ${size}: ${loaded.orders.toLocaleString("en")} orders and ${loaded.lines.toLocaleString("en")} lines (${total.toLocaleString("en")} rows with the tenant) generated and loaded by COPY in ${loaded.seconds.toFixed(1)} s; ${backup.progress.parts} parts; workerd peak ${worker.peakRssMiB().toFixed(0)} MiB.`;
    return { customers, rows, note, postgresVersion: stack.postgresVersion };
  } finally {
    await stack.close();
  }
}

/**
 * Backs up and restores one tenant per size through the Worker under `wrangler dev` (queued
 * backup to R2: NDJSON, gzip, AES-GCM, parts; restore into a new tenant with every id remapped),
 * next to `pg_dump -Fc` of the same tables and `pg_restore` of that dump into a fresh copy of the
 * schema: rows per second, MB/s of uncompressed data, and workerd's peak resident memory.
 */
export async function run(): Promise<string> {
  const measured: Measured[] = [];
  for (const customers of SIZES) measured.push(await measure(customers));
  const notes = [
    `- Tenants from the seeded generator (bench/lib/tenant-data). \`BENCH_BACKUP_CUSTOMERS\` sets the sizes; \`BENCH_LARGE=1\` adds 1,000,000. Parts hold about 8 MiB of NDJSON each.`,
    ...measured.map((m) => m.note),
    "- Ours includes the queue hop, encryption, R2 writes (local, on disk) and, for restore, a full verification pass before applying; the reference has none of these.",
  ];
  return writeReport("backup", "Backup and restore: the Worker's queued jobs vs pg_dump and pg_restore", notes, measured.flatMap((m) => m.rows), `PostgreSQL ${measured.at(-1)?.postgresVersion ?? ""}`);
}
