import { spawnSync } from "node:child_process";
import { auditVerdict } from "./audit-verdict.ts";

/**
 * CI's dependency audit of what the Worker ships (`npm audit --omit=dev`). High and critical
 * advisories fail the run; a registry that does not answer audits is reported and skipped.
 */
const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
const verdict = auditVerdict(run.stdout ?? "");
if (verdict.kind === "unanswered") {
  console.log(`notice: dependencies not audited: ${verdict.reason}`);
} else if (verdict.kind === "clean") {
  console.log(`dependency audit: no high or critical advisories (${JSON.stringify(verdict.counts)})`);
} else {
  console.error(`dependency audit: high or critical advisories in ${verdict.packages.join(", ")}; run npm audit for details`);
  process.exit(1);
}
