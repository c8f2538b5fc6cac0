import { createServer } from "node:http";
import { buildWidget } from "../scripts/build-widget.ts";
import { launchChromium, findChromium } from "../test/browser/chromium.ts";
import { ensureDebianPackages } from "./lib/debian-packages.ts";
import { summarise, writeReport, type Row } from "./lib/report.ts";
import { call, publishSurvey, startStack } from "./lib/stack.ts";

const REPETITIONS = 7;
const BENCH_DB = "ckm_bench_widget";
const WORKER_PORT = Number(process.env.BENCH_WIDGET_PORT ?? 8812);
const PAGE_PORT = Number(process.env.BENCH_WIDGET_PAGE_PORT ?? 8816);
/** The yardstick: a popular survey embed script, 12 KB gzipped, that only opens an iframe. */
const POPULAR_EMBED_GZIP_BYTES = 12 * 1024;

/** Runs in the page before its scripts: notes when the widget's dialog first exists. */
const RECORD_FIRST_RENDER = `new MutationObserver((_, observer) => {
  const dialog = document.querySelector("ckm-survey")?.shadowRoot?.querySelector("[role=dialog]");
  if (dialog) { window.__shown = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

/** A tenant with the benchmark survey published, its publishable key allowed on the page's origin. */
async function tenantWithSurvey(worker: string, pageOrigin: string): Promise<string> {
  const owner = await call(worker, "POST", "/v1/signup", undefined, { company: "Bench Widget", name: "Bench", email: "bench-widget@example.com", password: "a long benchmark passphrase" });
  return (await publishSurvey(worker, owner.tokens.accessToken, pageOrigin)).publishableKey;
}

/**
 * The widget's size (minified and gzipped, vs the popular embed of the issue) and its time to
 * first render in headless Chromium (navigation start to the survey on screen, through the
 * Worker's API), next to an iframe embed of a page from the same Worker.
 */
export async function run(): Promise<string> {
  const size = await buildWidget();
  const chromium = ensureDebianPackages(["chromium"], () => findChromium() !== undefined) ? findChromium() : undefined;
  const rows: Row[] = [
    { measure: "widget.js gzipped", ours: size.gzipBytes, reference: POPULAR_EMBED_GZIP_BYTES, unit: "bytes", spread: `${size.bytes} bytes minified`, goal: "< 8192 bytes (8 KB)" },
  ];
  const notes = [`Size: web/widget bundled and minified by esbuild, gzipped at level 9; the reference is the 12 KB gzipped embed script the issue names.`];
  if (!chromium) {
    notes.push("First render not measured: no Chromium, and Debian's chromium could not be installed (CHROMIUM_PATH names another).");
    return writeReport("widget", "Feedback widget: size and first render", notes, rows, "PostgreSQL not used");
  }

  const stack = await startStack(BENCH_DB, WORKER_PORT);
  const { worker } = stack;
  const pageOrigin = `http://127.0.0.1:${PAGE_PORT}`;
  let key = "";
  const pages = createServer((request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      request.url === "/iframe"
        ? `<!doctype html><title>Shop</title><h1>Shop</h1><iframe title="survey" src="${worker.url}/" onload="window.__shown = performance.now()"></iframe>`
        : `<!doctype html><title>Shop</title><h1>Shop</h1><script src="${worker.url}/widget.js" data-key="${key}" async></script>`,
    );
  });
  await new Promise<void>((resolve) => pages.listen(PAGE_PORT, "127.0.0.1", resolve));
  const browser = await launchChromium(chromium);
  const ours: number[] = [];
  const iframe: number[] = [];
  try {
    key = await tenantWithSurvey(worker.url, pageOrigin);
    for (let r = 0; r < REPETITIONS + 1; r++) {
      for (const [path, samples] of [["/", ours], ["/iframe", iframe]] as const) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.addInitScript({ content: RECORD_FIRST_RENDER });
        await tab.goto(`${pageOrigin}${path}`);
        await tab.waitForFunction("window.__shown !== undefined", undefined, { timeout: 15_000 });
        const shown = (await tab.evaluate("window.__shown")) as number;
        if (r > 0) samples.push(shown);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    pages.close();
    await stack.close();
  }
  const render = summarise(ours);
  rows.push({ measure: "first render: navigation start to survey on screen", ours: render.median, reference: summarise(iframe).median, unit: "ms", spread: render.spread, goal: "report (reference: an iframe embed)" });
  notes.push(
    `First render: headless Chromium, a fresh browser context per load (no cache), page and Worker (\`wrangler dev\`) on loopback. Ours: the page's \`<script async>\` loads widget.js, fetches the published surveys with the publishable key (a CORS preflight and a GET through the database) and renders the dialog in its shadow root. Reference: the same page with an \`<iframe>\` of a static page from the same Worker, to its load event. Median of ${REPETITIONS} loads after one warm-up.`,
  );
  return writeReport("widget", "Feedback widget: size and first render", notes, rows, `PostgreSQL ${stack.postgresVersion}`);
}
