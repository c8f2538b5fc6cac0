import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDebianPackages, pythonHas } from "./lib/debian-packages.ts";
import { writeReport, type Row } from "./lib/report.ts";
import { call, databaseUrlOf, psql, startStack } from "./lib/stack.ts";
import { loadTenant } from "./lib/tenant-data/load.ts";

/** Customers per size (about ten orders each); `BENCH_LARGE=1` adds a million (about ten million orders). */
const SIZES = (process.env.BENCH_SEGMENTATION_CUSTOMERS ?? (process.env.BENCH_LARGE ? "10000,100000,1000000" : "10000,100000")).split(",").map(Number);
/** Keeps each size's database after the run and reuses it on the next, skipping the data load. */
const KEEP = process.env.BENCH_SEGMENTATION_KEEP === "1";
const OWNER = { company: "Bench", name: "Bench", email: "bench-segmentation@example.com", password: "a long benchmark passphrase" };
const PORT = Number(process.env.BENCH_SEGMENTATION_PORT ?? 8817);
const AS_OF = "2026-01-01T00:00:00Z";
const HERE = new URL(".", import.meta.url).pathname;
/** Debian's interpreter, which python3-pandas and python3-sklearn install into. */
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";

type Run = { id: string; status: string; error: string | null; customers: number; createdAt: string; finishedAt: string | null; diagnostics: { timings?: Record<string, number> }; model: { clusters?: { k?: number } } };
type Reference = { load: number; rfm: number; cluster: number; k: number; customers: number };
type Measured = { customers: number; orders: number; lines: number; loadSeconds: number | null; run: Run; reference: Reference; peakMiB: number; pollsTimedOut: number; postgresVersion: string };

