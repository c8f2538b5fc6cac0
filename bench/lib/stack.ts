import { execFileSync } from "node:child_process";
import { startBridge, type Bridge } from "../../scripts/db/bridge.ts";
import { migrate } from "../../scripts/db/migrate.ts";
import { nodePool } from "../../scripts/db/node-pool.ts";
import { startWorker, type RunningWorker } from "../../scripts/dev-worker.ts";
import { generateSigningKey } from "../../scripts/generate-signing-key.ts";

/** The PostgreSQL server every benchmark creates its databases on. */
export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The connection string of `database` on the benchmark server. */
export const databaseUrlOf = (database: string) => SERVER_URL.replace(/\/[^/]*$/, `/${database}`);

/** Runs SQL with psql (as the server's superuser, stopping at the first error) and returns its unaligned output. */
export function psql(sql: string, url = SERVER_URL): string {
  return execFileSync("psql", [url, "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", sql], { encoding: "utf8" }).trim();
}

/** Drops `database` if it exists and creates it empty. */
export function recreateDatabase(database: string): string {
  psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  psql(`CREATE DATABASE ${database}`);
  return databaseUrlOf(database);
}

export function dropDatabase(database: string): void {
  psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}

export type BenchStack = {
  databaseUrl: string;
  bridge: Bridge;
  worker: RunningWorker;
  postgresVersion: string;
  /** Stops the Worker and the bridge, and drops the database unless told to keep it. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
};

export type StackOptions = {
  /** Extra Worker variables (e.g. BACKUP_KEYS); the database, proxy and a signing key are always set. */
  vars?: Record<string, string>;
  logLevel?: "error" | "warn" | "info";
  /** Use the database as it is (a kept one) instead of recreating it; migrations still run. */
  reuse?: boolean;
};

/**
 * What most benchmarks stand on: a fresh database on the benchmark server, migrated, behind the
 * local bridge, and the Worker under `wrangler dev` on `port` against it.
 */
export async function startStack(database: string, port: number, options: StackOptions = {}): Promise<BenchStack> {
  const databaseUrl = options.reuse ? databaseUrlOf(database) : recreateDatabase(database);
  const bridge = await startBridge({ databaseUrl });
  const pool = nodePool(bridge);
  await migrate(pool);
  await pool.end();
  const worker = await startWorker(
    { DATABASE_URL: bridge.databaseUrl, DB_LOCAL_PROXY: bridge.proxy, AUTH_SIGNING_KEYS: JSON.stringify([await generateSigningKey()]), LOG_LEVEL: options.logLevel ?? "error", ...options.vars },
    port,
  );
  return {
    databaseUrl,
    bridge,
    worker,
    postgresVersion: psql("SHOW server_version", databaseUrl),
    async close({ keepDatabase = false } = {}) {
      await worker.stop();
      await bridge.close();
      if (!keepDatabase) dropDatabase(database);
    },
  };
}

/** A JSON call to the Worker that throws with the status and body on anything but a 2xx. */
export async function call<T = any>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The survey the widget benchmarks answer: one NPS question, shown on page load to everyone. */
const BENCH_SURVEY = {
  defaultLanguage: "en",
  languages: ["en"],
  title: { en: "How did we do?" },
  questions: [{ id: "nps", type: "nps", text: { en: "How likely are you to recommend us?" }, required: true }],
  showing: { trigger: "load", samplingPercent: 100, recontactDays: null },
  theme: { primary: "#1a56db", background: "#ffffff", text: "#111827", position: "bottom-right" },
};

/**
 * Publishes the benchmark survey for the tenant of `token`, allows `pageOrigin` to embed the
 * widget, and returns a publishable key with the survey's id.
 */
export async function publishSurvey(base: string, token: string, pageOrigin: string): Promise<{ publishableKey: string; surveyId: string }> {
  await call(base, "PATCH", "/v1/settings", token, { allowedOrigins: [pageOrigin] });
  const { key } = await call(base, "POST", "/v1/api-keys", token, { name: "bench widget", kind: "publishable" });
  const survey = await call(base, "POST", "/v1/surveys", token, { name: "Bench", definition: BENCH_SURVEY });
  await call(base, "POST", `/v1/surveys/${survey.id}/publish`, token);
  return { publishableKey: key, surveyId: survey.id };
}
