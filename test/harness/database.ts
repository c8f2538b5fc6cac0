import { env } from "cloudflare:test";
import { parseEnv } from "../../src/env.ts";
import { openDatabase, type DatabaseHandle } from "../../src/platform/db.ts";

/** The database as the Worker opens it, for tests that seed or inspect rows directly. */
export function testDatabase(): DatabaseHandle {
  return openDatabase(parseEnv(env));
}
