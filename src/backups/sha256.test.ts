import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256 } from "./sha256.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the resumable SHA-256", () => {
  it("matches a reference digest for inputs of every length around the block size", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const input = bytes("x".repeat(length));
      expect(new Sha256().update(input).hex(), `length ${length}`).toBe(createHash("sha256").update(input).digest("hex"));
    }
  });

  it("gives the same digest when the input arrives in pieces across saved states", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `{"id":${i},"name":"Zoë ${"é".repeat(i % 7)}"}\n`);
    let state = new Sha256().save();
    for (const line of lines) state = new Sha256(JSON.parse(JSON.stringify(state))).update(bytes(line)).save();
    expect(new Sha256(state).hex()).toBe(createHash("sha256").update(lines.join("")).digest("hex"));
  });
});
