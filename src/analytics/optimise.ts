import { minimiseQuasiNewton, type SmoothObjective } from "./quasi-newton.ts";

/** Settings for `minimise`. Defaults suit a handful of log-parameters and objectives of size ~1e5. */
export interface MinimiseOptions {
  /** Initial simplex edge along each coordinate (one number for all, or one per coordinate). */
  step?: number | readonly number[];
  /** Budget of Nelder–Mead iterations across all restarts. */
  maxIterations?: number;
  /** Spread of objective values across the simplex, relative to 1 + |best|, that counts as flat. */
  tolerance?: number;
  /** Largest distance of any vertex from the best one that counts as collapsed. */
  xTolerance?: number;
  /** Fresh simplices built around the best point after the first convergence. */
  restarts?: number;
}

/** The minimiser's answer; `converged` is false when the budget ran out or restarts kept improving. */
export interface MinimiseResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

/**
 * Minimises `f` from `x0` by Nelder–Mead with the dimension-adaptive coefficients of Gao and Han (2012),
 * restarting from the best point with a fresh simplex until a restart no longer improves the value. The
 * restarts guard against the simplex collapsing onto a ridge, the classic Nelder–Mead failure. Non-finite
 * objective values count as +∞, so a caller may return NaN outside the feasible region.
 */
export function minimise(f: (x: readonly number[]) => number, x0: readonly number[], options: MinimiseOptions = {}): MinimiseResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n * n + 2000;
  const tolerance = options.tolerance ?? 1e-11;
  const xTolerance = options.xTolerance ?? 1e-7;
  const restarts = options.restarts ?? 4;
  const steps = typeof options.step === "object" ? options.step : new Array<number>(n).fill(options.step ?? 0.5);
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };

  let best: Vertex = { x: x0.slice(), f: evaluate(x0.slice()) };
  let iterations = 0;
  for (let run = 0; run <= restarts; run++) {
    const outcome = nelderMead(evaluate, best, steps, maxIterations - iterations, tolerance, xTolerance);
    iterations += outcome.iterations;
    const improvement = best.f - outcome.best.f;
    const improved = outcome.best.f < best.f;
    if (improved) best = outcome.best;
    if (!outcome.converged) return { x: best.x, value: best.f, iterations, evaluations, converged: false };
    if (run > 0 && !(improvement > tolerance * (1 + Math.abs(best.f)))) {
      return { x: best.x, value: best.f, iterations, evaluations, converged: Number.isFinite(best.f) };
    }
  }
  return { x: best.x, value: best.f, iterations, evaluations, converged: false };
}

