import { describe, expect, it } from "vitest";
import { digamma, hyp2f1, hyp2f1Tail, logAddExp, logBeta, logGamma, normalQuantile } from "./special.ts";

describe("logGamma", () => {
  it("matches known values to 13 or more digits", () => {
    const known: [number, number][] = [
      [1, 0],
      [2, 0],
      [0.5, 0.5 * Math.log(Math.PI)],
      [10, Math.log(362880)],
      [100, 359.1342053695754],
      [0.1, 2.2527126517342055],
      [0.001, 6.907178885383854],
      [0.24, 1.3311791434660618],
    ];
    for (const [x, expected] of known) expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it("satisfies Γ(x + 1) = x · Γ(x) across a wide range", () => {
    for (const x of [0.013, 0.37, 1.9, 7.25, 33.3, 512.5, 1e5]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 9);
    }
  });

  it("gives ln B(2, 3) = ln(1/12)", () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe("digamma", () => {
  const EULER = 0.5772156649015329;

  it("matches known values to 13 or more digits", () => {
    const known: [number, number][] = [
      [1, -EULER],
      [0.5, -EULER - 2 * Math.log(2)],
      [2, 1 - EULER],
      [10, 2.251752589066721],
      [0.1, -10.423754940411076],
      [-0.5, 0.03648997397857652],
    ];
    for (const [x, expected] of known) expect(digamma(x)).toBeCloseTo(expected, 13);
  });

  it("satisfies ψ(x + 1) = ψ(x) + 1/x and is the slope of ln Γ", () => {
    for (const x of [0.013, 0.37, 1.9, 7.25, 33.3, 512.5]) {
      expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 10);
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 6);
    }
  });
});

describe("logAddExp", () => {
  it("adds in log space without overflow", () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, -3)).toBe(-3);
  });
});

describe("hyp2f1", () => {
  it("equals −ln(1 − z)/z for (1, 1; 2; z)", () => {
    for (const z of [-0.8, -0.2, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
    }
  });

  it("equals (1 − z)^−a for (a, b; b; z)", () => {
    expect(hyp2f1(2.5, 1.7, 1.7, 0.6)).toBeCloseTo(Math.pow(0.4, -2.5), 11);
  });

  it("gives arcsin and arctan through their hypergeometric forms", () => {
    const z = 0.7;
    expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 12);
    expect(hyp2f1(0.5, 1, 1.5, -z * z)).toBeCloseTo(Math.atan(z) / z, 12);
  });

  it("terminates for a negative integer parameter", () => {
    const [b, c, z] = [1.3, 2.1, 0.4];
    const polynomial = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(polynomial, 14);
  });

  it("keeps precision in the tail when the function is 1 + tiny", () => {
    // 2F1(1, ε; 2; z) − 1 = ε·Σ zⁿ/(n(n+1)) + O(ε²) = ε·(1 − ln(1−z) + ln(1−z)/z) + O(ε²).
    const eps = 1e-12;
    const z = 0.5;
    expect(hyp2f1Tail(1, eps, 2, z) / eps).toBeCloseTo(1 - Math.log(1 - z) + Math.log(1 - z) / z, 10);
  });

  it("reports non-convergence as NaN and refuses |z| ≥ 1", () => {
    expect(hyp2f1(1, 1, 2, 0.999, { maxTerms: 10 })).toBeNaN();
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

describe("normalQuantile", () => {
  it("matches the standard normal table", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});
