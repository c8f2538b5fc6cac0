import type { Pool } from "@neondatabase/serverless";
import { afterAll, beforeAll } from "vitest";
import { startBridge, type Bridge } from "./bridge.ts";
import { migrate } from "./migrate.ts";
import { nodePool } from "./node-pool.ts";

/**
 * A test file's own in-memory database with every migration applied, started before its tests
 * and closed after them. Returns the pool's getter, valid once the tests run.
 */
export function migratedDatabase(): () => Pool {
  let bridge: Bridge | undefined;
  let pool: Pool | undefined;
  beforeAll(async () => {
    bridge = await startBridge({ dataDir: "memory://" });
    pool = nodePool(bridge);
    await migrate(pool);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await bridge?.close();
  });
  return () => pool!;
}
