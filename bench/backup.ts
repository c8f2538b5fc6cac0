import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBridge } from "../scripts/db/bridge.ts";
import { migrate } from "../scripts/db/migrate.ts";
import { nodePool } from "../scripts/db/node-pool.ts";
import { generateSigningKey } from "../scripts/generate-signing-key.ts";
import { generateBackupKeys } from "../scripts/local-stack.ts";
import { writeReport, type Row } from "./lib/report.ts";
import { startWorker } from "../scripts/dev-worker.ts";

/** Default: 20,000 customers with 5 orders each (a few minutes); `BENCH_BACKUP_LARGE=1`: 1M customers, 10M orders. */
const LARGE = process.env.BENCH_BACKUP_LARGE === "1";
const CUSTOMERS = Number(process.env.BENCH_BACKUP_CUSTOMERS ?? (LARGE ? 1_000_000 : 20_000));
const ORDERS_PER_CUSTOMER = LARGE ? 10 : 5;
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BENCH_DB = LARGE ? "ckm_bench_backup_large" : "ckm_bench_backup";
const RESTORE_DB = `${BENCH_DB}_restore`;
const TABLES = ["tenants", "customers", "orders", "order_lines"];

type Api = (method: string, path: string, init?: { token?: string; body?: unknown }) => Promise<any>;

/**
 * Calls the Worker's API. A keep-alive connection left idle while the bench loads data or runs
 * the reference may be closed by the server as it is reused, which fetch retries only for GETs:
 * before any other request a GET to /health takes (and, if need be, replaces) that connection.
 */
