import type { PoolClient } from "@neondatabase/serverless";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBridge, type Bridge, type BridgeOptions } from "./bridge.ts";
import { nodePool } from "./node-pool.ts";

async function session<T>(bridge: Bridge, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const pool = nodePool(bridge);
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.on("error", () => {});
    try {
      return await work(client);
    } finally {
      client.release(true);
    }
  } finally {
    await pool.end().catch(() => {});
  }
}

async function control(bridge: Bridge, method: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`http://${bridge.proxy}/faults`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

function faultSuite(name: string, options: () => BridgeOptions) {
  describe(name, () => {
    let bridge: Bridge;
    const table = `fault_probe_${process.pid}`;
    const count = () => session(bridge, (c) => c.query<{ n: number }>(`select count(*)::int as n from ${table}`).then((r) => r.rows[0]!.n));
    /** One transaction inserting three rows, one statement each; resolves to the error that ended it, if any. */
    const insertThree = () =>
      session(bridge, async (c) => {
        await c.query("BEGIN");
        for (const id of [1, 2, 3]) await c.query(`insert into ${table} (id, note) values ($1, $2)`, [id, "x".repeat(200)]);
        await c.query("COMMIT");
      }).then(
        () => undefined,
        (error: Error) => error,
      );

    beforeAll(async () => {
      bridge = await startBridge({ ...options(), faults: true });
      await session(bridge, (c) => c.query(`create table if not exists ${table} (id int primary key, note text)`));
    });
    beforeEach(async () => {
      await control(bridge, "DELETE");
      await session(bridge, (c) => c.query(`truncate ${table}`));
    });
    afterAll(async () => {
      await session(bridge, (c) => c.query(`drop table if exists ${table}`));
      await bridge?.close();
    });

    it("cuts a session mid-transaction after N statements, and the server keeps none of its writes", async () => {
      const armed = await control(bridge, "POST", { match: `insert into ${table}`, cutAfterStatements: 2 });
      expect(armed.status).toBe(201);
      const error = await insertThree();
      expect(error?.message).toMatch(/connection|terminated|closed|socket/i);
      expect(await count()).toBe(0);
      expect((await control(bridge, "GET")).json).toMatchObject([{ id: armed.json.id, hits: 1 }]);
    });

    it("cuts a session part-way through a message after N bytes", async () => {
      await control(bridge, "POST", { match: `insert into ${table}`, cutAfterBytes: 250 });
      expect(await insertThree()).toBeInstanceOf(Error);
      expect(await count()).toBe(0);
    });

    it("affects only as many sessions as the rule names; the next one runs untouched", async () => {
      await control(bridge, "POST", { match: `insert into ${table}`, cutAfterStatements: 0, sessions: 2 });
      expect(await insertThree()).toBeInstanceOf(Error);
      expect(await insertThree()).toBeInstanceOf(Error);
      expect(await insertThree()).toBeUndefined();
      expect(await count()).toBe(3);
    });

    it("passes statements that do not match, and arms nothing for them", async () => {
      await control(bridge, "POST", { match: "no statement says this", cutAfterStatements: 0 });
      expect(await insertThree()).toBeUndefined();
      expect((await control(bridge, "GET")).json).toMatchObject([{ hits: 0 }]);
    });

    it("holds back every statement from the match on by the delay, then runs them all", async () => {
      await control(bridge, "POST", { match: `insert into ${table}`, delayMs: 150 });
      const started = performance.now();
      expect(await insertThree()).toBeUndefined();
      // Each of the three inserts and the commit waited at least once.
      expect(performance.now() - started).toBeGreaterThanOrEqual(4 * 150);
      expect(await count()).toBe(3);
    });

    it("refuses a rule that names no fault or several, with the reason", async () => {
      const none = await control(bridge, "POST", { match: "insert" });
      expect(none.status).toBe(400);
      expect(none.json.error).toContain("exactly one");
      expect((await control(bridge, "POST", { match: "insert", cutAfterBytes: 1, delayMs: 5 })).status).toBe(400);
      expect((await control(bridge, "POST", { cutAfterBytes: 1 })).status).toBe(400);
      expect((await control(bridge, "GET")).json).toEqual([]);
    });
  });
}

faultSuite("fault control on the embedded bridge", () => ({ dataDir: "memory://" }));

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) faultSuite("fault control on the TCP bridge (DATABASE_URL)", () => ({ databaseUrl }));

describe("a bridge started without faults", () => {
  it("has no fault control", async () => {
    const bridge = await startBridge({ dataDir: "memory://" });
    try {
      expect((await fetch(`http://${bridge.proxy}/faults`, { method: "POST", body: "{}" })).status).toBe(404);
    } finally {
      await bridge.close();
    }
  });
});
