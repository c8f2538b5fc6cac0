import { describe, expect, it } from "vitest";
import { ReadyCounter } from "./server-pool.ts";

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
