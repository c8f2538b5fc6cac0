import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { writeReport, type Row } from "./lib/report.ts";
import { writeRetailCsv } from "./lib/retail-data.ts";
import { call, psql, startStack } from "./lib/stack.ts";

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? (process.env.BENCH_LARGE ? "10000,100000,1000000" : "10000,100000")).split(",").map(Number);
const BENCH_DB = "ckm_bench_import";
const PORT = Number(process.env.BENCH_IMPORT_PORT ?? 8819);

/** Uploads, runs and waits for one import through the HTTP API; returns seconds from upload to done. */
async function importThroughApi(base: string, token: string, file: string): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const size = statSync(file).size;
  const upload = await fetch(`${base}/v1/imports?source=bench&currency=GBP`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "content-length": String(size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const { import: created } = (await upload.json()) as { import: { id: string } };
  await call(base, "POST", `/v1/imports/${created.id}/run`, token);
  for (;;) {
    const current = await call(base, "GET", `/v1/imports/${created.id}`, token);
    if (current.status === "done" || current.status === "failed") {
      if (current.status === "failed") throw new Error(`import failed: ${current.error}`);
      return { seconds: (performance.now() - started) / 1000, rows: current.progress.rowsDone };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Imports generated UCI-shaped files of each size through the public API of the Worker under
 * `wrangler dev` on PostgreSQL (upload to R2, queued run), next to `psql \\copy` of the same file
 * into a plain table of the same columns: rows per second, the ratio, and the Worker's peak
 * resident memory, so its growth with file size shows.
 */
export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ckm-bench-import-"));
  const rows: Row[] = [];
  const notes: string[] = [];
  let postgresVersion = "";
  for (const size of SIZES) {
    const file = join(dir, `retail-${size}.csv`);
    await writeRetailCsv(file, size);
    const stack = await startStack(BENCH_DB, PORT, { logLevel: "warn" });
    const { worker, databaseUrl } = stack;
    postgresVersion = stack.postgresVersion;

    psql("CREATE TABLE copy_rows (invoice text, sku text, title text, quantity int, invoiced_at timestamp, unit_price numeric, customer text, country text)", databaseUrl);
    const copyStarted = performance.now();
    execFileSync("psql", [databaseUrl, "-qtAX", "-c", `\\copy copy_rows FROM '${file}' CSV HEADER`]);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    psql("DROP TABLE copy_rows", databaseUrl);

    try {
      const owner = await call(worker.url, "POST", "/v1/signup", undefined, { company: "Bench", name: "Bench", email: `bench-${size}@example.com`, password: "a long benchmark passphrase" });
      // A server's secret key, not the owner's 15-minute access token: a large import outlasts it.
      const { key } = await call(worker.url, "POST", "/v1/api-keys", owner.tokens.accessToken, { kind: "secret", name: "bench", role: "admin" });
      const ours = await importThroughApi(worker.url, key, file);
      const oursRate = ours.rows / ours.seconds;
      const copyRate = size / copySeconds;
      rows.push({ measure: `import ${size.toLocaleString("en")} rows: rows/s (ours: API upload + queued run; reference: psql \\copy)`, ours: oursRate, reference: copyRate, unit: "rows/s", spread: `${ours.seconds.toFixed(1)} s vs ${copySeconds.toFixed(1)} s`, goal: "ratio ≥ 0.33 (within 3x)" });
      notes.push(`- ${size.toLocaleString("en")} rows (${(statSync(file).size / 2 ** 20).toFixed(1)} MiB): Worker (workerd) peak resident memory ${worker.peakRssMiB().toFixed(0)} MiB.`);
    } finally {
      await stack.close();
    }
  }
  return writeReport(
    "import-rate",
    "CSV import: the API and queued run vs psql \\copy",
    ["Generated UCI-shaped files (seeded; bench/lib/retail-data.ts), one run each size, PostgreSQL through the local bridge.", ...notes],
    rows,
    `PostgreSQL ${postgresVersion}`,
  );
}
