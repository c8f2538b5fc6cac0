import { describe, expect, it } from "vitest";
import { decodeCsv } from "./decode.ts";

function streamOf(bytes: Uint8Array, chunkSize = bytes.length || 1): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

async function readText(text: ReadableStream<string>): Promise<string> {
  let out = "";
  for await (const chunk of text) out += chunk;
  return out;
}

const hex = (digits: string) => Uint8Array.from(digits.replace(/\s/g, "").match(/../g)!, (pair) => parseInt(pair, 16));
const ascii = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
  return out;
};

// "姓名,邮箱\n张三,zhang@example.com\n" as a Chinese Excel saves it: 姓 d0d5 名 c3fb 邮 d3ca 箱 cfe4 张 d5c5 三 c8fd.
const GB_TEXT = "姓名,邮箱\n张三,zhang@example.com\n";
const GB_BYTES = join(hex("d0d5 c3fb 2c d3ca cfe4 0a d5c5 c8fd 2c"), ascii("zhang@example.com\n"));

describe("decodeCsv", () => {
  it("reads UTF-8 without a byte order mark", async () => {
    const { encoding, text } = decodeCsv(streamOf(ascii("name,email\nZoë,zoe@example.com\n")));
    expect(await readText(text)).toBe("name,email\nZoë,zoe@example.com\n");
    expect(await encoding).toBe("utf-8");
  });

  it("strips a UTF-8 byte order mark", async () => {
    const { encoding, text } = decodeCsv(streamOf(join(hex("efbbbf"), ascii("姓名,邮箱\n"))));
    expect(await readText(text)).toBe("姓名,邮箱\n");
    expect(await encoding).toBe("utf-8");
  });

  it("detects GB18030 when the bytes are not valid UTF-8", async () => {
    expect(new TextDecoder("gb18030").decode(GB_BYTES)).toBe(GB_TEXT);
    const { encoding, text } = decodeCsv(streamOf(GB_BYTES));
    expect(await readText(text)).toBe(GB_TEXT);
    expect(await encoding).toBe("gb18030");
  });

  it("keeps multi-byte characters whole when they arrive one byte at a time", async () => {
    expect(await readText(decodeCsv(streamOf(GB_BYTES, 1)).text)).toBe(GB_TEXT);
    expect(await readText(decodeCsv(streamOf(ascii("名字,€,😀\n"), 1)).text)).toBe("名字,€,😀\n");
  });

  it("does not mistake a UTF-8 character cut by the 64 KiB sample for invalid bytes", async () => {
    const bytes = join(ascii("a".repeat(64 * 1024 - 1)), ascii("é\n"));
    const { encoding, text } = decodeCsv(streamOf(bytes, 4096));
    expect((await readText(text)).endsWith("aé\n")).toBe(true);
    expect(await encoding).toBe("utf-8");
  });

  it("uses a declared encoding instead of detecting one", async () => {
    // c3a9 is "é" in UTF-8 and "茅" in GB18030.
    const asGb = decodeCsv(streamOf(hex("c3a9")), "gb18030");
    expect(await readText(asGb.text)).toBe("茅");
    expect(await asGb.encoding).toBe("gb18030");
    const asUtf8 = decodeCsv(streamOf(GB_BYTES), "utf-8");
    expect(await readText(asUtf8.text)).toContain("\uFFFD");
    expect(await asUtf8.encoding).toBe("utf-8");
  });

  it("lets a UTF-8 byte order mark outrank a declared GB18030", async () => {
    const { encoding, text } = decodeCsv(streamOf(join(hex("efbbbf"), ascii("é"))), "gb18030");
    expect(await readText(text)).toBe("é");
    expect(await encoding).toBe("utf-8");
  });

  it("reads an empty file as empty UTF-8 text", async () => {
    const { encoding, text } = decodeCsv(streamOf(new Uint8Array()));
    expect(await readText(text)).toBe("");
    expect(await encoding).toBe("utf-8");
  });

  it("pulls only the detection sample before the first text arrives", async () => {
    let pulled = 0;
    const chunk = ascii("x".repeat(1023) + "\n");
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const reader = decodeCsv(endless).text.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(pulled).toBeLessThan(80 * 1024);
    await reader.cancel();
  });

  it("fails both the text and the encoding when the upload fails", async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const { encoding, text } = decodeCsv(broken);
    await expect(readText(text)).rejects.toThrow("connection reset");
    await expect(encoding).rejects.toThrow("connection reset");
  });

  it("maps text bytes back to file bytes for UTF-8, past a byte order mark", async () => {
    const plain = decodeCsv(streamOf(ascii("a,b\nZoë,1\n"), 4));
    await readText(plain.text);
    expect(plain.sourceBytes(4)).toBe(4);
    const marked = decodeCsv(streamOf(join(hex("efbbbf"), ascii("a,b\nZoë,1\n")), 4));
    await readText(marked.text);
    expect(marked.sourceBytes(4)).toBe(7);
  });

  it("cannot map text bytes back for GB18030, or once a malformed sequence was replaced", async () => {
    const gb = decodeCsv(streamOf(GB_BYTES));
    await readText(gb.text);
    expect(gb.sourceBytes(4)).toBeUndefined();
    const broken = decodeCsv(streamOf(join(ascii("a,b\n"), hex("ff"), ascii(",1\n"))), "utf-8");
    expect(await readText(broken.text)).toBe("a,b\n\uFFFD,1\n");
    expect(broken.sourceBytes(4)).toBeUndefined();
  });

  it("keeps a leading U+FEFF of bytes read from inside a file, where it is data", async () => {
    const { text, sourceBytes } = decodeCsv(streamOf(join(hex("efbbbf"), ascii("x,1\n"))), "utf-8", { midFile: true });
    expect(await readText(text)).toBe("\uFEFFx,1\n");
    expect(sourceBytes(7)).toBe(7);
  });
});
