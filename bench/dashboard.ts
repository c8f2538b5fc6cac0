import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { buildDashboard } from "../scripts/build-dashboard.ts";
import { writeReport, type Row } from "./lib/report.ts";

const BUDGET_BYTES = 250 * 1024;
const HELLO_DIR = new URL("../node_modules/.cache/bench-react-hello/", import.meta.url).pathname;

/** The smallest React page Vite builds the same way: the floor any React dashboard starts from. */
async function bareReactGzipBytes(): Promise<number> {
  rmSync(HELLO_DIR, { recursive: true, force: true });
  mkdirSync(HELLO_DIR, { recursive: true });
  writeFileSync(`${HELLO_DIR}index.html`, `<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`);
  writeFileSync(`${HELLO_DIR}main.tsx`, `import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")!).render(<h1>Hello</h1>);\n`);
  await build({ root: HELLO_DIR, logLevel: "warn", configFile: false, oxc: { jsx: { runtime: "automatic" } }, build: { outDir: `${HELLO_DIR}dist`, modulePreload: { polyfill: false } } });
  const assets = `${HELLO_DIR}dist/assets/`;
  return readdirSync(assets)
    .filter((file) => file.endsWith(".js"))
    .reduce((sum, file) => sum + gzipSync(readFileSync(`${assets}${file}`), { level: 9 }).length, 0);
}

/** `npm run bench -- dashboard`: the JavaScript the dashboard's first page downloads, next to a bare React page. */
export async function run(): Promise<string> {
  const size = await buildDashboard();
  const bare = await bareReactGzipBytes();
  const rows: Row[] = [
    { measure: "initial JavaScript, gzipped", ours: size.initialGzipBytes, reference: bare, unit: "bytes", spread: `${size.initialFiles.length} files`, goal: `< ${BUDGET_BYTES} bytes (250 KB)` },
    { measure: "all JavaScript, gzipped (areas and charts load on demand)", ours: size.totalGzipBytes, reference: bare, unit: "bytes", spread: "-", goal: "report" },
  ];
  const notes = [
    "Built by Vite (rolldown, oxc minifier) into web/public as `npm start` and `npm test` build it; gzip level 9.",
    "Initial: the entry chunk and the chunks it imports statically, which the log-in page and the home page need before anything else. Each screen area and ECharts are separate chunks fetched when first shown.",
    "Reference: a page that only renders `<h1>` with React 19 and react-dom, built the same way: the floor for any React dashboard.",
  ];
  return writeReport("dashboard", "Dashboard: initial JavaScript", notes, rows, "no database");
}
