import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBridge } from "../scripts/db/bridge.ts";
import { migrate } from "../scripts/db/migrate.ts";
import { nodePool } from "../scripts/db/node-pool.ts";
import { generateSigningKey } from "../scripts/generate-signing-key.ts";
import { writeReport, type Row } from "./lib/report.ts";
import { startWorker } from "../scripts/dev-worker.ts";

/** 100,000 customers (about a million orders) by default; 1000000 gives about ten million. */
const CUSTOMERS = Number(process.env.BENCH_SEGMENTATION_CUSTOMERS ?? "100000");
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** One database per size, so a kept one (`BENCH_SEGMENTATION_KEEP=1`) is reused only at its own size. */
const BENCH_DB = `ckm_bench_segmentation_${CUSTOMERS}`;
/** Keeps the generated database after the run and reuses it on the next, skipping the data load. */
const KEEP = process.env.BENCH_SEGMENTATION_KEEP === "1";
const OWNER = { company: "Bench", name: "Bench", email: "bench-segmentation@example.com", password: "a long benchmark passphrase" };
const PORT = 8817;
const AS_OF = "2026-01-01T00:00:00Z";
const HERE = new URL(".", import.meta.url).pathname;
/** Debian's interpreter, which python3-pandas and python3-sklearn install into. */
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";

type Run = { id: string; status: string; error: string | null; customers: number; createdAt: string; finishedAt: string | null; diagnostics: { timings?: Record<string, number> }; model: { clusters?: { k?: number } } };
type Reference = { load: number; rfm: number; cluster: number; k: number; customers: number };

async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const send = () =>
    fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  // A kept-alive connection left idle while the data loads may have been closed by the server,
  // or hang: one more try on a fresh one.
  const res = await send().catch(send);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A segmentation run of generated customers (seeded, BG/NBD-like repeat buying, heavy-tailed
 * spend; bench/lib/segmentation-data.sql) through the queue of the Worker under `wrangler dev`,
 * timed from the request to the finished run and by stage (`diagnostics.timings`), next to a
 * reference on the same orders: RFM with pandas and k-means with scikit-learn
 * (bench/lib/segmentation-reference.py).
 */
