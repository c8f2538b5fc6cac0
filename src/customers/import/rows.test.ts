import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { decodeCsv } from "./decode.ts";
import { csvRecords, type CsvRecord } from "./rows.ts";
import type { Delimiter } from "./sniff.ts";

/** A deterministic generator, so a failing chunk layout can be reproduced. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Streams text in chunks of 1..maxChunk characters, produced only when the reader pulls. */
function textStream(text: string, maxChunk = 1, seed = 7): ReadableStream<string> & { pulled: () => number } {
  const next = random(seed);
  let offset = 0;
  const stream = new ReadableStream<string>(
    {
      pull(controller) {
        if (offset >= text.length) return controller.close();
        const size = 1 + Math.floor(next() * maxChunk);
        controller.enqueue(text.slice(offset, offset + size));
        offset += size;
      },
    },
    { highWaterMark: 0 },
  );
  return Object.assign(stream, { pulled: () => offset });
}

/** The records without where each ends, which the tests of offsets check on their own. */
async function collect(text: ReadableStream<string>, delimiter?: Delimiter): Promise<Array<Omit<CsvRecord, "end">>> {
  const records: Array<Omit<CsvRecord, "end">> = [];
  for await (const { end: _end, ...record } of csvRecords(text, { delimiter })) records.push(record);
  return records;
}

