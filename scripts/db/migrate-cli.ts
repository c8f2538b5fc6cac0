import { startBridge } from "./bridge.ts";
import { migrate } from "./migrate.ts";
import { nodePool } from "./node-pool.ts";
import { EMBEDDED_DATA_DIR } from "../local-stack.ts";

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
const bridge = await startBridge({ databaseUrl: process.env.DATABASE_URL, dataDir: EMBEDDED_DATA_DIR });
const pool = nodePool(bridge);
try {
  const result = await migrate(pool);
  for (const name of result.applied) console.log(`applied ${name}`);
  console.log(`${result.applied.length} applied, ${result.skipped.length} already applied`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await pool.end();
  await bridge.close();
}