/** One size: a tenant from the generator (or a kept one), a run through the queue, and the reference on the same orders. */
async function measure(customers: number): Promise<Measured> {
  const database = `ckm_bench_segmentation_${customers}`;
  const reuse = KEEP && psql(`SELECT count(*) FROM pg_database WHERE datname = '${database}'`) === "1" && psql("SELECT count(*) > 0 FROM orders", databaseUrlOf(database)) === "t";
  const stack = await startStack(database, PORT, { reuse, logLevel: "warn" });
  const { worker, databaseUrl } = stack;
  try {
    let loadSeconds: number | null = null;
    let accessToken: string;
    if (reuse) {
      for (const sql of ["DELETE FROM segment_events", "DELETE FROM customer_scores", "DELETE FROM segmentation_runs", "VACUUM ANALYZE customer_scores"]) psql(sql, databaseUrl);
      accessToken = (await call<{ accessToken: string }>(worker.url, "POST", "/v1/auth/login", undefined, { email: OWNER.email, password: OWNER.password })).accessToken;
    } else {
      const owner = await call<{ tenantId: string; tokens: { accessToken: string } }>(worker.url, "POST", "/v1/signup", undefined, OWNER);
      accessToken = owner.tokens.accessToken;
      // The generator's orders are in pounds; a run measures the tenant's own currency.
      await call(worker.url, "PATCH", "/v1/settings", accessToken, { currency: "GBP" });
      loadSeconds = (await loadTenant(databaseUrl, owner.tenantId, customers)).seconds;
    }
    // A secret key does not expire, so a run longer than an access token's life is still polled.
    const { key } = await call<{ key: string }>(worker.url, "POST", "/v1/api-keys", accessToken, { kind: "secret", name: "bench", role: "admin" });
    const [orders, lines] = psql("SELECT (SELECT count(*) FROM orders) || ' ' || (SELECT count(*) FROM order_lines)", databaseUrl).split(" ").map(Number);

    let run = await call<Run>(worker.url, "POST", "/v1/segmentation/runs", key, { asOf: AS_OF });
    let pollsTimedOut = 0;
    while (run.status !== "done" && run.status !== "failed") {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      try {
        run = await call<Run>(worker.url, "GET", `/v1/segmentation/runs/${run.id}`, key);
      } catch (error) {
        // A poll that got no answer in time is asked again, and counted in the notes.
        if (!(error instanceof DOMException && error.name === "TimeoutError") || ++pollsTimedOut > 3) throw error;
      }
    }
    if (run.status === "failed") throw new Error(`the run at ${customers} customers failed: ${run.error}`);
    if (run.customers !== customers) throw new Error(`the run at ${customers} customers measured ${run.customers}`);

    const csv = join(mkdtempSync(join(tmpdir(), "ckm-bench-segmentation-")), "orders.csv");
    execFileSync("psql", [databaseUrl, "-qX", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (SELECT customer_id, ordered_at, total_minor - refunded_minor FROM orders WHERE status <> 'cancelled' AND ordered_at <= '${AS_OF}') TO '${csv}' CSV`]);
    const reference = JSON.parse(execFileSync(PYTHON, [join(HERE, "lib/segmentation-reference.py"), csv, AS_OF], { encoding: "utf8" })) as Reference;
    return { customers, orders: orders!, lines: lines!, loadSeconds, run, reference, peakMiB: worker.peakRssMiB(), pollsTimedOut, postgresVersion: stack.postgresVersion };
  } finally {
    await stack.close({ keepDatabase: KEEP });
  }
}

const seconds = (ms: number | undefined) => (ms ?? 0) / 1000;

function rowsOf(m: Measured): Row[] {
  const size = `${m.customers.toLocaleString("en")} customers`;
  const timings = m.run.diagnostics.timings ?? {};
  // The run's own clock, from the request to its last stage: polling does not count.
  const ours = (Date.parse(m.run.finishedAt!) - Date.parse(m.run.createdAt)) / 1000;
  return [
    { measure: `${size}: whole run (ours: queued run, all six stages; reference: pandas RFM + sklearn k-means)`, ours, reference: m.reference.load + m.reference.rfm + m.reference.cluster, unit: "s", spread: "one run", goal: "ratio < 1 (faster)" },
    { measure: `${size}: the reference's own work (ours: RFM and cluster stages; reference: CSV read, pandas RFM, sklearn k-means)`, ours: seconds(timings.rfm) + seconds(timings.cluster), reference: m.reference.load + m.reference.rfm + m.reference.cluster, unit: "s", spread: "one run", goal: "ratio < 1" },
    { measure: `${size}: RFM (ours: one SQL statement, which also reads the fits' inputs; reference: CSV read + pandas)`, ours: seconds(timings.rfm), reference: m.reference.load + m.reference.rfm, unit: "s", spread: "one run", goal: "ratio < 1" },
    { measure: `${size}: clusters, k = 2..8 by silhouette (ours: cluster stage; reference: sklearn fits, silhouettes and assignment)`, ours: seconds(timings.cluster), reference: m.reference.cluster, unit: "s", spread: "one run", goal: "ratio < 1" },
  ];
}

function notesOf(m: Measured): string {
  const timings = m.run.diagnostics.timings ?? {};
  const stages = ["rfm", "fit", "cluster", "score", "rules", "compare"].map((stage) => `${stage} ${seconds(timings[stage]).toFixed(2)} s`).join(", ");
  const loaded = m.loadSeconds === null ? "kept from an earlier run" : `generated and loaded by COPY in ${m.loadSeconds.toFixed(1)} s`;
  return `- ${m.customers.toLocaleString("en")} customers: ${m.orders.toLocaleString("en")} orders and ${m.lines.toLocaleString("en")} lines (${loaded}). Ours by stage: ${stages}. Reference: CSV read ${m.reference.load.toFixed(2)} s, RFM ${m.reference.rfm.toFixed(2)} s, clusters ${m.reference.cluster.toFixed(2)} s; k = ${m.reference.k} (ours k = ${m.run.model.clusters?.k ?? "n/a"}). workerd peak ${m.peakMiB.toFixed(0)} MiB.${m.pollsTimedOut ? ` Status polls unanswered within 60 s and asked again: ${m.pollsTimedOut}.` : ""}`;
}

/**
 * A segmentation run at each size through the queue of the Worker under `wrangler dev`, timed
 * from the request to the finished run and by stage (`diagnostics.timings`), next to a reference
 * on the same orders: RFM with pandas and k-means with scikit-learn
 * (bench/lib/segmentation-reference.py). Tenants come from the seeded generator
 * (bench/lib/tenant-data).
 */
export async function run(): Promise<string> {
  if (!ensureDebianPackages(["python3-pandas", "python3-sklearn"], () => pythonHas(PYTHON, ["pandas", "sklearn"]))) {
    throw new Error(`the reference needs pandas and scikit-learn for ${PYTHON} (Debian's python3-pandas and python3-sklearn)`);
  }
  const measured: Measured[] = [];
  for (const customers of SIZES) measured.push(await measure(customers));
  const notes = [
    `- Tenants from the seeded generator (bench/lib/tenant-data): BG/NBD purchases, Gamma-Gamma spend, Chinese and Western names. \`BENCH_SEGMENTATION_CUSTOMERS\` sets the sizes; \`BENCH_LARGE=1\` adds 1,000,000.`,
    "- The rest of a run's time (created to finished) beyond its stages is queue hand-offs between invocations and steps. Ours also fits BG/NBD and Gamma-Gamma, scores every customer (P(alive), expected purchases, CLV, churn risk, nearest cluster, portrait tags) and mines product rules, which the reference does not do.",
    ...measured.map(notesOf),
  ];
  return writeReport("segmentation", "Segmentation run through the queue vs pandas + scikit-learn", notes, measured.flatMap(rowsOf), `PostgreSQL ${measured.at(-1)?.postgresVersion ?? ""}`);
}
