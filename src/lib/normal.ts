/**
 * The standard normal distribution: CDF and quantile (absolute error ≈ 1e-15; the tail about 1e-9 relative).
 *
 * CDF: Hart's 1968 double-precision rational approximation (algorithm 5666) as published by G. West,
 * "Better approximations to cumulative normal functions" (Wilmott, 2005), with a continued fraction beyond
 * |x| ≈ 7.07. Quantile: P. J. Acklam's rational approximation (relative error ≤ 1.15e-9), then one Halley
 * step against the CDF above, which brings it to machine precision — the experiment planner needs z to 1e-6.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Upper tail Q(x) = 1 − Φ(x) for x ≥ 0, computed directly so that it keeps its precision far out. */
function upperTail(x: number): number {
  if (x > 38) return 0;
  const e = Math.exp((-x * x) / 2);
  if (x < 7.07106781186547) {
    let num = 3.52624965998911e-2 * x + 0.700383064443688;
    num = num * x + 6.37396220353165;
    num = num * x + 33.912866078383;
    num = num * x + 112.079291497871;
    num = num * x + 221.213596169931;
    num = num * x + 220.206867912376;
    let den = 8.83883476483184e-2 * x + 1.75566716318264;
    den = den * x + 16.064177579207;
    den = den * x + 86.7807322029461;
    den = den * x + 296.564248779674;
    den = den * x + 637.333633378831;
    den = den * x + 793.826512519948;
    den = den * x + 440.413735824752;
    return (e * num) / den;
  }
  let cf = x + 0.65;
  cf = x + 4 / cf;
  cf = x + 3 / cf;
  cf = x + 2 / cf;
  cf = x + 1 / cf;
  return e / cf / SQRT_2PI;
}

/** Φ(x), the probability that a standard normal variable is ≤ x. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
}

/** Two-sided tail probability 2·Q(|z|), without the cancellation of 1 − Φ. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

const poly = (c: readonly number[], x: number): number => c.reduce((acc, k) => acc * x + k, 0);

/** Acklam's approximation for 0 < p ≤ 0.5 (the lower half; the upper half is mirrored). */
function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/**
 * The quantile Φ⁻¹(p) for 0 < p < 1 (−∞ / +∞ at 0 / 1, NaN outside). Works on the lower half and mirrors
 * (1 − p is exact for p ≥ 0.5), so both tails keep their precision; one Halley step refines Acklam's value.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklamLower(p);
  // Halley step on f(x) = Φ(x) − p, with Φ(x) = Q(−x) for x ≤ 0.
  const e = upperTail(-x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
