/** An objective and its gradient, computed together since they share most of their work. */
export type SmoothObjective = (x: readonly number[]) => { value: number; gradient: number[] };

/** Settings for `minimiseQuasiNewton`. */
export interface QuasiNewtonOptions {
  /** Most BFGS iterations (one line search each). */
  maxIterations?: number;
  /** Converged when the largest gradient component is at most this times 1 + |value|. */
  gradientTolerance?: number;
  /**
   * Also converged when the gradient is within this looser bound (times 1 + |value|) and a step lowers
   * the value by no more than `valueTolerance` times 1 + |value|, or not at all: rounding in a large
   * sum puts a floor under how small its gradient can get.
   */
  roundingGradientTolerance?: number;
  valueTolerance?: number;
}

/** Where BFGS ended; `converged` is false when the budget ran out or a line search found no decrease far from a minimum. */
export interface QuasiNewtonResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 50;

const dot = (u: readonly number[], v: readonly number[]) => u.reduce((sum, value, i) => sum + value * v[i]!, 0);
const largest = (v: readonly number[]) => v.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/**
 * Minimises a smooth `f` from `x0` by BFGS (Nocedal and Wright, "Numerical Optimization",
 * algorithm 6.1): the inverse Hessian built up from gradient changes, a backtracking line search
 * on the Armijo condition, the first update scaled by yᵀs / yᵀy (their equation 6.20), and an
 * update skipped when the curvature yᵀs is not positive. Non-finite values count as +∞, so a
 * caller may refuse points outside a feasible box and the line search steps back inside it.
 */
export function minimiseQuasiNewton(f: SmoothObjective, x0: readonly number[], options: QuasiNewtonOptions = {}): QuasiNewtonResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.gradientTolerance ?? 1e-8;
  const roundingTolerance = options.roundingGradientTolerance ?? 1e-5;
  const valueTolerance = options.valueTolerance ?? 1e-12;
  let evaluations = 0;
  const evaluate = (x: readonly number[]) => {
    evaluations++;
    const { value, gradient } = f(x);
    return Number.isFinite(value) && gradient.every(Number.isFinite) ? { value, gradient } : { value: Infinity, gradient };
  };

  let x = x0.slice();
  let { value, gradient } = evaluate(x);
  if (value === Infinity) return { x, value, iterations: 0, evaluations, converged: false };
  let inverse = identity(n);
  let first = true;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (largest(gradient) <= tolerance * (1 + Math.abs(value))) return { x, value, iterations: iteration, evaluations, converged: true };
    let direction = inverse.map((row) => -dot(row, gradient));
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      inverse = identity(n);
      direction = gradient.map((g) => -g);
      slope = -dot(gradient, gradient);
    }
    // Before any curvature is known, the first step moves no coordinate by more than 1.
    let step = first ? Math.min(1, 1 / largest(direction)) : 1;
    let next: { value: number; gradient: number[] } | null = null;
    let candidate: number[] = x;
    for (let backtrack = 0; backtrack < MAX_BACKTRACKS; backtrack++) {
      candidate = x.map((v, i) => v + step * direction[i]!);
      const trial = evaluate(candidate);
      if (trial.value <= value + ARMIJO * step * slope) {
        next = trial;
        break;
      }
      step /= 2;
    }
    const flat = largest(gradient) <= roundingTolerance * (1 + Math.abs(value));
    if (!next || candidate.every((v, i) => v === x[i])) return { x, value, iterations: iteration, evaluations, converged: flat };
    const settled = flat && value - next.value <= valueTolerance * (1 + Math.abs(value));

    const s = candidate.map((v, i) => v - x[i]!);
    const y = next.gradient.map((g, i) => g - gradient[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (first) inverse = identity(n).map((row) => row.map((v) => (v * sy) / dot(y, y)));
      inverse = updateInverse(inverse, s, y, 1 / sy);
      first = false;
    }
    x = candidate;
    ({ value, gradient } = next);
    if (settled) return { x, value, iterations: iteration + 1, evaluations, converged: true };
  }
  return { x, value, iterations: maxIterations, evaluations, converged: largest(gradient) <= tolerance * (1 + Math.abs(value)) };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded so it costs a few matrix-vector products. */
function updateInverse(h: number[][], s: readonly number[], y: readonly number[], rho: number): number[][] {
  const hy = h.map((row) => dot(row, y));
  const yhy = dot(y, hy);
  return h.map((row, i) => row.map((v, j) => v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!));
}
