import type { PoolClient } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBridge, type Bridge, type BridgeOptions } from "./bridge.ts";
import { nodePool } from "./node-pool.ts";

/**
 * One client session through the bridge: a pool of its own (nodePool holds one connection), one
 * connection checked out, then closed with the pool. Each simulated client gets its own session.
 */
async function session<T>(bridge: Bridge, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const pool = nodePool(bridge);
  try {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/** Sets a transaction-local setting and reads it back inside one transaction. */
async function setAndReadBack(client: PoolClient, value: string): Promise<string> {
  await client.query("BEGIN");
  await client.query("select set_config('app.x', $1, true)", [value]);
  const { rows } = await client.query<{ x: string }>("select current_setting('app.x') as x");
  await client.query("COMMIT");
  return rows[0]!.x;
}

/** 50 clients at once, each in its own session and transaction. */
function concurrentSessionsSuite(name: string, options: () => BridgeOptions) {
  describe(name, () => {
    let bridge: Bridge;
    beforeAll(async () => {
      bridge = await startBridge(options());
    });
    afterAll(() => bridge?.close());

    it("reaches the database named in its connection string", async () => {
      const { rows } = await session(bridge, (c) => c.query<{ db: string }>("select current_database() as db"));
      expect(rows[0]!.db).toBe(new URL(bridge.databaseUrl).pathname.slice(1));
    });

    it("serves 50 concurrent sessions, each seeing only its own transaction's settings", async () => {
      const values = Array.from({ length: 50 }, (_, i) => `client-${i}`);
      const seen = await Promise.all(values.map((value) => session(bridge, (c) => setAndReadBack(c, value))));
      // Every session succeeded (none refused), and none saw another's value (none interleaved).
      expect(seen).toEqual(values);
    });
  });
}

concurrentSessionsSuite("embedded bridge (memory://)", () => ({ dataDir: "memory://" }));

// The TCP path pipes sessions to a real server; it runs only where one is configured.
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) concurrentSessionsSuite("TCP bridge (DATABASE_URL)", () => ({ databaseUrl }));

/** Whatever a session leaves behind, the next one on the same bridge does not see it. */
function cleanSessionsSuite(name: string, options: () => BridgeOptions) {
  describe(name, () => {
    let bridge: Bridge;
    beforeAll(async () => {
      bridge = await startBridge(options());
      await session(bridge, (c) => c.query("drop table if exists bridge_probe; create table bridge_probe (id int primary key)"));
    });
    afterAll(async () => {
      await session(bridge, (c) => c.query("drop table if exists bridge_probe"));
      await bridge?.close();
    });

    it("rolls back the open transaction of a session that disconnects mid-way", async () => {
      await session(bridge, async (client) => {
        await client.query("BEGIN");
        await client.query("insert into bridge_probe (id) values (1)");
        // Drop the WebSocket with no COMMIT and no Terminate, as a crashed client would.
        client.on("error", () => {});
        const ended = new Promise((resolve) => client.once("end", resolve));
        (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        await ended;
      });

      await session(bridge, async (client) => {
        const { rows } = await client.query<{ n: number }>("select count(*)::int as n from bridge_probe");
        expect(rows[0]!.n).toBe(0); // no partial write survived
        // A SAVEPOINT outside a transaction block is an error: this session is not in one.
        await expect(client.query("SAVEPOINT probe")).rejects.toThrow(/transaction block/);
      });
    });

    it("does not carry session-level settings into the next session", async () => {
      const applicationName = (c: PoolClient) =>
        c.query<{ name: string }>("select current_setting('application_name') as name").then((r) => r.rows[0]!.name);
      const fresh = await session(bridge, applicationName);

      await session(bridge, async (client) => {
        await client.query("SET application_name = 'leaky-session'");
        await client.query("select set_config('app.tenant_id', 'tenant-a', false)");
        expect(await applicationName(client)).toBe("leaky-session");
      });

      await session(bridge, async (client) => {
        expect(await applicationName(client)).toBe(fresh);
        const tenant = await client.query<{ t: string | null }>("select current_setting('app.tenant_id', true) as t");
        expect(tenant.rows[0]!.t ?? "").toBe("");
      });
    });

    it("keeps serving sessions after a client disconnects", async () => {
      const { rows } = await session(bridge, (c) => c.query<{ ok: number }>("select 1 as ok"));
      expect(rows).toEqual([{ ok: 1 }]);
    });

    it("rolls back a transaction left open by a session that ends with Terminate", async () => {
      const pool = nodePool(bridge);
      const client = await pool.connect();
      await client.query("BEGIN");
      await client.query("insert into bridge_probe (id) values (2)");
      client.release();
      await pool.end();

      const { rows } = await session(bridge, (c) => c.query<{ n: number }>("select count(*)::int as n from bridge_probe"));
      expect(rows[0]!.n).toBe(0);
    });

    it("carries no prepared statement, temporary table or advisory lock into the next session", async () => {
      await session(bridge, async (client) => {
        await client.query("PREPARE leftover AS SELECT 1");
        await client.query("CREATE TEMP TABLE leftover (id int)");
        await client.query("SELECT pg_advisory_lock(4242)");
      });
      await session(bridge, async (client) => {
        // What this session holds or sees, not what a closing server process may still hold.
        const { rows } = await client.query<{ prepared: number; temp: number; locks: number }>(
          `select (select count(*)::int from pg_prepared_statements) as prepared,
                  (select count(*)::int from pg_class
                    where relname = 'leftover' and relpersistence = 't' and pg_table_is_visible(oid)) as temp,
                  (select count(*)::int from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()) as locks`,
        );
        expect(rows[0]).toEqual({ prepared: 0, temp: 0, locks: 0 });
      });
    });
  });
}

cleanSessionsSuite("embedded bridge: the next session starts clean", () => ({ dataDir: "memory://" }));
if (databaseUrl) cleanSessionsSuite("TCP bridge: the next session starts clean", () => ({ databaseUrl }));

describe.runIf(databaseUrl)("TCP bridge: server connections kept between sessions", () => {
  let bridge: Bridge;
  beforeAll(async () => {
    bridge = await startBridge({ databaseUrl });
  });
  afterAll(() => bridge?.close());

  const backend = () => session(bridge, (c) => c.query<{ pid: number }>("select pg_backend_pid() as pid")).then((r) => r.rows[0]!.pid);

  it("hands a cleanly ended session's connection to the next session", async () => {
    const first = await backend();
    await expect(backend()).resolves.toBe(first);
  });

  it("does not reuse the connection of a session that dropped without Terminate", async () => {
    const dropped = await session(bridge, async (client) => {
      const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
      client.on("error", () => {});
      const ended = new Promise((resolve) => client.once("end", resolve));
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      await ended;
      return rows[0]!.pid;
    });
    await expect(backend()).resolves.not.toBe(dropped);
  });
});
