import { afterAll, describe, expect, it } from "vitest";
import { ReadyCounter, ServerPool } from "./server-pool.ts";

/** A server message: type byte, length (itself included), body. */
function message(type: string, body: Uint8Array = new Uint8Array()): Uint8Array {
  const bytes = new Uint8Array(5 + body.length);
  bytes[0] = type.charCodeAt(0);
  new DataView(bytes.buffer).setInt32(1, 4 + body.length);
  bytes.set(body, 5);
  return bytes;
}

const stream = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe("ReadyCounter", () => {
  // RowDescription-like, a DataRow whose body holds a 'Z' byte, CommandComplete, ReadyForQuery.
  const answer = stream(message("T", new Uint8Array(40)), message("D", new Uint8Array([0x5a, 0x5a, 0, 0, 0, 9])), message("C", new Uint8Array(7)), message("Z", new Uint8Array([0x49])));

  it("counts ReadyForQuery messages, not 'Z' bytes inside other messages", () => {
    const counter = new ReadyCounter();
    counter.push(stream(answer, answer));
    expect(counter.count).toBe(2);
  });

  it("counts the same however the stream is cut into chunks, headers split included", () => {
    const whole = stream(answer, answer, answer);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const counter = new ReadyCounter();
      for (let at = 0; at < whole.length; at += size) counter.push(whole.subarray(at, at + size));
      expect(counter.count, `chunks of ${size}`).toBe(3);
    }
  });
});

/** A protocol 3.0 startup message for the user and database of a connection string. */
function startupMessage(databaseUrl: string): Uint8Array {
  const url = new URL(databaseUrl);
  const params = Buffer.from(`user\0${decodeURIComponent(url.username)}\0database\0${url.pathname.slice(1)}\0\0`);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

const databaseUrl = process.env.DATABASE_URL;

describe.runIf(databaseUrl)("ServerPool on a real server (DATABASE_URL)", () => {
  const url = new URL(databaseUrl ?? "postgres://localhost");
  const pool = new ServerPool({ target: { host: url.hostname, port: Number(url.port || 5432) } });
  afterAll(() => pool.close());

  it("gives a connection still being reset to the client asking for one, not a new connection", async () => {
    const startup = startupMessage(databaseUrl!);
    const first = await pool.acquire(startup);
    expect(first.reusable).toBe(true);
    pool.release(first);
    // Asked for at once: the reset (a round trip to the server) has not finished yet.
    const second = await pool.acquire(startup);
    expect(second.socket).toBe(first.socket);
    pool.release(second);
  });
});
