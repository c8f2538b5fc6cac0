import { parse } from "csv-parse/stream";
import { AppError } from "../../platform/errors.ts";
import { sniffDelimiter, type Delimiter } from "./sniff.ts";

export type CsvRecord = {
  line: number;
  values: Record<string, string>;
  problem?: string;
  /** Where the record ends, its line break included: UTF-8 bytes from the start of the text read. */
  end: number;
};

export type CsvRecordsOptions = {
  delimiter?: Delimiter;
  /** Called once, before the first record, with the (de-duplicated) headers and the delimiter used. */
  onHeaders?: (headers: string[], delimiter: Delimiter) => void;
  /**
   * The text starts at a record boundary inside a file: it has no header line, these are the
   * file's headers, and its first record is the one after `line`.
   */
  resume?: { headers: string[]; line: number };
};

/** How far to look for the end of the header line before sniffing what has arrived. */
const SNIFF_CHARS = 64 * 1024;
/** A longer field means a quote was never closed; stop instead of buffering the rest of the file. */
const MAX_FIELD_BYTES = 1024 * 1024;

/**
 * Streams the records of CSV text as header → value objects, pulling from the stream only as fast
 * as they are consumed. The delimiter is sniffed from the first line unless given; the first record
 * supplies the headers; values are returned untrimmed. `line` is the record's 1-based number
 * counting the header as 1 (so quoted line breaks do not shift it). CRLF, quoted delimiters, line
 * breaks and doubled quotes, and blank lines are handled by csv-parse's web-stream parser; a record
 * with too few or too many values keeps the values it has for known columns and carries `problem`.
 * Stray quotes in unquoted fields are kept; a quote that never closes (or a field past 1 MiB) fails
 * with an UNPROCESSABLE AppError naming the record, so memory stays bounded. Each record says where
 * it ends, so a later run can start reading the file there (`resume`).
 */
export async function* csvRecords(text: ReadableStream<string>, options: CsvRecordsOptions = {}): AsyncGenerator<CsvRecord> {
  const { head, rest } = await readHead(text);
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  const parser = parse({ delimiter, bom: !options.resume, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_FIELD_BYTES, info: true });
  // csv-parse works on bytes, so the text is re-encoded as UTF-8, which keeps every quote and delimiter one byte.
  const records = rest.pipeThrough(new TextEncoderStream()).pipeThrough(parser).getReader() as ReadableStreamDefaultReader<ParsedRecord>;
  let headers = options.resume?.headers;
  let line = options.resume?.line ?? 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<ParsedRecord>;
      try {
        result = await records.read();
      } catch (error) {
        throw new AppError("UNPROCESSABLE", `The CSV file is malformed at record ${line + 1}.`, [
          { path: "file", message: error instanceof Error ? error.message : String(error) },
        ]);
      }
      if (result.done) return;
      line += 1;
      if (!headers) {
        headers = uniqueHeaders(result.value.record);
        options.onHeaders?.(headers, delimiter);
        continue;
      }
      yield toRecord(line, headers, result.value.record, result.value.info.bytes);
    }
  } finally {
    // Stops the upload being read when the consumer breaks off early.
    await records.cancel().catch(() => {});
  }
}

/** What csv-parse gives with `info: true`: the values and how far into the bytes the record ends. */
type ParsedRecord = { record: string[]; info: { bytes: number } };

function toRecord(line: number, headers: string[], row: string[], end: number): CsvRecord {
  const values: Record<string, string> = Object.create(null);
  headers.forEach((header, index) => {
    if (index < row.length) values[header] = row[index]!;
  });
  if (row.length === headers.length) return { line, values, end };
  return { line, values, problem: `expected ${headers.length} values, found ${row.length}`, end };
}

/** Blank headers become "Column N" and repeats "Name (2)", so every value has a key of its own. */
function uniqueHeaders(raw: string[]): string[] {
  const taken = new Set<string>();
  return raw.map((header, index) => {
    let name = header === "" ? `Column ${index + 1}` : header;
    for (let n = 2; taken.has(name); n++) name = `${header || `Column ${index + 1}`} (${n})`;
    taken.add(name);
    return name;
  });
}

/** Reads until the first line break (or 64 Ki characters) and gives back a stream that replays it. */
async function readHead(text: ReadableStream<string>): Promise<{ head: string; rest: ReadableStream<string> }> {
  const reader = text.getReader();
  let head = "";
  let done = false;
  let sawLineBreak = false;
  while (!done && !sawLineBreak && head.length < SNIFF_CHARS) {
    const result = await reader.read();
    if (result.done) done = true;
    else {
      head += result.value;
      sawLineBreak = /[\r\n]/.test(result.value);
    }
  }
  let replayed = false;
  const rest = new ReadableStream<string>({
    async pull(controller) {
      if (!replayed) {
        replayed = true;
        if (head) return controller.enqueue(head);
      }
      const result = done ? { done: true as const } : await reader.read();
      if (result.done) controller.close();
      else controller.enqueue(result.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, rest };
}
