import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Pool } from "@neondatabase/serverless";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBridge, type Bridge } from "./bridge.ts";
import { migrate, MIGRATIONS_DIR } from "./migrate.ts";
import { nodePool } from "./node-pool.ts";

// An embedded in-memory database of this file's own: migrate records into schema_migrations.
let bridge: Bridge;
let pool: Pool;
beforeAll(async () => {
  bridge = await startBridge({ dataDir: "memory://" });
  pool = nodePool(bridge);
});
afterAll(async () => {
  await pool?.end();
  await bridge?.close();
});

const tempDirs: string[] = [];
afterEach(async () => {
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A temporary migrations folder holding the given files. */
async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ckm-migrate-test-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) await writeFile(join(dir, name), sql);
  return dir;
}

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await pool.query<{ t: string | null }>("select to_regclass($1)::text as t", [name]);
  return rows[0]!.t !== null;
}

async function recorded(): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>("select name from schema_migrations order by name");
  return rows.map((row) => row.name);
}

describe("migrate", () => {
  it("applies every file of migrations/ the first time and none the second time", async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith(".sql")).sort();
    expect(files.length).toBeGreaterThan(0);

    expect(await migrate(pool)).toEqual({ applied: files, skipped: [] });
    expect(await tableExists("customers")).toBe(true);

    expect(await migrate(pool)).toEqual({ applied: [], skipped: files });
  });

  it("applies files in file-name order, so a later file can build on an earlier one", async () => {
    const dir = await migrationsDir({
      // Listed first here, but it needs the table that 0001 creates.
      "0002_order_fill.sql": "insert into order_probe (step) values ('second');",
      "0001_order_create.sql": "create table order_probe (n serial primary key, step text not null);",
    });

    const result = await migrate(pool, dir);

    expect(result.applied).toEqual(["0001_order_create.sql", "0002_order_fill.sql"]);
    const { rows } = await pool.query("select step from order_probe order by n");
    expect(rows).toEqual([{ step: "second" }]);
    expect(await recorded()).toEqual(expect.arrayContaining(result.applied));
  });

  it("ignores files that are not .sql", async () => {
    const dir = await migrationsDir({ "0001_only.sql": "create table only_probe (id int);", "notes.md": "# hi" });
    expect(await migrate(pool, dir)).toEqual({ applied: ["0001_only.sql"], skipped: [] });
  });

  it("refuses a migration whose file changed after it was applied, naming the file", async () => {
    const dir = await migrationsDir({ "0001_history.sql": "create table history_probe (id int);" });
    await migrate(pool, dir);

    await writeFile(join(dir, "0001_history.sql"), "create table history_probe (id bigint);");

    await expect(migrate(pool, dir)).rejects.toThrow(/0001_history\.sql.*changed/);
  });

  it("rolls back a failing migration and does not record it", async () => {
    const dir = await migrationsDir({
      "0001_fine.sql": "create table fine_probe (id int);",
      // The first statement succeeds, the second fails: neither may survive.
      "0002_broken.sql": "create table broken_probe (id int);\nselect * from no_such_table;",
    });

    await expect(migrate(pool, dir)).rejects.toThrow(/0002_broken\.sql failed/);

    expect(await tableExists("fine_probe")).toBe(true);
    expect(await tableExists("broken_probe")).toBe(false);
    const names = await recorded();
    expect(names).toContain("0001_fine.sql");
    expect(names).not.toContain("0002_broken.sql");
  });

  it("applies a fixed migration on the next run, since the failed one was never recorded", async () => {
    const dir = await migrationsDir({ "0001_retry.sql": "select * from no_such_table;" });
    await expect(migrate(pool, dir)).rejects.toThrow(/0001_retry\.sql/);

    await writeFile(join(dir, "0001_retry.sql"), "create table retry_probe (id int);");

    expect(await migrate(pool, dir)).toEqual({ applied: ["0001_retry.sql"], skipped: [] });
    expect(await tableExists("retry_probe")).toBe(true);
  });
});
