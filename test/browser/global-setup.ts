import type { TestProject } from "vitest/node";
import { startBridge } from "../../scripts/db/bridge.ts";
import { migrate } from "../../scripts/db/migrate.ts";
import { nodePool } from "../../scripts/db/node-pool.ts";
import { startWorker } from "../../scripts/dev-worker.ts";
import { generateSigningKey } from "../../scripts/generate-signing-key.ts";
import { generateBackupKeys } from "../../scripts/local-stack.ts";
import { findChromium } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    chromium: string;
    workerUrl: string;
    browserDatabaseUrl: string;
    browserDbProxy: string;
  }
}

/** Port of the Worker the browser tests load the widget and API from. */
const WORKER_PORT = Number(process.env.BROWSER_TEST_PORT ?? 8830);

/**
 * Starts what the browser tests drive: the Worker under `wrangler dev` on a database of its own,
 * as a visitor's browser would reach it. Without a Chromium, says so and starts nothing.
 */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  project.provide("chromium", chromium ?? "");
  if (!chromium) {
    console.warn("notice: no Chromium found (install Debian's chromium or set CHROMIUM_PATH); the browser tests do not run");
    return;
  }
  const bridge = await startBridge({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://", log: () => undefined });
  const pool = nodePool(bridge);
  await migrate(pool);
  await pool.end();
  const worker = await startWorker(
    { DATABASE_URL: bridge.databaseUrl, DB_LOCAL_PROXY: bridge.proxy, AUTH_SIGNING_KEYS: JSON.stringify([await generateSigningKey()]), BACKUP_KEYS: generateBackupKeys() },
    WORKER_PORT,
  );
  project.provide("workerUrl", worker.url);
  project.provide("browserDatabaseUrl", bridge.databaseUrl);
  project.provide("browserDbProxy", bridge.proxy);
  return async () => {
    await worker.stop();
    await bridge.close();
  };
}