function nelderMead(
  evaluate: (x: number[]) => number,
  start: Vertex,
  steps: readonly number[],
  budget: number,
  tolerance: number,
  xTolerance: number,
): { best: Vertex; iterations: number; converged: boolean } {
  const n = start.x.length;
  // Gao–Han coefficients reduce to the classic (1, 2, 1/2, 1/2) at n = 2; one dimension keeps the classic ones.
  const m = Math.max(n, 2);
  const reflect = 1;
  const expand = 1 + 2 / m;
  const contract = 0.75 - 1 / (2 * m);
  const shrink = 1 - 1 / m;
  const simplex: Vertex[] = [{ x: start.x.slice(), f: start.f }];
  for (let i = 0; i < n; i++) {
    const x = start.x.slice();
    x[i] = x[i]! + (steps[i] ?? 0.5);
    simplex.push({ x, f: evaluate(x) });
  }
  const along = (from: number[], to: number[], t: number): number[] => from.map((v, i) => v + t * (to[i]! - v));

  for (let iteration = 0; iteration < budget; iteration++) {
    simplex.sort((p, q) => p.f - q.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (isCollapsed(simplex, tolerance, xTolerance)) return { best, iterations: iteration, converged: true };

    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) for (let i = 0; i < n; i++) centroid[i]! += simplex[v]!.x[i]! / n;
    // Points are written as centroid + t · (worst − centroid): t = −1 reflects, t = −expand expands, and so on.
    const xr = along(centroid, worst.x, -reflect);
    const fr = evaluate(xr);
    const secondWorst = simplex[n - 1]!;
    if (fr < best.f) {
      const xe = along(centroid, worst.x, -reflect * expand);
      const fe = evaluate(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
      continue;
    }
    if (fr < secondWorst.f) {
      simplex[n] = { x: xr, f: fr };
      continue;
    }
    const outside = fr < worst.f;
    const xc = along(centroid, worst.x, outside ? -reflect * contract : contract);
    const fc = evaluate(xc);
    if (fc < (outside ? fr : worst.f)) {
      simplex[n] = { x: xc, f: fc };
      continue;
    }
    for (let v = 1; v <= n; v++) {
      const x = along(best.x, simplex[v]!.x, shrink);
      simplex[v] = { x, f: evaluate(x) };
    }
  }
  simplex.sort((p, q) => p.f - q.f);
  return { best: simplex[0]!, iterations: budget, converged: false };
}

function isCollapsed(simplex: readonly Vertex[], tolerance: number, xTolerance: number): boolean {
  const best = simplex[0]!;
  const worst = simplex[simplex.length - 1]!;
  if (!Number.isFinite(best.f)) return false;
  if (!(worst.f - best.f <= tolerance * (1 + Math.abs(best.f)))) return false;
  for (const vertex of simplex) {
    for (let i = 0; i < best.x.length; i++) {
      if (Math.abs(vertex.x[i]! - best.x[i]!) > xTolerance) return false;
    }
  }
  return true;
}

/**
 * Log-parameters are searched within ±(LOG_PARAMETER_LIMIT + 1). A fit that settles beyond ±LOG_PARAMETER_LIMIT
 * (a parameter above 1e4 or below 1e-4, in a problem rescaled to unit time or spend) has run off towards a
 * limiting model outside the family, e.g. a Beta mixing distribution collapsing to a point.
 */
export const LOG_PARAMETER_LIMIT = Math.log(1e4);

/** How a log-space fit ended: settled inside the box, settled at its edge, or stopped by the budget. */
export interface LogSpaceFit {
  logParameters: number[];
  value: number;
  iterations: number;
  outcome: "converged" | "at-edge" | "not-converged";
}

/**
 * Minimises an objective over log-parameters, adding `penalty` · Σθ² (an L2 pull towards 1 on the
 * original scale) and refusing points outside the search box, so that a likelihood whose supremum
 * lies at infinity ends at the box's edge quickly instead of wandering along a ridge until the
 * budget runs out. Given `smooth` (the same objective with its gradient), BFGS goes first and
 * usually settles in a few dozen evaluations; Nelder–Mead (`minimise`) carries on from BFGS's best
 * point when it did not settle inside the box, and is the whole search without a gradient.
 */
export function minimiseInLogSpace(
  objective: (logParameters: readonly number[]) => number,
  start: readonly number[],
  options: { penalty?: number; maxIterations?: number; smooth?: SmoothObjective } = {},
): LogSpaceFit {
  const penalty = options.penalty ?? 0;
  const bound = LOG_PARAMETER_LIMIT + 1;
  const outside = (theta: readonly number[]) => theta.some((v) => !(Math.abs(v) <= bound));
  const interior = (theta: readonly number[]) => theta.every((v) => Math.abs(v) < LOG_PARAMETER_LIMIT);
  const ridge = (theta: readonly number[]) => penalty * theta.reduce((sum, v) => sum + v * v, 0);
  const penalised = (theta: readonly number[]): number => (outside(theta) ? Infinity : objective(theta) + ridge(theta));
  let from = start;
  let spent = 0;
  const budget = options.maxIterations;
  if (options.smooth) {
    const smooth = options.smooth;
    const quasiNewton = minimiseQuasiNewton(
      (theta) => {
        if (outside(theta)) return { value: Infinity, gradient: theta.map(() => 0) };
        const { value, gradient } = smooth(theta);
        return { value: value + ridge(theta), gradient: gradient.map((g, i) => g + 2 * penalty * theta[i]!) };
      },
      start,
      { maxIterations: Math.min(budget ?? Infinity, 200) },
    );
    if (quasiNewton.converged && interior(quasiNewton.x)) {
      return { logParameters: quasiNewton.x, value: quasiNewton.value, iterations: quasiNewton.iterations, outcome: "converged" };
    }
    from = quasiNewton.x;
    spent = quasiNewton.iterations;
  }
  const result = minimise(penalised, from, { step: 1, maxIterations: budget === undefined ? undefined : budget - spent });
  const outcome = !interior(result.x) ? "at-edge" : result.converged ? "converged" : "not-converged";
  return { logParameters: result.x, value: result.value, iterations: spent + result.iterations, outcome };
}

/** The tenant-readable reason for a log-space fit that is not a result. */
export function notConvergedReason(outcome: "at-edge" | "not-converged"): string {
  return outcome === "at-edge"
    ? "a parameter ran off towards zero or infinity: the data fit a limiting case the model does not cover"
    : "the optimiser did not converge";
}
