import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Pool } from "@neondatabase/serverless";

export const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url).pathname;

export type MigrationResult = { applied: string[]; skipped: string[] };

/**
 * Applies every `migrations/*.sql` not yet recorded in `schema_migrations`, in file-name order,
 * each in its own transaction. A recorded migration whose file has changed since is an error:
 * migrations are history, and history is not edited.
 */
export async function migrate(pool: Pool, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('ckm.migrate'))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "SELECT name, checksum FROM schema_migrations",
    );
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const name of files) {
      const text = await readFile(join(dir, name), "utf8");
      const checksum = createHash("sha256").update(text).digest("hex");
      const recorded = done.get(name);
      if (recorded === checksum) {
        result.skipped.push(name);
        continue;
      }
      if (recorded) throw new Error(`migration ${name} was changed after it was applied`);
      await client.query("BEGIN");
      try {
        await client.query(text);
        await client.query("INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", [name, checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      result.applied.push(name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('ckm.migrate'))").catch(() => {});
    client.release();
  }
}
