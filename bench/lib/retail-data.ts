import { createWriteStream } from "node:fs";
import { once } from "node:events";

/** A small seeded generator (mulberry32): the same seed gives the same data on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ["United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Australia"];
const PRODUCTS = Array.from({ length: 400 }, (_, i) => ({
  sku: String(20000 + i * 7),
  title: `GIFT ITEM ${i} ${["RED", "BLUE", "IVORY", "VINTAGE", "HEART"][i % 5]}`,
  pence: 29 + ((i * 137) % 1500),
}));
const START = Date.UTC(2010, 11, 1);
const SPAN_MINUTES = 374 * 24 * 60;

/**
 * Writes `rows` lines shaped like the UCI Online Retail file: invoices of 1–20 lines, repeat
 * customers drawn from a heavy-tailed distribution (a few buy often, most once or twice), a
 * quarter of lines without a customer, about 2% cancellations with negative quantities.
 */
export async function writeRetailCsv(path: string, rows: number, seed = 352): Promise<void> {
  const next = random(seed);
  const customers = Math.max(10, Math.round(rows / 11));
  const out = createWriteStream(path);
  out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
  let written = 0;
  let invoice = 536365;
  while (written < rows) {
    const lines = 1 + Math.floor(next() * 20);
    const cancelled = next() < 0.02;
    const guest = next() < 0.25;
    const customer = 12346 + Math.floor(customers * next() ** 2.5);
    const when = new Date(START + Math.floor(next() * SPAN_MINUTES) * 60_000).toISOString().slice(0, 16).replace("T", " ");
    const country = COUNTRIES[customer % COUNTRIES.length]!;
    let chunk = "";
    for (let line = 0; line < lines && written < rows; line++, written++) {
      const product = PRODUCTS[Math.floor(next() * PRODUCTS.length)]!;
      const quantity = (1 + Math.floor(next() ** 3 * 48)) * (cancelled ? -1 : 1);
      const price = (product.pence / 100).toFixed(2);
      chunk += `${cancelled ? "C" : ""}${invoice},${product.sku},${product.title},${quantity},${when}:00,${price},${guest ? "" : customer},${country}\n`;
    }
    invoice++;
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
