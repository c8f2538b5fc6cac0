import type { BgNbdParams } from "../../../src/analytics/bg-nbd.ts";
import type { GammaGammaParams } from "../../../src/analytics/gamma-gamma.ts";
import { createRng, sampleBeta, sampleExponential, sampleGamma, type Rng } from "../../../src/analytics/random.ts";
import { sampleEmail, samplePhone } from "./contact.ts";
import { samplePerson, type Country } from "./names.ts";

/** How customers buy, per day: BG/NBD with these parameters gives about ten orders a customer over the window. */
export const PURCHASES: BgNbdParams = { r: 1.2, alpha: 38, a: 1.4, b: 13 };
/** What an order is worth (pounds): Gamma-Gamma, so spend is heavy-tailed across customers. */
export const SPEND: GammaGammaParams = { p: 4, q: 3.5, v: 22 };
/** Customers join over the first two years of a three-year window ending on END. */
export const WINDOW_DAYS = 1095;
const JOIN_DAYS = 730;
const END = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

const CATEGORIES = ["Home", "Kitchen", "Garden", "Toys", "Stationery", "Lighting", "Gifts", "Textiles", "Party", "Bath"];
const CATALOGUE = Array.from({ length: 500 }, (_, i) => ({
  sku: `SKU-${String(10_000 + i)}`,
  title: `${CATEGORIES[i % CATEGORIES.length]} item ${i}`,
  priceMinor: 95 + ((i * 7919) % 4900),
}));

export type GeneratedLine = { sku: string; title: string; quantity: number; unitPriceMinor: number };
export type GeneratedOrder = { id: string; orderedAt: Date; totalMinor: number; lines: GeneratedLine[] };
export type GeneratedCustomer = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  country: Country;
  createdAt: Date;
  orders: GeneratedOrder[];
};

/** A random (version 4 layout) UUID from the seeded generator, so ids repeat with the seed. */
function uuidOf(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => Math.floor(rng() * 2 ** 32).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(rng() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The days after joining on which a customer orders: the first at once, repeats as BG/NBD tells. */
function orderDays(rng: Rng, age: number): number[] {
  const lambda = sampleGamma(rng, PURCHASES.r, PURCHASES.alpha);
  const p = sampleBeta(rng, PURCHASES.a, PURCHASES.b);
  const days = [0];
  for (let t = sampleExponential(rng, lambda); t <= age; t += sampleExponential(rng, lambda)) {
    days.push(t);
    if (rng() < p) break;
  }
  return days;
}

/** One order worth about `pounds`, of one to four lines from a catalogue with skewed popularity. */
function orderOf(rng: Rng, at: number, pounds: number): GeneratedOrder {
  const count = 1 + Math.floor(rng() ** 2 * 4);
  const lines = Array.from({ length: count }, () => {
    const product = CATALOGUE[Math.floor(CATALOGUE.length * rng() ** 3)]!;
    const quantity = Math.max(1, Math.round((pounds * 100) / count / product.priceMinor));
    return { sku: product.sku, title: product.title, quantity, unitPriceMinor: product.priceMinor };
  });
  const totalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  return { id: uuidOf(rng), orderedAt: new Date(at), totalMinor, lines };
}

/**
 * A tenant's customers with their orders, the same for the same seed on every machine: Chinese
 * and Western names, emails and phones of which DIRTY_SHARE are written carelessly, purchase
 * times from a BG/NBD process and order values from Gamma-Gamma (heavy-tailed spend).
 */
export function* generateCustomers(count: number, seed = 20261204): Generator<GeneratedCustomer> {
  const rng = createRng(seed);
  for (let n = 0; n < count; n++) {
    const person = samplePerson(rng);
    const joined = END - WINDOW_DAYS * DAY_MS + Math.floor(rng() * JOIN_DAYS * DAY_MS);
    const age = (END - joined) / DAY_MS;
    const nu = sampleGamma(rng, SPEND.q, SPEND.v);
    const orders = orderDays(rng, age).map((day) => orderOf(rng, joined + day * DAY_MS, sampleGamma(rng, SPEND.p, nu)));
    yield {
      id: uuidOf(rng),
      name: person.name,
      email: sampleEmail(rng, person, n),
      phone: samplePhone(rng, person),
      country: person.country,
      createdAt: new Date(joined),
      orders,
    };
  }
}
