import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type RunningWorker = {
  url: string;
  peakRssMiB(): number;
  /** Resident memory of the workerd processes. */
  rssMiB(): number;
  /** Resident memory of the other processes of `wrangler dev` (npx, wrangler's Node process). */
  toolingRssMiB(): number;
  stop(): Promise<void>;
};

/** Resident memory of the processes in a process group whose command does (or does not) name workerd, in MiB. */
function groupRssMiB(group: number, workerd: boolean): number {
  try {
    const out = execFileSync("ps", ["-o", "rss=,comm=", "-g", String(group)], { encoding: "utf8" });
    return out
      .split("\n")
      .filter((line) => line.trim() && line.includes("workerd") === workerd)
      .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]) / 1024, 0);
  } catch {
    return 0;
  }
}
const workerdRssMiB = (group: number) => groupRssMiB(group, true);

/**
 * Runs the Worker under `wrangler dev` (workerd, with its queue consumer and R2) against the
 * local database bridge, and samples the workerd processes' resident memory twice a second. Its
 * debugger listens beside its port, so several Workers can run at once.
 */
export async function startWorker(vars: Record<string, string>, port = 8797): Promise<RunningWorker> {
  const args = ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(port + 1000), "--persist-to", mkdtempSync(join(tmpdir(), "ckm-wrangler-")), "--show-interactive-dev-session=false"];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const child: ChildProcess = spawn("npx", args, { stdio: ["ignore", "ignore", "inherit"], detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  const url = `http://127.0.0.1:${port}`;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, workerdRssMiB(child.pid!))), 500);
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 120) throw new Error("wrangler dev did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    peakRssMiB: () => peak,
    rssMiB: () => workerdRssMiB(child.pid!),
    toolingRssMiB: () => groupRssMiB(child.pid!, false),
    async stop() {
      clearInterval(sampler);
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
  };
}
