/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. Each writes its table
 * to bench/results/<name>.md and prints it. `BENCH_LARGE=1` adds the 1M-customer sizes.
 */
const benchmarks: Record<string, () => Promise<{ run(): Promise<string> }>> = {
  "insert-rate": () => import("./insert-rate.ts"),
  "login-timing": () => import("./login-timing.ts"),
  "import-rate": () => import("./import-rate.ts"),
  "webhook-receive": () => import("./webhook-receive.ts"),
  "api-read": () => import("./api-read.ts"),
  widget: () => import("./widget.ts"),
  dashboard: () => import("./dashboard.ts"),
  load: () => import("./load.ts"),
  backup: () => import("./backup.ts"),
  segmentation: () => import("./segmentation.ts"),
  fit: () => import("./fit.ts"),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}`);
  process.exit(2);
}
// The whole suite keeps inside half an hour: its soak is three minutes unless told otherwise;
// `npm run bench -- load` alone soaks for the full ten.
if (!requested.length) process.env.BENCH_SOAK_MINUTES ??= "3";
for (const name of requested.length ? requested : Object.keys(benchmarks)) {
  console.log(`== ${name}`);
  const { run } = await benchmarks[name]!();
  console.log(await run());
}
export {};
