import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

export type Row = {
  measure: string;
  ours: number;
  reference: number;
  unit: string;
  spread: string;
  goal: string;
};

export const RESULTS_DIR = new URL("../results/", import.meta.url).pathname;

/** The median of a sample and its spread (min..max) as text. */
export function summarise(samples: number[]): { median: number; spread: string } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, spread: `${round(sorted[0]!)}..${round(sorted.at(-1)!)}` };
}

export function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Writes `bench/results/<name>.md`: the machine, then one table row per measure. */
export function writeReport(name: string, title: string, notes: string[], rows: Row[], postgresVersion: string): string {
  const machine = [
    `- cores: ${cpus().length}; memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; ${postgresVersion}`,
    `- date: ${new Date().toISOString()}; commit: ${gitCommit()}`,
    `- load average when written (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(", ")}`,
  ];
  const table = [
    "| measure | ours | reference | ratio ours/reference | unit | ours spread | goal |",
    "|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.measure} | ${round(r.ours)} | ${round(r.reference)} | ${ratio(r.ours / r.reference)} | ${r.unit} | ${r.spread} | ${r.goal} |`),
  ];
  const text = [`# ${title}`, "", ...machine, "", ...notes, "", ...table, ""].join("\n");
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name}.md`;
  writeFileSync(path, text);
  return text;
}

/** Two decimals, or two significant digits for ratios below 0.1, so a small ratio never reads 0.00. */
function ratio(value: number): string {
  return Math.abs(value) >= 0.1 || value === 0 || !Number.isFinite(value) ? value.toFixed(2) : value.toPrecision(2);
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}