export async function run(): Promise<string> {
  const psql = (args: string[], url = SERVER_URL) => execFileSync("psql", [url, "-qtAX", "-v", "ON_ERROR_STOP=1", ...args], { encoding: "utf8" }).trim();
  const databaseUrl = SERVER_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
  const kept = KEEP && psql(["-c", `SELECT count(*) FROM pg_database WHERE datname = '${BENCH_DB}'`]) === "1" && psql(["-c", "SELECT count(*) > 0 FROM orders"], databaseUrl) === "t";
  if (!kept) {
    psql(["-c", `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`]);
    psql(["-c", `CREATE DATABASE ${BENCH_DB}`]);
  }
  const postgresVersion = psql(["-c", "SHOW server_version"], databaseUrl);
  const bridge = await startBridge({ databaseUrl });
  const pool = nodePool(bridge);
  await migrate(pool);
  await pool.end();
  const worker = await startWorker({ DATABASE_URL: bridge.databaseUrl, DB_LOCAL_PROXY: bridge.proxy, AUTH_SIGNING_KEYS: JSON.stringify([await generateSigningKey()]), LOG_LEVEL: "warn" }, PORT);
  try {
    let loadSeconds: number | null = null;
    let accessToken: string;
    if (kept) {
      psql(["-c", "DELETE FROM segment_events", "-c", "DELETE FROM customer_scores", "-c", "DELETE FROM segmentation_runs", "-c", "VACUUM ANALYZE customer_scores"], databaseUrl);
      accessToken = (await api<{ accessToken: string }>(worker.url, "POST", "/v1/auth/login", undefined, { email: OWNER.email, password: OWNER.password })).accessToken;
    } else {
      const owner = await api<{ tenantId: string; tokens: { accessToken: string } }>(worker.url, "POST", "/v1/signup", undefined, OWNER);
      accessToken = owner.tokens.accessToken;
      const loadStarted = performance.now();
      psql(["-v", `tenant=${owner.tenantId}`, "-v", `customers=${CUSTOMERS}`, "-f", join(HERE, "lib/segmentation-data.sql")], databaseUrl);
      loadSeconds = (performance.now() - loadStarted) / 1000;
    }
    const { key } = await api<{ key: string }>(worker.url, "POST", "/v1/api-keys", accessToken, { kind: "secret", name: "bench", role: "admin" });
    const [orders, lines] = psql(["-c", "SELECT (SELECT count(*) FROM orders) || ' ' || (SELECT count(*) FROM order_lines)"], databaseUrl).split(" ").map(Number);

    let current = await api<Run>(worker.url, "POST", "/v1/segmentation/runs", key, { asOf: AS_OF });
    while (current.status !== "done" && current.status !== "failed") {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      current = await api<Run>(worker.url, "GET", `/v1/segmentation/runs/${current.id}`, key);
    }
    if (current.status === "failed") throw new Error(`the run failed: ${current.error}`);
    // The run's own clock, from the request to its last stage: polling does not count.
    const oursSeconds = (Date.parse(current.finishedAt!) - Date.parse(current.createdAt)) / 1000;
    const timings = current.diagnostics.timings ?? {};

    const csv = join(mkdtempSync(join(tmpdir(), "ckm-bench-segmentation-")), "orders.csv");
    psql(["-c", `\\copy (SELECT customer_id, ordered_at, total_minor - refunded_minor FROM orders WHERE status <> 'cancelled' AND ordered_at <= '${AS_OF}') TO '${csv}' CSV`], databaseUrl);
    const reference = JSON.parse(execFileSync(PYTHON, [join(HERE, "lib/segmentation-reference.py"), csv, AS_OF], { encoding: "utf8" })) as Reference;
    const referenceSeconds = reference.load + reference.rfm + reference.cluster;
    const seconds = (ms: number | undefined) => (ms ?? 0) / 1000;

    const rows: Row[] = [
      { measure: `whole run, ${current.customers.toLocaleString("en")} customers (ours: queued run, all six stages; reference: pandas RFM + sklearn k-means)`, ours: oursSeconds, reference: referenceSeconds, unit: "s", spread: "one run", goal: "ratio < 1 (faster)" },
      { measure: "RFM (ours: one SQL statement, which also reads the fits' inputs; reference: CSV read + pandas)", ours: seconds(timings.rfm), reference: reference.load + reference.rfm, unit: "s", spread: "one run", goal: "ratio < 1" },
      { measure: "clusters, k = 2..8 by silhouette (ours: cluster stage; reference: sklearn fits, silhouettes and assignment)", ours: seconds(timings.cluster), reference: reference.cluster, unit: "s", spread: "one run", goal: "ratio < 1" },
    ];
    const stageList = ["rfm", "fit", "cluster", "score", "rules", "compare"].map((stage) => `${stage} ${seconds(timings[stage]).toFixed(2)} s`).join(", ");
    const notes = [
      `- Generated set-wise in SQL: ${CUSTOMERS.toLocaleString("en")} customers, ${orders!.toLocaleString("en")} orders, ${lines!.toLocaleString("en")} order lines${loadSeconds === null ? " (kept from an earlier run)" : ` in ${loadSeconds.toFixed(1)} s`} (\`BENCH_SEGMENTATION_CUSTOMERS\` sets the size; 1000000 gives about ten million orders).`,
      `- Ours by stage (\`diagnostics.timings\`): ${stageList}; the rest of the run's time (created to finished) is queue hand-offs between invocations and steps. Ours also fits BG/NBD and Gamma-Gamma, scores every customer (P(alive), expected purchases, CLV, churn risk, nearest cluster, portrait tags) and mines product rules, which the reference does not do.`,
      `- Reference by stage: CSV read ${reference.load.toFixed(2)} s, RFM ${reference.rfm.toFixed(2)} s, clusters ${reference.cluster.toFixed(2)} s; k = ${reference.k} (ours k = ${current.model.clusters?.k ?? "n/a"}).`,
      `- Worker (workerd) peak resident memory ${worker.peakRssMiB().toFixed(0)} MiB.`,
    ];
    // Each size keeps its own table: the default in segmentation.md, others beside it.
    return writeReport(CUSTOMERS === 100_000 ? "segmentation" : `segmentation-${CUSTOMERS}`, "Segmentation run through the queue vs pandas + scikit-learn", notes, rows, `PostgreSQL ${postgresVersion}`);
  } finally {
    await worker.stop();
    await bridge.close();
    if (!KEEP) psql(["-c", `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`]);
  }
}
