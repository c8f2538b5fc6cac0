import { readFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { SAMPLE_CSV } from "../../scripts/seed-demo.ts";
import { startBridge } from "../../scripts/db/bridge.ts";
import { migrate } from "../../scripts/db/migrate.ts";
import { nodePool } from "../../scripts/db/node-pool.ts";
import { generateSigningKey } from "../../scripts/generate-signing-key.ts";
import { startHookReceiver } from "./hook-receiver.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dbProxy: string;
    /** True when the Worker tests run on the embedded database, which serves one session at a time. */
    embeddedDatabase: boolean;
    signingKeys: string;
    backupKeys: string;
    sampleCsv: string;
    fuzzRuns: number;
    fuzzSeed: number;
    hookReceiver: string;
  }
}

/**
 * Starts the database bridge for the Worker tests (the server of DATABASE_URL, or an embedded
 * in-memory database), applies the migrations once, makes the Worker's signing keys, and listens for
 * the webhooks the Worker sends.
 */
export default async function setup(project: TestProject) {
  const bridge = await startBridge({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://", log: console.log, faults: true });
  const pool = nodePool(bridge);
  await migrate(pool);
  await pool.end();
  project.provide("databaseUrl", bridge.databaseUrl);
  project.provide("dbProxy", bridge.proxy);
  project.provide("embeddedDatabase", bridge.embedded);
  project.provide("signingKeys", JSON.stringify([await generateSigningKey()]));
  project.provide("backupKeys", JSON.stringify({ currentKeyId: "k2", keys: { k1: randomKey(), k2: randomKey() } }));
  project.provide("sampleCsv", readFileSync(SAMPLE_CSV, "utf8"));
  project.provide("fuzzRuns", Number(process.env.FUZZ_RUNS ?? 3));
  project.provide("fuzzSeed", Number(process.env.FUZZ_SEED ?? 20261123));
  const receiver = await startHookReceiver();
  project.provide("hookReceiver", receiver.url);
  console.log(`database for worker tests: ${bridge.embedded ? "embedded (in memory)" : "DATABASE_URL"}`);
  return async () => {
    await receiver.close();
    await bridge.close();
  };
}

/** A 256-bit master key, base64: the tests' BACKUP_KEYS ring holds an old and a current one. */
function randomKey(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
}
