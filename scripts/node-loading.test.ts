import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

/**
 * `npm start` runs these modules in Node through tsx, whose loader handles CommonJS packages as
 * Node does, unlike the Vite pipeline the other tests import through: a named import that only a
 * bundler resolves would pass every other test and still stop `npm start`.
 */
describe("the modules npm start loads", () => {
  it("import under Node's own module loader", () => {
    const out = execFileSync("npx", ["tsx", "--eval", 'import("./scripts/seed-demo.ts").then(() => import("./scripts/db/bridge.ts")).then(() => console.log("loaded"))'], { cwd: ROOT, encoding: "utf8" });
    expect(out.trim()).toBe("loaded");
  });
});
