/** A source of uniform numbers in [0, 1). Every sampler here takes one, so results repeat for a seed. */
export type Rng = () => number;

/**
 * A seeded xoshiro128** generator: four 32-bit words of state, seeded through splitmix32 so that nearby
 * seeds give unrelated streams. Fast, small, and identical in Node and workerd, which `Math.random` is not.
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return function next(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A standard normal draw (Box–Muller; `1 - u` keeps the logarithm away from zero). */
export function sampleNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** An exponential draw with the given rate (mean 1/rate). */
export function sampleExponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng()) / rate;
}

/**
 * A gamma draw with the given shape and rate (mean shape/rate), by Marsaglia and Tsang (2000). Shapes
 * below 1 use the boost Gamma(k) = Gamma(k + 1) · U^(1/k), since the squeeze needs a shape of at least 1/3.
 */
export function sampleGamma(rng: Rng, shape: number, rate = 1): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError("gamma shape and rate must be positive");
  if (shape < 1) return sampleGamma(rng, shape + 1, rate) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** A beta draw as the ratio of two gamma draws. */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a);
  const y = sampleGamma(rng, b);
  return x / (x + y);
}

/**
 * A Poisson draw. Small means multiply uniforms (Knuth); from 30 up the multiplication would take too
 * long and underflow, so Hörmann's transformed rejection (PTRS, 1993) takes over.
 */
export function samplePoisson(rng: Rng, mean: number): number {
  if (!(mean >= 0)) throw new RangeError("Poisson mean must be non-negative");
  if (mean === 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = 1 - rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v * invAlpha / (a / (us * us) + b));
    if (lhs <= -mean + k * logMean - logFactorial(k)) return k;
  }
}

function logFactorial(k: number): number {
  let sum = 0;
  if (k < 50) {
    for (let i = 2; i <= k; i++) sum += Math.log(i);
    return sum;
  }
  // Stirling's series; at k ≥ 50 its error is far below what the rejection test can notice.
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

/** Fisher–Yates shuffle into a new array, driven by the given generator. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}
