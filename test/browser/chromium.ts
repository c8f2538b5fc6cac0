import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Chromium named by CHROMIUM_PATH, or Debian's; undefined when neither is there. */
export function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => path && existsSync(path));
}

/** Headless Chromium with the flags a closed network needs (no background connections). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
