import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBridge } from "../scripts/db/bridge.ts";
import { nodePool } from "../scripts/db/node-pool.ts";
import { summarise, writeReport, type Row } from "./lib/report.ts";

const ROWS = Number(process.env.BENCH_INSERT_ROWS ?? 2000);
const REPETITIONS = 3;
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Single-row INSERTs per second through the database path the Worker uses (Neon driver over
 * WebSocket, through the local bridge, to PostgreSQL) next to psql sending the same statements
 * straight over TCP: the raw insert rate later ingest benchmarks are held against.
 */
export async function run(): Promise<string> {
  const psql = (args: string[]) => execFileSync("psql", [DATABASE_URL, "-qtAX", ...args], { encoding: "utf8" });
  psql(["-c", "CREATE TABLE IF NOT EXISTS bench_insert (id bigint PRIMARY KEY, payload text NOT NULL)"]);
  const postgresVersion = psql(["-c", "SHOW server_version"]).trim();

  const statementsFile = join(mkdtempSync(join(tmpdir(), "ckm-bench-")), "inserts.sql");
  writeFileSync(
    statementsFile,
    Array.from({ length: ROWS }, (_, i) => `INSERT INTO bench_insert VALUES (${i}, 'row ${i}');`).join("\n"),
  );

  const bridged: number[] = [];
  const reference: number[] = [];
  const bridge = await startBridge({ databaseUrl: DATABASE_URL });
  try {
    for (let r = 0; r < REPETITIONS; r++) {
      psql(["-c", "TRUNCATE bench_insert"]);
      const pool = nodePool(bridge);
      const client = await pool.connect();
      const started = performance.now();
      for (let i = 0; i < ROWS; i++) {
        await client.query("INSERT INTO bench_insert VALUES ($1, $2)", [i, `row ${i}`]);
      }
      bridged.push(ROWS / ((performance.now() - started) / 1000));
      client.release();
      await pool.end();

      psql(["-c", "TRUNCATE bench_insert"]);
      const psqlStarted = performance.now();
      psql(["-f", statementsFile]);
      reference.push(ROWS / ((performance.now() - psqlStarted) / 1000));
    }
  } finally {
    await bridge.close();
    psql(["-c", "DROP TABLE IF EXISTS bench_insert"]);
  }

  const ours = summarise(bridged);
  const rows: Row[] = [
    {
      measure: `${ROWS} single-row INSERTs, one session`,
      ours: ours.median,
      reference: summarise(reference).median,
      unit: "rows/s",
      spread: ours.spread,
      goal: "reference for ingest (webhooks: within 2x)",
    },
  ];
  return writeReport(
    "insert-rate",
    "Single-row insert rate: Neon driver through the bridge vs psql",
    [
      `Ours: the Neon driver in Node, WebSocket to the local bridge, TCP to PostgreSQL, ${ROWS} parameterised INSERTs awaited one by one.`,
      `Reference: psql -f with the same ${ROWS} INSERTs over TCP. Median of ${REPETITIONS} runs; higher is better.`,
    ],
    rows,
    `PostgreSQL ${postgresVersion}`,
  );
}
