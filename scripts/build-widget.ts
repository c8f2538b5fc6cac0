import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

/** Where the Worker serves the embed script from (its static assets). */
export const WIDGET_FILE = new URL("../web/public/widget.js", import.meta.url).pathname;

/** Bundles web/widget into one minified script and returns its size, raw and gzipped. */
export async function buildWidget(): Promise<{ bytes: number; gzipBytes: number }> {
  await build({
    entryPoints: [new URL("../web/widget/src/index.ts", import.meta.url).pathname],
    outfile: WIDGET_FILE,
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    legalComments: "none",
    logLevel: "warning",
  });
  const code = readFileSync(WIDGET_FILE);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = await buildWidget();
  console.log(`widget.js: ${size.bytes} bytes, ${size.gzipBytes} gzipped`);
}
