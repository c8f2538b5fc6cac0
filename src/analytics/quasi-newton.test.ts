import { describe, expect, it } from "vitest";
import { minimiseInLogSpace } from "./optimise.ts";
import { minimiseQuasiNewton, type SmoothObjective } from "./quasi-newton.ts";

const rosenbrock: SmoothObjective = ([x, y]) => ({
  value: 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2,
  gradient: [-400 * x! * (y! - x! ** 2) - 2 * (1 - x!), 200 * (y! - x! ** 2)],
});

describe("minimiseQuasiNewton", () => {
  it("finds the minimum of the Rosenbrock valley from the classic start", () => {
    const result = minimiseQuasiNewton(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.iterations).toBeLessThan(60);
  });

  it("steps back inside a domain whose outside is NaN", () => {
    const f: SmoothObjective = ([x]) => (x! <= 0 ? { value: Number.NaN, gradient: [Number.NaN] } : { value: x! - Math.log(x!), gradient: [1 - 1 / x!] });
    const result = minimiseQuasiNewton(f, [30]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
  });

  it("says so when the budget runs out", () => {
    const result = minimiseQuasiNewton(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(5);
  });

  it("settles where rounding stops the value from falling, however the gradient is perturbed", () => {
    // A gradient off by a constant 1e-9 of the value's scale: no point meets the strict tolerance.
    const noisy: SmoothObjective = ([x]) => ({ value: 1e6 * (x! - 2) ** 2 + 1e6, gradient: [2e6 * (x! - 2) + 1e-3] });
    const result = minimiseQuasiNewton(noisy, [0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(2, 8);
  });
});

describe("minimiseInLogSpace with a gradient", () => {
  const objective = (theta: readonly number[]) => (Math.exp(theta[0]!) - 3) ** 2 + (Math.exp(theta[1]!) - 0.5) ** 2 * 10;
  const smooth: SmoothObjective = (theta) => ({
    value: objective(theta),
    gradient: [2 * (Math.exp(theta[0]!) - 3) * Math.exp(theta[0]!), 20 * (Math.exp(theta[1]!) - 0.5) * Math.exp(theta[1]!)],
  });

  it("reaches Nelder–Mead's answer in far fewer iterations", () => {
    const simplex = minimiseInLogSpace(objective, [0, 0]);
    const quasiNewton = minimiseInLogSpace(objective, [0, 0], { smooth });
    expect(simplex.outcome).toBe("converged");
    expect(quasiNewton.outcome).toBe("converged");
    expect(Math.exp(quasiNewton.logParameters[0]!)).toBeCloseTo(3, 6);
    expect(Math.exp(quasiNewton.logParameters[1]!)).toBeCloseTo(0.5, 6);
    expect(quasiNewton.logParameters[0]).toBeCloseTo(simplex.logParameters[0]!, 5);
    expect(quasiNewton.iterations * 4).toBeLessThan(simplex.iterations);
  });

  it("ends at the box's edge when the minimum lies at infinity", () => {
    const runaway = (theta: readonly number[]) => Math.exp(-theta[0]!) + theta[1]! ** 2;
    const fit = minimiseInLogSpace(runaway, [0, 1], { smooth: (theta) => ({ value: runaway(theta), gradient: [-Math.exp(-theta[0]!), 2 * theta[1]!] }) });
    expect(fit.outcome).toBe("at-edge");
  });
});
