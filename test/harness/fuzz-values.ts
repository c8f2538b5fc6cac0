import fc from "fast-check";

/** A value nested `depth` arrays deep: parsers and validators must refuse it without recursing forever. */
function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

/** Strings that have broken services before: injections, control and lone surrogate characters, odd dates. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE customers; --",
    "\" OR 1=1 --",
    "<script>alert(1)</script>",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uDFFF\uD800",
    "\u202Eevil",
    "${7*7}{{7*7}}",
    "../../../../etc/passwd",
    "0000-00-00",
    "+275760-09-13T00:00:00.001Z",
    "-271821-04-20T00:00:00Z",
    "2026-02-30",
    "9007199254740993",
    "1e309",
    "NaN",
    "-0",
    "",
    " ",
    "null",
    "%00%ff",
    "😀".repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constant("x".repeat(300_000)),
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 5e-324, -1, 0, 0.5, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value a client could send in place of the right one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(deeplyNested(2000)),
  fc.array(hostileString, { maxLength: 5 }),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.dictionary(hostileString, hostileString, { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Bodies that are not JSON at all, or not UTF-8, sent as JSON. */
export const brokenBody = fc.constantFrom(
  new Uint8Array([0xff, 0xfe, 0xfd, 0x00]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  new TextEncoder().encode("{\"unterminated\": "),
  new TextEncoder().encode("[".repeat(100_000)),
  new TextEncoder().encode("{\"a\": 1, \"a\": 2, \"__proto__\": {\"admin\": true}}"),
);

export const QUERY_KEYS = ["cursor", "limit", "q", "status", "from", "to", "sort", "tag", "lang", "segment"];
