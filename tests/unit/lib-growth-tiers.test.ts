import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  convertRetention,
  defaultProjectMembersInput,
  defaultRequiredNewPerMonthInput,
  projectMembers,
  requiredNewPerMonth,
  steadyState,
  stickiness,
  tiers,
} from '../../src/lib';
import { forecastTiers, largestRemainder } from '../../src/lib/tiers';
import { issuesOf } from './issues-of';

describe('projectMembers', () => {
  test('recurrence by hand', () => {
    // 1000 → 1000 × 0.95 + 500 = 1450 → 1450 × 0.95 + 500 = 1877.5
    expect(projectMembers({ start: 1000, newPerMonth: 500, monthlyChurn: 0.05, months: 2 })).toEqual([1000, 1450, 1877.5]);
    expect(projectMembers({ start: 100, newPerMonth: [10, 0, 30], monthlyChurn: 0.5, months: 3 })).toEqual([100, 60, 30, 45]);
    expect(projectMembers({ start: 7, newPerMonth: [], monthlyChurn: 0.1, months: 0 })).toEqual([7]);
    expect(projectMembers()).toHaveLength(defaultProjectMembersInput.months + 1);
  });

  test('array length must match months', () => {
    expect(issuesOf(() => projectMembers({ newPerMonth: [1, 2], months: 3 }))).toEqual([{ path: 'newPerMonth', code: 'length_mismatch' }]);
    expect(issuesOf(() => projectMembers({ newPerMonth: [1, 2] }))).toEqual([{ path: 'newPerMonth', code: 'length_mismatch' }]); // default 12 months
    expect(issuesOf(() => projectMembers({ newPerMonth: [1, 2], months: 'x' as unknown as number }))).toEqual([{ path: 'months', code: 'not_a_number' }]);
    expect(issuesOf(() => projectMembers({ newPerMonth: [1, -2, 'x' as unknown as number], months: 3 }))).toEqual([
      { path: 'newPerMonth.1', code: 'must_be_non_negative' },
      { path: 'newPerMonth.2', code: 'not_a_number' },
    ]);
    expect(issuesOf(() => projectMembers({ newPerMonth: -5 }))).toEqual([{ path: 'newPerMonth', code: 'must_be_non_negative' }]);
    expect(issuesOf(() => projectMembers({ newPerMonth: 'many' as unknown as number }))).toEqual([{ path: 'newPerMonth', code: 'invalid_value' }]);
  });

  test('property: monotone in new members, never negative, closed form for constant intake', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true })), { maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, pairs, churn) => {
          const lower = pairs.map(([a, b]) => Math.min(a, b));
          const upper = pairs.map(([a, b]) => Math.max(a, b));
          const a = projectMembers({ start, newPerMonth: lower, monthlyChurn: churn, months: pairs.length });
          const b = projectMembers({ start, newPerMonth: upper, monthlyChurn: churn, months: pairs.length });
          a.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(b[i]).toBeGreaterThanOrEqual(v);
          });
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.integer({ min: 0, max: 120 }), (start, n, c, h) => {
        const path = projectMembers({ start, newPerMonth: n, monthlyChurn: c, months: h });
        // closed form: A_H = start (1−c)^H + N (1 − (1−c)^H) / c
        const expected = start * (1 - c) ** h + (n * (1 - (1 - c) ** h)) / c;
        expect(path[h]).toBeCloseTo(expected, Math.max(0, 7 - Math.ceil(Math.log10(expected + 1))));
      }),
    );
  });
});

