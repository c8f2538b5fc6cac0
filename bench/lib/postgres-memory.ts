import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Memory of the local PostgreSQL server's processes, in MiB, as their summed proportional set
 * size: shared buffers count once across backends instead of once per backend.
 */
export function postgresPssMiB(): number {
  let pids: string[];
  try {
    pids = execFileSync("ps", ["-C", "postgres", "-o", "pid="], { encoding: "utf8" }).split("\n").map((pid) => pid.trim()).filter(Boolean);
  } catch {
    return 0;
  }
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {
      // the backend ended between ps and the read
    }
  }
  return kib / 1024;
}
