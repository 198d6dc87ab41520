/**
 * Rounding helpers that forgive binary floating-point noise: 5000 × 0.07 is 350.00000000000006 in
 * doubles, and a plain `Math.ceil` would turn it into 351 people. Values within a relative 1e-12 of a
 * whole number are treated as that whole number first.
 */

const snap = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-12 * Math.max(1, Math.abs(x)) ? r : x;
};

/** `ceil` after snapping: `ceilCount(350.00000000000006)` → 350. Never returns -0. */
export const ceilCount = (x: number): number => Math.ceil(snap(x)) + 0;

/** `floor` after snapping: `floorCount(28.999999999999996)` → 29. Never returns -0. */
export const floorCount = (x: number): number => Math.floor(snap(x)) + 0;

/** Round half up after snapping: `roundCount(2.5)` → 3. Never returns -0. */
export const roundCount = (x: number): number => Math.round(snap(x)) + 0;

/** True when `a ≤ b` allowing for rounding noise (relative 1e-9), used for thresholds such as LTV/CAC ≥ 3. */
export const atMost = (a: number, b: number): boolean => a <= b + 1e-9 * Math.max(1, Math.abs(b));