describe('requiredNewPerMonth and steadyState', () => {
  test('contract example and edge cases', () => {
    // Reference 485.12322283536895: the closed form evaluated in Python.
    const r = requiredNewPerMonth({ start: 1000, target: 5000, monthlyChurn: 0.05, months: 12 });
    expect(r.alreadyReached).toBe(false);
    expect(r.newPerMonth).toBeCloseTo(485.12, 2);
    expect(r.newPerMonth).toBeCloseTo(485.12322283536895, 9);
    expect(requiredNewPerMonth({ start: 1000, target: 1600, monthlyChurn: 0, months: 12 })).toEqual({ newPerMonth: 50, alreadyReached: false });
    expect(requiredNewPerMonth({ start: 1000, target: 500, monthlyChurn: 0.05, months: 12 })).toEqual({ newPerMonth: 0, alreadyReached: true });
    expect(requiredNewPerMonth({ start: 1000, target: 1000, monthlyChurn: 0, months: 3 })).toEqual({ newPerMonth: 0, alreadyReached: true });
    expect(requiredNewPerMonth({ start: 1000, target: 300, monthlyChurn: 1, months: 1 })).toEqual({ newPerMonth: 300, alreadyReached: false });
    expect(requiredNewPerMonth()).toEqual(requiredNewPerMonth(defaultRequiredNewPerMonthInput));
    expect(steadyState({ newPerMonth: 500, monthlyChurn: 0.05 })).toBeCloseTo(10_000, 9);
    expect(issuesOf(() => steadyState({ newPerMonth: 500, monthlyChurn: 0 }))).toEqual([{ path: 'monthlyChurn', code: 'must_be_positive' }]);
    expect(issuesOf(() => requiredNewPerMonth({ months: 0 }))).toEqual([{ path: 'months', code: 'too_small', limit: 1 }]);
  });

  test('property: projecting with the answer lands on the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        (start, target, churn, months) => {
          const r = requiredNewPerMonth({ start, target, monthlyChurn: churn, months });
          expect(r.newPerMonth).toBeGreaterThanOrEqual(0);
          const end = projectMembers({ start, newPerMonth: r.newPerMonth, monthlyChurn: churn, months })[months] as number;
          if (r.alreadyReached) expect(end).toBeGreaterThanOrEqual(target - 1e-6);
          else expect(end).toBeCloseTo(target, 4);
        },
      ),
    );
  });

  test('property: a long projection approaches the steady state', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (n, c) => {
        const path = projectMembers({ start: 0, newPerMonth: n, monthlyChurn: c, months: 600 });
        expect(path[600]).toBeCloseTo(steadyState({ newPerMonth: n, monthlyChurn: c }), 4);
      }),
    );
  });
});

describe('convertRetention and stickiness', () => {
  test('examples (references computed in Python)', () => {
    expect(convertRetention(0.6, 7, 30)).toBeCloseTo(0.11200041825405418, 12);
    expect(convertRetention(0.85, 30, 360)).toBeCloseTo(0.14224175713617207, 12);
    expect(convertRetention(0, 7, 30)).toBe(0);
    expect(convertRetention(1, 7, 30)).toBe(1);
    expect(convertRetention(0.85, 30.4375, 365.25)).toBeCloseTo(0.85 ** 12, 12);
    expect(issuesOf(() => convertRetention(0.5, 0.5, 30))).toEqual([{ path: 'fromDays', code: 'too_small', limit: 1 }]);
    expect(stickiness(1200, 3000)).toBeCloseTo(0.4, 12);
    expect(stickiness(0, 10)).toBe(0);
    expect(issuesOf(() => stickiness(11, 10))).toEqual([{ path: 'dau', code: 'dau_exceeds_mau' }]);
    expect(issuesOf(() => stickiness(5, 0))).toEqual([{ path: 'mau', code: 'must_be_positive' }]);
    expect(issuesOf(() => convertRetention(1.2, 0, -3))).toEqual([
      { path: 'retention', code: 'not_a_share' },
      { path: 'fromDays', code: 'must_be_positive' },
      { path: 'toDays', code: 'must_be_positive' },
    ]);
  });

  test('property: converting there and back returns the rate; longer windows keep fewer', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 1, max: 365 }), fc.integer({ min: 1, max: 365 }), (r, a, b) => {
        const there = convertRetention(r, a, b);
        expect(there >= 0 && there <= 1).toBe(true);
        // r^(b/a) then ^(a/b): the relative error grows with the exponent, so compare relatively
        if (there > 1e-300) expect(Math.abs(convertRetention(there, b, a) - r)).toBeLessThanOrEqual(1e-6 * r);
        if (b >= a) expect(there).toBeLessThanOrEqual(r + 1e-15);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), (mau, share) => {
        const s = stickiness(Math.floor(mau * share), mau);
        expect(s >= 0 && s <= 1).toBe(true);
      }),
    );
  });
});

/** Reference apportionment in exact integer arithmetic: shares in basis points, BigInt products, no floats. */
function exactTiers(members: number, bp: [number, number, number]) {
  const products = bp.map((b) => BigInt(members) * BigInt(b));
  const floors = products.map((p) => Number(p / 10_000n));
  const rems = products.map((p) => Number(p % 10_000n));
  let left = members - floors.reduce((a, b) => a + b, 0);
  const order = [0, 1, 2].sort((i, j) => (rems[j] as number) - (rems[i] as number) || i - j);
  for (const i of order) if (left-- > 0) floors[i] = (floors[i] as number) + 1;
  return { core: floors[0], active: floors[1], silent: floors[2] };
}

