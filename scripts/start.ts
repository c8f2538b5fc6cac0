import { spawn } from "node:child_process";
import { startBridge } from "./db/bridge.ts";
import { migrate } from "./db/migrate.ts";
import { nodePool } from "./db/node-pool.ts";
import { EMBEDDED_DATA_DIR, localBackupKeys, localSigningKeys, WRANGLER_STATE_DIR } from "./local-stack.ts";
import { DEMO_OWNER, seedDemo } from "./seed-demo.ts";

/**
 * `npm start`: the whole stack on one machine. Starts the database bridge (DATABASE_URL's server,
 * or the embedded database under .data/), migrates, seeds the demo tenant, then runs the Worker
 * under `wrangler dev` with its queues, R2 bucket and cron, and prints where to find it.
 */
const port = Number(process.env.PORT ?? 8787);
const log = (line: string) => console.log(`[ckm] ${line}`);

const bridge = await startBridge({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: EMBEDDED_DATA_DIR,
  log,
});
log(bridge.embedded ? `embedded database in ${EMBEDDED_DATA_DIR}` : "database: DATABASE_URL");

const pool = nodePool(bridge);
const migrated = await migrate(pool);
log(`migrations: ${migrated.applied.length} applied, ${migrated.skipped.length} already applied`);
const demo = await seedDemo(pool);
log(demo.created ? `demo tenant seeded with ${demo.customers} customers` : `demo tenant present (${demo.customers} customers)`);
await pool.end();

const wrangler = spawn(
  "npx",
  [
    "wrangler", "dev",
    "--ip", "127.0.0.1",
    "--port", String(port),
    "--persist-to", WRANGLER_STATE_DIR,
    "--test-scheduled",
    "--show-interactive-dev-session=false",
    "--var", `DATABASE_URL:${bridge.databaseUrl}`,
    "--var", `DB_LOCAL_PROXY:${bridge.proxy}`,
    "--var", `AUTH_SIGNING_KEYS:${await localSigningKeys()}`,
    "--var", `BACKUP_KEYS:${localBackupKeys()}`,
  ],
  { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, detached: true },
);

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log("stopping");
    if (wrangler.exitCode === null && wrangler.pid) {
      try {
        process.kill(-wrangler.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await bridge.close();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
wrangler.on("exit", (code) => {
  if (!stopping) {
    log(`wrangler dev exited (${code ?? "signal"})`);
    void stop(code ?? 1);
  }
});

const url = `http://127.0.0.1:${port}`;
if (await waitForHealth(`${url}/health`, 60_000)) {
  console.log(
    [
      "",
      `  ckm is running at ${url}`,
      `  dashboard:     ${url}/login  (log in with the demo login below)`,
      `  health:        ${url}/health`,
      `  API reference: ${url}/docs`,
      `  demo tenant:   ${demo.tenantId} ("demo", ${demo.customers} customers)`,
      `  demo login:    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
      `                 curl -X POST ${url}/v1/auth/login -H 'content-type: application/json' \\`,
      `                   -d '{"email":"${DEMO_OWNER.email}","password":"${DEMO_OWNER.password}"}'`,
      `  nightly cron:  curl "${url}/__scheduled?cron=17+2+*+*+*"`,
      "",
      "  Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
} else {
  log(`the Worker did not answer ${url}/health within 60 s`);
  await stop(1);
}

async function waitForHealth(healthUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(healthUrl)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
