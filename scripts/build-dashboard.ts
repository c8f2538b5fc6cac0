import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { build, type Rollup } from "vite";

const PUBLIC_DIR = new URL("../web/public/", import.meta.url).pathname;
const CONFIG = new URL("../web/dashboard/vite.config.ts", import.meta.url).pathname;

export type DashboardSize = { initialGzipBytes: number; totalGzipBytes: number; initialFiles: string[] };

/**
 * Builds the dashboard into the Worker's static assets and measures it: the initial JavaScript is
 * the entry chunk and what it imports statically (what the first page must download), the rest
 * loads on demand.
 */
export async function buildDashboard(): Promise<DashboardSize> {
  rmSync(`${PUBLIC_DIR}assets`, { recursive: true, force: true });
  const output = (await build({ configFile: CONFIG, logLevel: "warn" })) as Rollup.RollupOutput;
  const chunks = output.output.filter((item): item is Rollup.OutputChunk => item.type === "chunk");
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const visit = (fileName: string) => {
    if (initial.has(fileName)) return;
    initial.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const gzipped = (fileName: string) => gzipSync(readFileSync(`${PUBLIC_DIR}${fileName}`), { level: 9 }).length;
  const sum = (files: Iterable<string>) => [...files].reduce((total, fileName) => total + gzipped(fileName), 0);
  return { initialGzipBytes: sum(initial), totalGzipBytes: sum(byName.keys()), initialFiles: [...initial] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = await buildDashboard();
  console.log(`dashboard: initial JavaScript ${size.initialGzipBytes} bytes gzipped (${size.initialFiles.length} files), all of it ${size.totalGzipBytes}`);
}