function api(base: string): Api {
  return async (method, path, init = {}) => {
    if (method !== "GET") await until(() => fetch(`${base}/health`).then((res) => res.ok), (ok) => ok);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

/** Polls until `done`, every 100 ms (the resolution of the timings); a dropped connection (wrangler dev restarting its workerd) is polled again. */
async function until<T>(poll: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let failures = 0; ; ) {
    const value = await poll().catch((error: unknown) => {
      if (++failures > 100) throw error;
      return undefined;
    });
    if (value !== undefined && done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The tenant's rows, written set-wise: customers, orders and one line per order. */
function loadRows(psql: (sql: string) => string, tenantId: string): void {
  psql(`INSERT INTO customers (tenant_id, display_name, email, city, country, tags)
        SELECT '${tenantId}', 'Customer ' || n, 'c' || n || '@bench.example', 'City ' || (n % 500), 'GB', ARRAY['t' || (n % 7)]
          FROM generate_series(1, ${CUSTOMERS}) n`);
  psql(`INSERT INTO orders (tenant_id, customer_id, source, external_id, status, currency, total_minor, ordered_at)
        SELECT c.tenant_id, c.id, 'bench', c.id || '-' || k, 'paid', 'GBP', 1000 + k * 37, now() - make_interval(days => k * 11)
          FROM customers c CROSS JOIN generate_series(1, ${ORDERS_PER_CUSTOMER}) k WHERE c.tenant_id = '${tenantId}'`);
  psql(`INSERT INTO order_lines (tenant_id, order_id, line_no, sku, title, quantity, unit_price_minor)
        SELECT o.tenant_id, o.id, 1, 'SKU-' || (o.total_minor % 100), 'Item', 1, o.total_minor FROM orders o WHERE o.tenant_id = '${tenantId}'`);
  psql("VACUUM ANALYZE customers, orders, order_lines");
}

/**
 * Backs up and restores one tenant through the Worker under `wrangler dev` (queued backup to R2:
 * NDJSON, gzip, AES-GCM, parts; restore into a new tenant with every id remapped), next to
 * `pg_dump -Fc` of the same tables and `pg_restore` of that dump into a fresh copy of the
 * schema: rows per second, MB/s of uncompressed data, and workerd's peak resident memory.
 */
export async function run(): Promise<string> {
  const psql = (sql: string, url = SERVER_URL) => execFileSync("psql", [url, "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", sql], { encoding: "utf8" }).trim();
  const databaseUrl = SERVER_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
  const restoreUrl = SERVER_URL.replace(/\/[^/]*$/, `/${RESTORE_DB}`);
  psql(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  psql(`CREATE DATABASE ${BENCH_DB}`);
  const postgresVersion = psql("SHOW server_version", databaseUrl);
  const bridge = await startBridge({ databaseUrl });
  const pool = nodePool(bridge);
  await migrate(pool);
  await pool.end();
  const worker = await startWorker({
    DATABASE_URL: bridge.databaseUrl,
    DB_LOCAL_PROXY: bridge.proxy,
    AUTH_SIGNING_KEYS: JSON.stringify([await generateSigningKey()]),
    BACKUP_KEYS: generateBackupKeys(),
    LOG_LEVEL: "warn",
  }, Number(process.env.BENCH_PORT ?? 8807));
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const call = api(worker.url);
    const owner = await call("POST", "/v1/signup", { body: { company: "Bench", name: "Bench", email: `bench-backup-${Date.now()}@example.com`, password: "a long benchmark passphrase" } });
    const tenantId: string = owner.tenantId;
    const loadStarted = performance.now();
    loadRows((sql) => psql(sql, databaseUrl), tenantId);
    const total = Number(psql(`SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM order_lines)`, databaseUrl));
    notes.push(`- ${CUSTOMERS.toLocaleString("en")} customers, ${(CUSTOMERS * ORDERS_PER_CUSTOMER).toLocaleString("en")} orders and as many order lines (${total.toLocaleString("en")} rows) loaded set-wise in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s.`);

    const backupStarted = performance.now();
    const queued = await call("POST", "/v1/backups", { token: owner.tokens.accessToken });
    const backup = await until(() => call("GET", `/v1/backups/${queued.id}`, { token: owner.tokens.accessToken }), (b) => b.status === "completed" || b.status === "failed");
    if (backup.status !== "completed") throw new Error(`backup failed: ${backup.error}`);
    const backupSeconds = (performance.now() - backupStarted) / 1000;

    const dumpFile = join(mkdtempSync(join(tmpdir(), "ckm-bench-backup-")), "dump.pgc");
    const dumpStarted = performance.now();
    execFileSync("pg_dump", ["-Fc", "-a", ...TABLES.flatMap((table) => ["-t", table]), "-f", dumpFile, databaseUrl]);
    const dumpSeconds = (performance.now() - dumpStarted) / 1000;

    const restoreStarted = performance.now();
    await call("POST", `/v1/backups/${backup.id}/restore`, { token: owner.tokens.accessToken, body: { into: "new" } });
    const restored = await until(() => call("GET", `/v1/backups/${backup.id}`, { token: owner.tokens.accessToken }), (b) => b.restore?.status === "completed" || b.restore?.status === "failed");
    if (restored.restore.status !== "completed") throw new Error(`restore failed: ${restored.restore.error}`);
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;

    psql(`DROP DATABASE IF EXISTS ${RESTORE_DB} WITH (FORCE)`);
    psql(`CREATE DATABASE ${RESTORE_DB}`);
    execFileSync("sh", ["-c", `pg_dump -s "${databaseUrl}" | psql -qX "${restoreUrl}" >/dev/null 2>&1`]);
    const pgRestoreStarted = performance.now();
    execFileSync("pg_restore", ["-a", "--disable-triggers", "-d", restoreUrl, dumpFile]);
    const pgRestoreSeconds = (performance.now() - pgRestoreStarted) / 1000;
    psql(`DROP DATABASE IF EXISTS ${RESTORE_DB} WITH (FORCE)`);

    const backedUp: number = backup.rows;
    const megabytes = backup.plainBytes / 1e6;
    rows.push({ measure: "backup: rows/s (ours: queued backup to R2; reference: pg_dump -Fc)", ours: backedUp / backupSeconds, reference: total / dumpSeconds, unit: "rows/s", spread: `${backupSeconds.toFixed(1)} s vs ${dumpSeconds.toFixed(1)} s`, goal: "ratio ≥ 0.5 (within 2x)" });
    rows.push({ measure: "backup: MB/s of NDJSON (reference: the same MB over pg_dump's time)", ours: megabytes / backupSeconds, reference: megabytes / dumpSeconds, unit: "MB/s", spread: `${megabytes.toFixed(1)} MB NDJSON, ${(backup.sizeBytes / 1e6).toFixed(1)} MB stored vs ${(statSync(dumpFile).size / 1e6).toFixed(1)} MB dump`, goal: "ratio ≥ 0.5" });
    rows.push({ measure: "restore: rows/s (ours: verify + restore into a new tenant; reference: pg_restore -a)", ours: restored.restore.rows / restoreSeconds, reference: total / pgRestoreSeconds, unit: "rows/s", spread: `${restoreSeconds.toFixed(1)} s vs ${pgRestoreSeconds.toFixed(1)} s`, goal: "ratio ≥ 0.5 (within 2x)" });
    notes.push(`- Worker (workerd) peak resident memory over the whole run: ${worker.peakRssMiB().toFixed(0)} MiB; parts of about 8 MiB of NDJSON, ${backup.progress.parts} parts.`);
    notes.push("- Ours includes the queue hop, encryption, R2 writes (local, on disk) and, for restore, a full verification pass before applying; the reference has none of these.");
  } finally {
    await worker.stop();
    await bridge.close();
    psql(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
  return writeReport(LARGE ? "backup-large" : "backup", "Backup and restore: the Worker's queued jobs vs pg_dump and pg_restore", notes, rows, `PostgreSQL ${postgresVersion}`);
}
