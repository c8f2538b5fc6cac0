import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeReport, type Row } from "./lib/report.ts";
import { call, psql, startStack } from "./lib/stack.ts";
import { loadTenant } from "./lib/tenant-data/load.ts";

const BENCH_DB = "ckm_bench_api_read";
const PORT = Number(process.env.BENCH_API_PORT ?? 8824);
const SIZES = (process.env.BENCH_API_CUSTOMERS ?? (process.env.BENCH_LARGE ? "10000,100000,1000000" : "10000,100000")).split(",").map(Number);
const CONNECTIONS = 8;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const SEARCHES = ["wang", "smith", "müller", "li na", "garcía", "王伟", "murphy", "chen"];

type Route = "get" | "list" | "search";
type Measured = { perSecond: number; p50: number; p99: number; errors: number };

/**
 * The SQL at the heart of each route, as pgbench runs it for the reference: the same rows and
 * index, without HTTP, authentication, row-level security or JSON. Ids come from a table of a
 * thousand sampled customers.
 */
function referenceScript(route: Route, tenantId: string): string {
  const columns = "id, display_name, email, phone, country, tags, attributes, created_at, updated_at";
  if (route === "get") return `\\set n random(1, 1000)\nSELECT ${columns} FROM customers WHERE tenant_id = '${tenantId}' AND id = (SELECT id FROM bench_ids WHERE n = :n);\n`;
  if (route === "list") return `SELECT ${columns} FROM customers WHERE tenant_id = '${tenantId}' ORDER BY created_at DESC, id DESC LIMIT 21;\n`;
  return `\\set n random(0, ${SEARCHES.length - 1})\nSELECT ${columns} FROM customers WHERE tenant_id = '${tenantId}' AND search @@ to_tsquery('simple', (SELECT q FROM bench_searches WHERE n = :n)) ORDER BY created_at DESC, id DESC LIMIT 21;\n`;
}

function pgbench(databaseUrl: string, script: string): Measured {
  const file = join(mkdtempSync(join(tmpdir(), "ckm-pgbench-")), "script.sql");
  writeFileSync(file, script);
  const out = execFileSync("pgbench", ["-n", "-c", String(CONNECTIONS), "-j", "2", "-T", String(SECONDS), "-f", file, databaseUrl], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  return { perSecond: tps, p50: latency, p99: Number.NaN, errors: failed };
}

function autocannonRun(url: string, requests: autocannon.Request[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      resolve({ perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts });
    });
  });
}

/** One size: a fresh database, a tenant of `customers` generated customers loaded by COPY, then each route ours and reference. */
async function measureSize(customers: number): Promise<{ rows: Row[]; note: string }> {
  const stack = await startStack(BENCH_DB, PORT);
  const { worker, databaseUrl } = stack;
  try {
    const owner = await call(worker.url, "POST", "/v1/signup", undefined, { company: "Bench Reads", name: "Bench", email: "bench-reads@example.com", password: "a long benchmark passphrase" });
    const key = (await call(worker.url, "POST", "/v1/api-keys", owner.tokens.accessToken, { name: "bench reads", kind: "secret", role: "analyst" })).key as string;
    const loaded = await loadTenant(databaseUrl, owner.tenantId, customers);
    psql(`CREATE TABLE bench_ids AS SELECT row_number() OVER () AS n, id FROM (SELECT id FROM customers ORDER BY md5(id::text) LIMIT 1000) s`, databaseUrl);
    psql("CREATE TABLE bench_searches (n int, q text)", databaseUrl);
    psql(`INSERT INTO bench_searches VALUES ${SEARCHES.map((q, n) => `(${n}, '${q.split(" ").map((w) => `${w}:*`).join(" & ")}')`).join(", ")}`, databaseUrl);
    const ids = psql("SELECT id FROM bench_ids ORDER BY n", databaseUrl).split("\n");
    const auth = { authorization: `Bearer ${key}` };
    let n = 0;
    const ours: Record<Route, autocannon.Request[]> = {
      get: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/v1/customers/${ids[n++ % ids.length]}`, headers: auth }) }],
      list: [{ method: "GET", path: "/v1/customers?limit=20", headers: auth }],
      search: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/v1/customers?limit=20&q=${encodeURIComponent(SEARCHES[n++ % SEARCHES.length]!)}`, headers: auth }) }],
    };
    const rows: Row[] = [];
    for (const route of ["get", "list", "search"] as const) {
      await autocannonRun(worker.url, ours[route]).catch(() => undefined);
      const mine = await autocannonRun(worker.url, ours[route]);
      const reference = pgbench(databaseUrl, referenceScript(route, owner.tenantId));
      rows.push({
        measure: `${customers.toLocaleString("en")} customers: ${route} (ours: GET through wrangler dev, p50 ${mine.p50} ms, p99 ${mine.p99} ms, ${mine.errors} errors; reference: pgbench of its SELECT, mean ${reference.p50} ms)`,
        ours: mine.perSecond,
        reference: reference.perSecond,
        unit: "requests/s",
        spread: `p99 ${mine.p99} ms`,
        goal: "0 errors; no speed goal in the customer-records issue (reported for the growth curve)",
      });
    }
    return { rows, note: `${customers.toLocaleString("en")} customers: ${loaded.orders.toLocaleString("en")} orders and ${loaded.lines.toLocaleString("en")} lines generated and loaded by COPY in ${loaded.seconds.toFixed(1)} s.` };
  } finally {
    await stack.close();
  }
}

/**
 * Customer get, list and search under concurrency against `wrangler dev` on the local
 * PostgreSQL, at each size, next to pgbench running each route's core SELECT at the same
 * concurrency on the same rows.
 */
export async function run(): Promise<string> {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const size of SIZES) {
    const measured = await measureSize(size);
    rows.push(...measured.rows);
    notes.push(measured.note);
  }
  const postgresVersion = psql("SHOW server_version");
  return writeReport(
    "api-read",
    "API reads: customer get, list and search under concurrency",
    [
      `${CONNECTIONS} connections for ${SECONDS} s per route and size (after a warm-up of the same length), autocannon against \`wrangler dev\` with an analyst's secret key; every Worker request opens its own database connection through the local bridge, verifies the key and runs under row-level security. The reference is pgbench with ${CONNECTIONS} clients running the route's core SELECT as the superuser on the same rows.`,
      `Tenants from the seeded generator (bench/lib/tenant-data): Chinese and Western names, 12% dirty emails and phones, BG/NBD purchases, Gamma-Gamma spend. \`BENCH_API_CUSTOMERS\` sets the sizes; \`BENCH_LARGE=1\` adds 1,000,000.`,
      ...notes,
    ],
    rows,
    `PostgreSQL ${postgresVersion}`,
  );
}
