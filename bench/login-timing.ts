import { execFileSync } from "node:child_process";
import { startBridge } from "../scripts/db/bridge.ts";
import { migrate } from "../scripts/db/migrate.ts";
import { nodePool } from "../scripts/db/node-pool.ts";
import { generateSigningKey } from "../scripts/generate-signing-key.ts";
import { loadKeyRing } from "../src/platform/access-tokens.ts";
import { databaseOn } from "../src/platform/db.ts";
import { UnauthorizedError } from "../src/platform/errors.ts";
import { logIn } from "../src/tenancy/log-in.ts";
import { signUp } from "../src/tenancy/sign-up.ts";
import { summarise, writeReport, type Row } from "./lib/report.ts";

const ATTEMPTS = Number(process.env.BENCH_LOGIN_ATTEMPTS ?? 40);
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BENCH_DB = "ckm_bench_login";

/**
 * Login time for an unknown email next to a wrong password for a real account, through the same
 * code the Worker runs: the two must cost the same so timing does not reveal which emails have
 * accounts. Attempts alternate so drift hits both sides alike.
 */
export async function run(): Promise<string> {
  const psql = (sql: string, url = SERVER_URL) => execFileSync("psql", [url, "-qtAX", "-c", sql], { encoding: "utf8" }).trim();
  psql(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  psql(`CREATE DATABASE ${BENCH_DB}`);
  const databaseUrl = SERVER_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
  const postgresVersion = psql("SHOW server_version", databaseUrl);

  const bridge = await startBridge({ databaseUrl });
  const pool = nodePool(bridge);
  try {
    await migrate(pool);
    const db = databaseOn(pool);
    const ring = await loadKeyRing(JSON.stringify([await generateSigningKey()]));
    const origin = { ip: "192.0.2.1", userAgent: "bench" };
    const email = `bench-${Date.now()}@example.com`;
    await signUp({ db, ring, origin, data: { company: "Bench", name: "Bench", email, password: "a long benchmark passphrase" } });

    const timings = { unknown: [] as number[], wrong: [] as number[] };
    for (let i = 0; i < ATTEMPTS; i++) {
      for (const [kind, address] of [["wrong", email], ["unknown", `nobody-${i}@example.com`]] as const) {
        await pool.query("DELETE FROM login_throttle");
        const started = performance.now();
        const outcome = await logIn({ db, ring, origin, email: address, password: "not the passphrase" }).catch((e: unknown) => e);
        timings[kind].push(performance.now() - started);
        if (!(outcome instanceof UnauthorizedError)) throw new Error(`expected a 401 for the ${kind} case`);
      }
    }
    const unknown = summarise(timings.unknown);
    const wrong = summarise(timings.wrong);
    const rows: Row[] = [
      { measure: "failed login, unknown email (ours) vs wrong password (reference)", ours: unknown.median, reference: wrong.median, unit: "ms", spread: unknown.spread, goal: "ratio ≈ 1.00" },
    ];
    const notes = [
      `${ATTEMPTS} attempts each, alternating, through logIn() with the Neon driver over the local bridge to PostgreSQL.`,
      `Wrong-password spread: ${wrong.spread} ms. Both paths run one PBKDF2-SHA256 derivation at 100,000 iterations.`,
    ];
    return writeReport("login-timing", "Login timing: unknown email vs wrong password", notes, rows, `PostgreSQL ${postgresVersion}`);
  } finally {
    await pool.end();
    await bridge.close();
    psql(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
}
