import { env } from "cloudflare:test";
import { parseEnv } from "../../src/env.ts";
import { openDatabase, type Database, type DatabaseHandle } from "../../src/platform/db.ts";

/** The database as the Worker opens it, for tests that seed or inspect rows directly. */
export function testDatabase(): DatabaseHandle {
  return openDatabase(parseEnv(env));
}

/**
 * Runs `fn` on a database connection that is closed straight after, so the test never holds
 * the embedded database's single session while the Worker under test waits for it.
 */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const handle = testDatabase();
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}
