import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalCdf, normalQuantile, twoSidedP } from '../../src/lib';

/*
 * Reference values from a second, independent implementation: Python's statistics.NormalDist (Wichura's
 * AS241 for the quantile) and math.erfc (the C library's) for the CDF, printed by
 *   python3 -c "from statistics import NormalDist as N; import math; print(N().inv_cdf(p), 0.5*math.erfc(-x/math.sqrt(2)))"
 */
const QUANTILES: [number, number][] = [
  [1e-10, -6.361340902404056],
  [1e-6, -4.753424308822899],
  [0.001, -3.090232306167813],
  [0.01, -2.3263478740408408],
  [0.02425, -1.9729610513118845],
  [0.025, -1.9599639845400538],
  [0.05, -1.6448536269514726],
  [0.1, -1.2815515655446008],
  [0.2, -0.8416212335729142],
  [0.3, -0.5244005127080407],
  [0.5, 0],
  [0.8, 0.8416212335729144],
  [0.9, 1.2815515655446008],
  [0.95, 1.6448536269514715],
  [0.975, 1.9599639845400536],
  [0.99, 2.3263478740408408],
  [0.995, 2.5758293035489],
  [0.999, 3.090232306167813],
  [0.999999, 4.753424308817089],
];

// x, Φ(x), two-sided p = erfc(|x|/√2)
const CDF: [number, number, number][] = [
  [-10, 7.619853024160593e-24, 1.5239706048321186e-23],
  [-6, 9.865876450377012e-10, 1.9731752900754024e-9],
  [-4, 3.1671241833119965e-5, 6.334248366623993e-5],
  [-3, 0.0013498980316300957, 0.0026997960632601913],
  [-2.5, 0.006209665325776139, 0.012419330651552278],
  [-1.96, 0.024997895148220435, 0.04999579029644087],
  [-1, 0.15865525393145707, 0.31731050786291415],
  [-0.5, 0.3085375387259869, 0.6170750774519738],
  [0, 0.5, 1],
  [0.3, 0.6179114221889526, 0.7641771556220948],
  [1, 0.8413447460685429, 0.31731050786291415],
  [2, 0.9772498680518208, 0.04550026389635844],
  [3.5, 0.9997673709209645, 0.0004652581580710501],
  [5, 0.9999997133484281, 5.733031437583892e-7],
  [7.5, 0.9999999999999681, 6.38178334582184e-14],
  [9, 1, 2.2571768119076845e-19],
];

/** A third method, written here: Φ from the Maclaurin series of erf (fine for |x| ≤ 5), then bisection. */
function seriesCdf(x: number): number {
  const t = x / Math.SQRT2;
  let term = t;
  let sum = t;
  for (let n = 1; n < 200; n++) {
    term *= (-t * t) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 + sum / Math.sqrt(Math.PI);
}
function bisectQuantile(p: number): number {
  let lo = -6;
  let hi = 6;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (seriesCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('normal distribution', () => {
  test.each(QUANTILES)('quantile(%s) matches AS241 to 1e-9', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-9);
  });

  test.each(CDF)('Φ(%s) and the two-sided p match erfc', (x, phi, p2) => {
    expect(Math.abs(normalCdf(x) - phi)).toBeLessThan(1e-14);
    // Relative accuracy in the tail, where small p-values live (Hart's approximation: ≈ 1e-9 relative).
    expect(Math.abs(twoSidedP(x) - p2)).toBeLessThanOrEqual(1e-8 * p2);
  });

  test('quantile agrees with bisection on an erf series to 1e-6 across (0.0001, 0.9999)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }), (p) => {
        expect(Math.abs(normalQuantile(p) - bisectQuantile(p))).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });

  test('quantile inverts the CDF and is antisymmetric', () => {
    fc.assert(
      // Lower side only beyond 5: above it Φ(x) rounds to within a few ulps of 1 and the inverse cannot recover x.
      fc.property(fc.double({ min: -8, max: 5, noNaN: true }), (x) => {
        expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(1e-7);
        expect(normalCdf(-x)).toBeCloseTo(1 - normalCdf(x), 14);
      }),
    );
    fc.assert(
      // 1 − p loses p's low digits, so the mirror is compared at the p that 1 − p really holds.
      fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(1 - (1 - p)), 9);
      }),
    );
  });

  test('edges: 0, 1, outside and NaN', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(twoSidedP(0)).toBe(1);
  });
});
