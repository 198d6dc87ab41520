/**
 * Splitting members into the core / active / silent pyramid in whole people.
 */
import * as z from 'zod/mini';
import { TIER_SHARES } from './defaults';
import { count, share } from './fields';
import { floorCount, roundCount } from './numeric';
import { validate } from './validate';

export type TierShares = { core: number; active: number; silent: number };
export type TierCounts = { core: number; active: number; silent: number };

export const tiersInputSchema = z.object({
  /** Members to split. */
  members: count(),
  /** Share of each tier; they must add up to 1 (±1e-6). Source default 5% / 20% / 75%. */
  shares: z.prefault(
    z
      .object({
        core: z._default(share(), TIER_SHARES.core),
        active: z._default(share(), TIER_SHARES.active),
        silent: z._default(share(), TIER_SHARES.silent),
      })
      .check(z.refine((s) => Math.abs(s.core + s.active + s.silent - 1) <= 1e-6, { error: 'shares_must_sum_to_one' })),
    {},
  ),
});

export type TiersInput = z.input<typeof tiersInputSchema>;

/**
 * Largest-remainder apportionment of `total` whole items by `weights` (internal; exported for tests).
 * Weights are normalised by their sum; each part gets ⌊total × w⌋, then the remainder goes one by one to the
 * largest fractional parts, ties to the earlier part. The floors never add up to more than `total`: the exact
 * parts add up to `total`, and snapping moves a part by far less than 1.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(floorCount);
  const fractions = exact.map((x, i) => x - (parts[i] as number));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  // Remainders that differ by less than the rounding error of `total × w` are ties (e.g. 859,478,008 × 0.062
  // and × 0.937 both leave .496 exactly, but not in floating point): the earlier part wins, as documented.
  const tolerance = 8 * Number.EPSILON * Math.max(1, total);
  const order = fractions
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (Math.abs(b.f - a.f) > tolerance ? b.f - a.f : a.i - b.i));
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) {
    const i = (order[k] as { i: number }).i;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

/**
 * Whole-person tier counts that add up to `members` exactly (largest remainder, ties to the earlier tier).
 *
 * core = ⌊members × s_core⌋ etc., then the leftover people go to the largest fractional parts.
 *
 * Example: 1,003 members at 5/20/75 → exact 50.15 / 200.6 / 752.25 → floors 50 / 200 / 752 (1,002) → the
 * one left goes to active (.6) → core 50, active 201, silent 752.
 */
export function tiers(members: number, shares?: Partial<TierShares>): TierCounts {
  const v = validate(tiersInputSchema, { members, shares });
  const [core = 0, active = 0, silent = 0] = largestRemainder(v.members, [v.shares.core, v.shares.active, v.shares.silent]);
  return { core, active, silent };
}

/**
 * Tiers of a forecast: the expected members (a projection's fractional expectation, e.g. the last value of
 * `projectMembers`) rounded to whole people as the page shows them, then split like `tiers`.
 *
 * Example: a forecast of 4,048.4 members → 4,048 → core 202, active 810, silent 3,036 (not the target's split).
 */
export function forecastTiers(expected: number, shares?: Partial<TierShares>): TierCounts {
  return tiers(roundCount(expected), shares);
}
