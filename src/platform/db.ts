import { Pool, neonConfig, type PoolClient } from "@neondatabase/serverless";
import { drizzle, type NeonDatabase } from "drizzle-orm/neon-serverless";
import type { Env } from "../env.ts";

export type Database = NeonDatabase;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Points the Neon driver at the local database bridge when `DB_LOCAL_PROXY` is set (local
 * development and tests); in production the driver's defaults reach Neon directly.
 */
function configureDriver(env: Env): void {
  const proxy = env.DB_LOCAL_PROXY;
  if (!proxy) return;
  neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
}

export type DatabaseHandle = { db: Database; close(): Promise<void> };

/** One pool per request: Workers cannot share sockets across requests. */
export function openDatabase(env: Env): DatabaseHandle {
  configureDriver(env);
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
  // A dropped connection surfaces as the error of the query it broke (or of the next one); the
  // pool (idle clients) and each client (checked out) also emit it, unobserved an uncaught error.
  pool.on("error", () => {});
  pool.on("connect", (client: PoolClient) => client.on("error", () => {}));
  return { db: databaseOn(pool), close: () => pool.end() };
}

/**
 * The drizzle database over a pool, with the naming every caller shares. Queries name their
 * tables; the schema is not passed, since building drizzle's relational map from it costs about
 * half a millisecond of CPU on every request and nothing uses relational queries.
 */
export function databaseOn(pool: Pool): Database {
  return drizzle({ client: pool, casing: "snake_case" });
}