describe("csvRecords", () => {
  it("streams 100,000 records arriving in small random chunks", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i},cust${i}@example.com,"Shop ${i}, Ltd","say ""hi""\nline ${i}"`);
    const text = `id,email,company,note\r\n${rows.join("\r\n")}\r\n`;
    let count = 0;
    for await (const record of csvRecords(textStream(text, 64))) {
      count += 1;
      const i = count - 1;
      if (record.line !== i + 2) throw new Error(`record ${i} has line ${record.line}`);
      if (record.values.company !== `Shop ${i}, Ltd` || record.values.note !== `say "hi"\nline ${i}`) {
        throw new Error(`record ${i} is ${JSON.stringify(record.values)}`);
      }
    }
    expect(count).toBe(100_000);
  });

  it("reads only as far as the consumer has got", async () => {
    const text = `a,b\n${"1,2\n".repeat(200_000)}`;
    const source = textStream(text, 256);
    for await (const record of csvRecords(source)) {
      if (record.line === 10) break;
    }
    expect(source.pulled()).toBeLessThan(text.length / 10);
  });

  it("keeps quoted delimiters, line breaks and doubled quotes, untrimmed", async () => {
    const text = 'name,notes\n" Ann ","a, b; c\r\nsecond ""line"""\n';
    expect(await collect(textStream(text))).toEqual([{ line: 2, values: { name: " Ann ", notes: 'a, b; c\r\nsecond "line"' } }]);
  });

  it("sniffs semicolon and tab files, or takes the delimiter it is given", async () => {
    expect(await collect(textStream('Name;Betrag\n"Müller; GmbH";1,50\n'))).toEqual([{ line: 2, values: { Name: "Müller; GmbH", Betrag: "1,50" } }]);
    expect(await collect(textStream("姓名\t手机\n张三\t13800138000\n"))).toEqual([{ line: 2, values: { 姓名: "张三", 手机: "13800138000" } }]);
    expect(await collect(textStream("a;b\n1;2\n"), ",")).toEqual([{ line: 2, values: { "a;b": "1;2" } }]);
  });

  it("tolerates CRLF, a byte order mark, blank lines and a missing final newline", async () => {
    const text = "\uFEFFemail,phone\r\nx@example.com,1\r\n\r\ny@example.com,2\r\n\r\n\r\n";
    expect(await collect(textStream(text, 3))).toEqual([
      { line: 2, values: { email: "x@example.com", phone: "1" } },
      { line: 3, values: { email: "y@example.com", phone: "2" } },
    ]);
    expect(await collect(textStream("a,b\n1,2"))).toEqual([{ line: 2, values: { a: "1", b: "2" } }]);
  });

  it("keeps what a ragged record has and says what is wrong", async () => {
    expect(await collect(textStream("a,b,c\n1,2\n1,2,3,4\n"))).toEqual([
      { line: 2, values: { a: "1", b: "2" }, problem: "expected 3 values, found 2" },
      { line: 3, values: { a: "1", b: "2", c: "3" }, problem: "expected 3 values, found 4" },
    ]);
  });

  it("gives blank and repeated headers names of their own", async () => {
    let seen: string[] = [];
    const records = csvRecords(textStream("Phone,,Phone\n1,2,3\n"), { onHeaders: (headers) => (seen = headers) });
    for await (const record of records) expect(record.values).toEqual({ Phone: "1", "Column 2": "2", "Phone (2)": "3" });
    expect(seen).toEqual(["Phone", "Column 2", "Phone (2)"]);
  });

  it("yields nothing for an empty or header-only file", async () => {
    expect(await collect(textStream(""))).toEqual([]);
    expect(await collect(textStream("a,b\r\n"))).toEqual([]);
  });

  it("accepts stray quotes inside unquoted fields, as spreadsheets write them", async () => {
    expect(await collect(textStream('item,size\n5" screen,"a"b\n'))).toEqual([{ line: 2, values: { item: '5" screen', size: '"a"b' } }]);
  });

  it("fails a file whose quote never closes with the record it stopped at", async () => {
    const error = await collect(textStream('a,b\n1,2\n3,"x\n4,5\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNPROCESSABLE");
    expect((error as AppError).message).toBe("The CSV file is malformed at record 3.");
    expect((error as AppError).issues[0]?.message).toMatch(/Quote Not Closed/);
  });

  it("stops at a runaway field instead of buffering the rest of the file", async () => {
    const error = await collect(textStream(`a,b\n1,"${"x,y\n".repeat(400_000)}`, 4096)).catch((e: unknown) => e);
    expect((error as AppError).issues[0]?.message).toMatch(/Max Record Size/);
  });

  it("reads the UCI Online Retail sample through decodeCsv", async () => {
    const lines = readFileSync(new URL("../../../../shared/data/online-retail-sample.csv", import.meta.url), "utf8").split("\n").slice(0, 200);
    const bytes = new TextEncoder().encode(`${lines.join("\n")}\n`);
    const { text, encoding } = decodeCsv(new Blob([bytes]).stream());
    const records = await collect(text);
    expect(await encoding).toBe("utf-8");
    expect(records).toHaveLength(199);
    expect(records[0]).toEqual({
      line: 2,
      values: {
        InvoiceNo: "573415", StockCode: "21166", Description: "COOK WITH WINE METAL SIGN ", Quantity: "1",
        InvoiceDate: "2011-10-30 16:17:00", UnitPrice: "2.08", CustomerID: "13607", Country: "United Kingdom",
      },
    });
    expect(records.every((record) => record.problem === undefined && Object.keys(record.values).length === 8)).toBe(true);
    expect(records.at(-1)?.line).toBe(200);
  });

  it("says where each record ends, in UTF-8 bytes, line break and quoted line breaks included", async () => {
    const text = 'name,note\r\nZoë,"a\r\nb"\r\n\r\n张三,"x"\n';
    const ends: number[] = [];
    for await (const record of csvRecords(textStream(text, 3))) ends.push(record.end);
    const bytes = (prefix: string) => new TextEncoder().encode(prefix).length;
    expect(ends).toEqual([bytes('name,note\r\nZoë,"a\r\nb"\r\n'), bytes(text)]);
  });

  it("resumes at any record's end with the same records, numbered as before", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? `${i},"Shop ${i}, ""Ltd""\nfloor ${i}",x` : i % 11 === 0 ? `${i},short` : `${i},Café ${i},y`));
    const text = `id,name,flag\r\n${rows.join("\r\n")}\r\n\r\n`;
    const bytes = new TextEncoder().encode(text);
    const whole: CsvRecord[] = [];
    let headers: string[] = [];
    for await (const record of csvRecords(textStream(text, 50), { onHeaders: (found) => (headers = found) })) whole.push(record);
    for (const cut of [0, 1, 6, 7, 150, 298, 299]) {
      const from = whole[cut]!.end;
      const rest = new TextDecoder().decode(bytes.subarray(from));
      const resumed: CsvRecord[] = [];
      for await (const record of csvRecords(textStream(rest, 50), { delimiter: ",", resume: { headers, line: whole[cut]!.line } })) {
        resumed.push({ ...record, end: from + record.end });
      }
      expect(resumed).toEqual(whole.slice(cut + 1));
    }
  });
});
