export type CsvEncoding = "utf-8" | "gb18030";

export type DecodedCsv = {
  encoding: Promise<CsvEncoding>;
  text: ReadableStream<string>;
  /** The source bytes behind the first `textBytes` of the text read so far, or undefined when not exact. */
  sourceBytes(textBytes: number): number | undefined;
};

/** How much of the file decides between UTF-8 and GB18030. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes an uploaded CSV file as it streams in. A UTF-8 byte order mark always means UTF-8 and is
 * stripped (as in the WHATWG decode algorithm, it outranks a declared encoding); otherwise the declared
 * encoding is used, or, without one, the first 64 KiB decide: valid UTF-8 is UTF-8, anything else is
 * taken for GB18030, the superset of GBK that Chinese spreadsheet exports use. Only that sample is
 * held back; the rest is decoded chunk by chunk as the returned text stream is read. `encoding`
 * settles once the choice is made and rejects if the byte stream fails before that. `sourceBytes`
 * maps a length of the text (as UTF-8) back to the bytes it came from, where that is exact: for
 * UTF-8 without malformed sequences (each becomes a replacement character of another length).
 * `midFile` bytes start inside a file, so a byte order mark is not looked for.
 */
export function decodeCsv(bytes: ReadableStream<Uint8Array>, declared?: CsvEncoding, options: { midFile?: boolean } = {}): DecodedCsv {
  let settle!: (encoding: CsvEncoding) => void;
  let fail!: (reason: unknown) => void;
  const encoding = new Promise<CsvEncoding>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // A caller that only reads `text` sees the failure there; this keeps it from also being unhandled.
  encoding.catch(() => {});

  const reader = bytes.getReader();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let decoder: TextDecoder | undefined;
  // With a declared encoding only the three bytes of a possible BOM are held back.
  const needed = declared ? 3 : SNIFF_BYTES;

  // Text bytes equal source bytes (after the BOM) while the file is UTF-8 and nothing was replaced.
  let exact = false;
  let bomBytes = 0;

  function begin(sample: Uint8Array, complete: boolean): TextDecoder {
    const bom = !options.midFile && hasUtf8Bom(sample);
    const chosen = bom ? "utf-8" : (declared ?? detectEncoding(sample, complete));
    settle(chosen);
    exact = chosen === "utf-8";
    bomBytes = bom ? 3 : 0;
    // TextDecoder drops a leading UTF-8 BOM unless told to keep it (ignoreBOM: true).
    return new TextDecoder(chosen, { fatal: false, ignoreBOM: Boolean(options.midFile) });
  }

  function decoded(text: string): string {
    if (exact && text.includes("\uFFFD")) exact = false;
    return text;
  }

  const text = new ReadableStream<string>({
    async pull(controller) {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            decoder ??= begin(concat(head), true);
            const rest = decoded(decoder.decode(concat(head.splice(0))));
            if (rest) controller.enqueue(rest);
            controller.close();
            return;
          }
          let chunk = value;
          if (!decoder) {
            head.push(value);
            headBytes += value.byteLength;
            if (headBytes < needed) continue;
            chunk = concat(head.splice(0));
            decoder = begin(chunk, false);
          }
          const text = decoded(decoder.decode(chunk, { stream: true }));
          if (text) {
            controller.enqueue(text);
            return;
          }
        }
      } catch (error) {
        fail(error);
        throw error;
      }
    },
    async cancel(reason) {
      fail(reason);
      await reader.cancel(reason);
    },
  });
  return { encoding, text, sourceBytes: (textBytes) => (exact ? bomBytes + textBytes : undefined) };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-8 if the first 64 KiB decode strictly; a sequence cut at the sample's end is not an error. */
function detectEncoding(head: Uint8Array, complete: boolean): CsvEncoding {
  const sample = head.subarray(0, SNIFF_BYTES);
  try {
    // `stream: true` keeps an incomplete trailing sequence pending instead of rejecting it,
    // unless the sample is the whole file, where a truncated sequence really is invalid.
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(sample, { stream: !complete || sample.length < head.length });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
