import { describe, expect, it } from "vitest";
import { FrameReader } from "./wire-frames.ts";

/** The frames a PostgreSQL client sends, built byte by byte as the protocol defines them. */

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

/** A startup message: length, protocol version, then NUL-terminated key/value pairs. */
function startup(params: Record<string, string>, version = PROTOCOL_3): Buffer {
  const pairs = Object.entries(params).flatMap(([key, value]) => [key, value]);
  const body = Buffer.from(pairs.map((s) => `${s}\0`).join("") + "\0");
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(version, 4);
  return Buffer.concat([head, body]);
}

/** An 8-byte request with no type byte: SSL request or (with 8 more bytes) cancel request. */
function request(code: number, extra = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + extra.length, 0);
  head.writeInt32BE(code, 4);
  return Buffer.concat([head, extra]);
}

/** A regular message: type byte, then a length that counts itself but not the type byte. */
function message(type: string, body: string | Buffer = Buffer.alloc(0)): Buffer {
  const payload = typeof body === "string" ? Buffer.from(`${body}\0`) : body;
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(4 + payload.length, 1);
  return Buffer.concat([head, payload]);
}

const bytesOf = (frames: ReturnType<FrameReader["push"]>) =>
  frames.map((frame) => (frame.kind === "message" ? Buffer.from(frame.bytes) : frame.kind));

describe("FrameReader", () => {
  it("reads the startup message as the first frame", () => {
    const hello = startup({ user: "postgres", database: "postgres" });
    expect(bytesOf(new FrameReader().push(hello))).toEqual([hello]);
  });

  it("answers an 8-byte SSL request as kind ssl-request, then reads the startup after it", () => {
    const reader = new FrameReader();
    const ssl = request(SSL_REQUEST);
    expect(ssl.length).toBe(8);
    expect(reader.push(ssl)).toEqual([{ kind: "ssl-request", bytes: new Uint8Array(ssl) }]);

    const hello = startup({ user: "postgres" });
    expect(bytesOf(reader.push(hello))).toEqual([hello]);
  });

  it("reads a cancel request as kind cancel, with its process id and secret key", () => {
    const cancel = request(CANCEL_REQUEST, Buffer.from([0, 0, 0, 42, 1, 2, 3, 4]));
    expect(new FrameReader().push(cancel)).toEqual([{ kind: "cancel", bytes: new Uint8Array(cancel) }]);
  });

  it("joins a frame of many chunks into the bytes that were sent", () => {
    const reader = new FrameReader();
    reader.push(startup({ user: "postgres" }));
    const bind = message("B", Buffer.alloc(1_000_000, 7));
    const frames = [];
    for (let at = 0; at < bind.length; at += 1000) frames.push(...reader.push(bind.subarray(at, at + 1000)));
    expect(frames).toHaveLength(1);
    expect(Buffer.from(frames[0]!.bytes).equals(bind)).toBe(true);
  });

  it("reads typed messages once the session has started", () => {
    const reader = new FrameReader();
    reader.push(startup({ user: "postgres" }));
    const query = message("Q", "select 1");
    const terminate = message("X");
    expect(bytesOf(reader.push(query))).toEqual([query]);
    expect(bytesOf(reader.push(terminate))).toEqual([terminate]);
  });

  it("waits for the rest of a message split across chunks", () => {
    const reader = new FrameReader();
    const hello = startup({ user: "postgres" });
    expect(reader.push(hello.subarray(0, 3))).toEqual([]); // not even the length yet
    expect(reader.push(hello.subarray(3, 10))).toEqual([]); // length known, body incomplete
    expect(bytesOf(reader.push(hello.subarray(10)))).toEqual([hello]);

    const query = message("Q", "select 'a fairly long statement'");
    expect(reader.push(query.subarray(0, 1))).toEqual([]); // type byte only
    expect(reader.push(query.subarray(1, 7))).toEqual([]);
    expect(bytesOf(reader.push(query.subarray(7)))).toEqual([query]);
  });

  it("returns every frame when several arrive in one chunk", () => {
    const hello = startup({ user: "postgres" });
    const parse = message("P", Buffer.from("\0select $1\0\0\0", "latin1"));
    const sync = message("S");
    const query = message("Q", "select 2");
    const chunk = Buffer.concat([hello, parse, sync, query]);
    expect(bytesOf(new FrameReader().push(chunk))).toEqual([hello, parse, sync, query]);
  });

  it("keeps a trailing partial message for the next chunk", () => {
    const reader = new FrameReader();
    const hello = startup({ user: "postgres" });
    const query = message("Q", "select 3");
    expect(bytesOf(reader.push(Buffer.concat([hello, query.subarray(0, 4)])))).toEqual([hello]);
    expect(bytesOf(reader.push(query.subarray(4)))).toEqual([query]);
  });

  it("delivers byte-at-a-time input as the same frames", () => {
    const reader = new FrameReader();
    const stream = Buffer.concat([request(SSL_REQUEST), startup({ user: "u" }), message("Q", "select 4")]);
    const frames = [...stream].flatMap((byte) => reader.push(Uint8Array.of(byte)));
    expect(bytesOf(frames)).toEqual(["ssl-request", startup({ user: "u" }), message("Q", "select 4")]);
  });

  it("throws on an unsupported protocol version", () => {
    const protocol2 = startup({ user: "postgres" }, 2 << 16);
    expect(() => new FrameReader().push(protocol2)).toThrow(/unsupported protocol version 131072/);
  });
});

describe("FrameReader on malformed lengths", () => {
  it("rejects a startup length below the minimum instead of looping", () => {
    const frame = Buffer.alloc(8);
    frame.writeInt32BE(0, 0);
    frame.writeInt32BE(80877103, 4);
    expect(() => new FrameReader().push(frame)).toThrow(/invalid startup frame length/);
  });

  it("rejects a message length below four", () => {
    const reader = new FrameReader();
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8, 0);
    startup.writeInt32BE(196608, 4);
    reader.push(startup);
    expect(() => reader.push(Buffer.from([0x51, 0xff, 0xff, 0xff, 0xff]))).toThrow(/invalid message length/);
  });
});
