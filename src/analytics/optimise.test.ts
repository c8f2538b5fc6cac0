import { describe, expect, it } from "vitest";
import { minimise } from "./optimise.ts";

function rosenbrock(x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) sum += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return sum;
}

describe("minimise", () => {
  it("finds the minimum of the Rosenbrock valley from the classic start", () => {
    const result = minimise(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it("finds the minimum of the four-dimensional Rosenbrock function", () => {
    const result = minimise(rosenbrock, [-1, 0.5, -0.5, 1.5]);
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(v).toBeCloseTo(1, 4);
  });

  it("treats NaN as +∞, so an objective may refuse points outside its domain", () => {
    const result = minimise((x) => (x[0]! <= 0 ? Number.NaN : x[0]! - Math.log(x[0]!)), [3]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
  });

  it("says so when the budget runs out", () => {
    const result = minimise(rosenbrock, [-1.2, 1], { maxIterations: 20 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(20);
  });
});