describe('tiers', () => {
  test.each([
    [1003, { core: 50, active: 201, silent: 752 }], // contract example
    [0, { core: 0, active: 0, silent: 0 }],
    [1, { core: 0, active: 0, silent: 1 }], // 0.05 / 0.2 / 0.75 → the one goes to the largest fraction (.75)
    [2, { core: 0, active: 0, silent: 2 }], // 0.1 / 0.4 / 1.5 → floors 0/0/1, the one left goes to the largest fraction (.5)
    [20, { core: 1, active: 4, silent: 15 }],
    [1_000_000_000, { core: 50_000_000, active: 200_000_000, silent: 750_000_000 }],
  ])('%d members', (members, expected) => {
    expect(tiers(members)).toEqual(exactTiers(members, [500, 2000, 7500]));
    expect(tiers(members)).toEqual(expected);
  });

  test('custom shares, ties go to the earlier tier', () => {
    // 10 × 1/3 each = 3.33 → floors 3/3/3, one left, equal fractions → core
    expect(tiers(10, { core: 1 / 3, active: 1 / 3, silent: 1 / 3 })).toEqual({ core: 4, active: 3, silent: 3 });
    expect(tiers(5, { core: 0.5, active: 0.5, silent: 0 })).toEqual({ core: 3, active: 2, silent: 0 });
    expect(tiers(100, { core: 0.29, active: 0.01, silent: 0.7 })).toEqual({ core: 29, active: 1, silent: 70 }); // 100 × 0.29 is 28.999999999999996 in doubles
    expect(issuesOf(() => tiers(10, { core: 0.5, active: 0.5, silent: 0.5 }))).toEqual([{ path: 'shares', code: 'shares_must_sum_to_one' }]);
    expect(issuesOf(() => tiers(-1))).toEqual([{ path: 'members', code: 'must_be_non_negative' }]);
  });

  test('forecastTiers splits the forecast end membership in whole people, not the target', () => {
    // 4,048.4 → 4,048 → exact 202.4 / 809.6 / 3,036 → floors 202 / 809 / 3,036, the one left goes to active (.6).
    expect(forecastTiers(4048.4)).toEqual({ core: 202, active: 810, silent: 3036 });
    // Issue #14: a forecast of 4,048 with a target of 5,000 showed the target's 250 / 1,000 / 3,750.
    expect(forecastTiers(4048.4)).not.toEqual(tiers(5000));
    // The default projection (1,000, +500 a month, 5% churn, 12 months) ends at 5,136.76… → 5,137 people.
    const end = projectMembers()[12]!;
    expect(end).toBeCloseTo(5136.76, 2);
    const t = forecastTiers(end);
    expect(t).toEqual({ core: 257, active: 1027, silent: 3853 });
    expect(t.core + t.active + t.silent).toBe(5137);
    expect(forecastTiers(2.5)).toEqual(tiers(3)); // half up, as the page rounds
  });

  test('largestRemainder: weights are normalised, near-integers are not rounded away', () => {
    expect(largestRemainder(3, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(largestRemainder(2, [1 - 1e-13, 1 - 1e-13, 2e-13])).toEqual([1, 1, 0]);
    expect(largestRemainder(7, [2, 0, 5])).toEqual([2, 0, 5]);
    // Equal remainders that floating point tells apart still go to the earlier tier (found by the property below).
    expect(tiers(859_478_008, { core: 0.001, active: 0.062, silent: 0.937 })).toEqual({ core: 859_478, active: 53_287_637, silent: 805_330_893 });
  });

  test('property: sums to members, never negative, matches exact integer arithmetic', () => {
    const bp = fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b) - Math.min(a, b), 10_000 - Math.max(a, b)] as [number, number, number]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), bp, (members, [c, a, s]) => {
        const t = tiers(members, { core: c / 10_000, active: a / 10_000, silent: s / 10_000 });
        expect(t.core + t.active + t.silent).toBe(members);
        for (const v of Object.values(t)) expect(Number.isInteger(v) && v >= 0).toBe(true);
        expect(t).toEqual(exactTiers(members, [c, a, s]));
      }),
    );
  });
});
