import { execFileSync } from "node:child_process";

/**
 * Installs Debian `packages` with apt-get when `present()` says they are missing, so a benchmark
 * runs on a fresh machine; returns whether they are present afterwards. Without root or a
 * reachable archive it says why and leaves the caller to report what it could not measure.
 */
export function ensureDebianPackages(packages: string[], present: () => boolean): boolean {
  if (present()) return true;
  console.log(`installing ${packages.join(", ")} with apt-get`);
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } catch (error) {
    console.error(`could not install ${packages.join(", ")}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return present();
}

/** Whether `python` can import every module named. */
export function pythonHas(python: string, modules: string[]): boolean {
  try {
    execFileSync(python, ["-c", `import ${modules.join(", ")}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
