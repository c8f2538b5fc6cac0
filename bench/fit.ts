import { fitGammaGamma, fitGroupedBgNbd, groupHistories, type BgNbdParams, type PurchaseHistory, type WeightedHistory } from "../src/analytics/index.ts";
import { createRng } from "../src/analytics/random.ts";
import { simulateBgNbd, simulateGammaGamma } from "../src/analytics/simulate.ts";
import { writeReport, summarise, type Row } from "./lib/report.ts";
import { PURCHASES, SPEND } from "./lib/tenant-data/generate.ts";

const SIZES = (process.env.BENCH_FIT_CUSTOMERS ?? "10000,100000,1000000").split(",").map(Number);
const REPETITIONS = 3;

/**
 * Two populations, in weeks (the time unit segmentation runs fit in): the generator's own, where
 * nearly everyone buys again, and one with the parameters Fader, Hardie and Lee published for
 * CDNOW, where most customers buy once, so many share a history.
 */
const POPULATIONS: Array<{ name: string; params: BgNbdParams }> = [
  { name: "generator", params: { ...PURCHASES, alpha: PURCHASES.alpha / 7 } },
  { name: "CDNOW-like", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
];

function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function repeat<T>(times: number, work: () => T): { value: T; median: number; spread: string } {
  const runs = Array.from({ length: times }, () => timed(work));
  const { median, spread } = summarise(runs.map((run) => run.seconds));
  return { value: runs[0]!.value, median, spread: `${spread} s` };
}

/**
 * BG/NBD and Gamma-Gamma fit time against the number of customers. Histories are simulated
 * from the generator's own parameters with ages of one to three years and dates at day
 * resolution, as a tenant's orders give them. Ours groups identical (x, t_x, T) triples and fits
 * one term per distinct triple; the reference is the same optimiser over one term per customer.
 */
export async function run(): Promise<string> {
  const rows: Row[] = [];
  const notes: string[] = [];
  let gammaGammaBase: { customers: number; seconds: number } | undefined;
  for (const customers of SIZES) {
    let histories: PurchaseHistory[] = [];
    for (const population of POPULATIONS) {
      const rng = createRng(customers);
      const ages = Array.from({ length: customers }, () => Math.floor(365 + rng() * 730) / 7);
      const simulated = simulateBgNbd(population.params, ages, rng, { resolution: 1 / 7 });
      if (population === POPULATIONS[0]) histories = simulated;
      const grouped = repeat(customers >= 1_000_000 ? 1 : REPETITIONS, () => {
        const triples = groupHistories(simulated);
        return { triples, fit: fitGroupedBgNbd(triples, { timeUnit: "week" }) };
      });
      const { triples, fit } = grouped.value;
      if (fit.status !== "ok") throw new Error(`the grouped BG/NBD fit of the ${population.name} population at ${customers} customers did not converge: ${fit.status}`);
      const fitted = Object.entries(fit.params).map(([name, value]) => `${name} ${value.toFixed(3)}`).join(", ");
      const truth = Object.entries(population.params).map(([name, value]) => `${name} ${value.toFixed(3)}`).join(", ");
      notes.push(`${population.name}, ${customers.toLocaleString("en")} customers (${((100 * simulated.filter((h) => h.x === 0).length) / customers).toFixed(0)}% buy once): ${triples.length.toLocaleString("en")} distinct (x, t_x, T) triples; fitted ${fitted} (true ${truth}) in ${fit.iterations} iterations.`);
      const ungrouped: WeightedHistory[] = simulated.map((h) => ({ ...h, weight: 1 }));
      const reference = repeat(customers >= 1_000_000 ? 1 : REPETITIONS, () => fitGroupedBgNbd(ungrouped, { timeUnit: "week" }));
      rows.push({
        measure: `BG/NBD fit, ${population.name} population, ${customers.toLocaleString("en")} customers (ours: group then fit ${triples.length.toLocaleString("en")} triples, ${(triples.length / customers).toFixed(2)} of the customers; reference: one term per customer)`,
        ours: grouped.median,
        reference: reference.median,
        unit: "s",
        spread: grouped.spread,
        goal: "cost follows distinct triples (ratio ≈ triples / customers)",
      });
    }

    const spenders = simulateGammaGamma(SPEND, histories.filter((h) => h.x > 0).map((h) => h.x), createRng(customers + 1));
    const gammaGamma = repeat(REPETITIONS, () => fitGammaGamma(spenders));
    if (gammaGamma.value.status !== "ok") throw new Error(`the Gamma-Gamma fit at ${customers} customers did not converge: ${gammaGamma.value.status}`);
    gammaGammaBase ??= { customers, seconds: gammaGamma.median };
    rows.push({
      measure: `Gamma-Gamma fit, ${customers.toLocaleString("en")} customers (${spenders.length.toLocaleString("en")} repeat buyers; reference: the smallest size's time scaled linearly)`,
      ours: gammaGamma.median,
      reference: (gammaGammaBase.seconds * customers) / gammaGammaBase.customers,
      unit: "s",
      spread: gammaGamma.spread,
      goal: "linear in repeat buyers (ratio ≤ 1)",
    });
  }
  return writeReport(
    "fit",
    "BG/NBD and Gamma-Gamma fit time vs number of customers",
    [
      `Pure fits in Node (src/analytics), ${REPETITIONS} repetitions each (median, spread min..max), one at 1,000,000 customers. \`BENCH_FIT_CUSTOMERS\` sets the sizes.`,
      ...notes,
    ],
    rows,
    "no database",
  );
}
