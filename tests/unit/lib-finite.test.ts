import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  InputError,
  convertRetention,
  fitSbg,
  ltvCac,
  planBudget,
  planStaffing,
  projectMembers,
  requiredNewPerMonth,
  sbgSurvival,
  steadyState,
  stickiness,
  tiers,
} from '../../src/lib';

// Any number a caller could pass, with extra weight on the awkward ones.
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, 1e-7, 1e-6, 0.01, 1e9, 1e12, 1e300, Number.MAX_VALUE),
  fc.integer({ min: 0, max: 1e9 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const numbersIn = (v: unknown): number[] =>
  typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbersIn) : [];

/** Either an InputError, or a result whose every number is finite and never -0. */
function finiteOrInputError(fn: () => unknown): void {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).issues.length).toBeGreaterThan(0);
    return;
  }
  for (const n of numbersIn(result)) {
    expect(Number.isFinite(n)).toBe(true);
    expect(Object.is(n, -0)).toBe(false);
  }
}

const runs = { numRuns: 300 };

describe('no input yields NaN, Infinity or -0: either a result of finite numbers, or an InputError', () => {
  test('planStaffing', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (members, ratio, active, salary, overhead, cap, coreSalary) => {
        finiteOrInputError(() =>
          planStaffing({ members, membersPerOperator: ratio, activeShare: active, operatorAnnualSalary: salary, overheadRate: overhead, groupCapacity: cap, coreTeam: [{ role: 'x', count: 1, annualSalary: coreSalary }] }),
        );
      }),
      runs,
    );
  });

  test('planBudget', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 11, maxLength: 11 }), ([a, b, c, d, e, f, g, h, i, j, k]) => {
        finiteOrInputError(() =>
          planBudget({ personnelMonthly: a, toolsAnnual: b, onlineEventsPerMonth: c, onlineEventCost: d, offlineEventsPerQuarter: e, offlineEventCost: f, contentMonthly: g, incentivesMonthly: h, contingencyRate: i, members: j, annualRevenue: k }),
        );
      }),
      runs,
    );
  });

  test('ltvCac', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, fc.option(anyNumber, { nil: null }), anyNumber, anyNumber, anyNumber, fc.boolean(), (arpu, margin, churn, disc, horizon, cac, spend, customers, useCac) => {
        finiteOrInputError(() =>
          ltvCac({ arpuMonthly: arpu, grossMargin: margin, monthlyChurn: churn, annualDiscountRate: disc, horizonMonths: horizon, ...(useCac ? { cac } : { acquisitionSpend: spend, newCustomers: customers }) }),
        );
      }),
      runs,
    );
  });

  test('growth, retention, tiers, sBG', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d) => {
        finiteOrInputError(() => projectMembers({ start: a, newPerMonth: b, monthlyChurn: c, months: Math.min(600, Math.abs(Math.trunc(d)) || 0) }));
        finiteOrInputError(() => requiredNewPerMonth({ start: a, target: b, monthlyChurn: c, months: d }));
        finiteOrInputError(() => steadyState({ newPerMonth: a, monthlyChurn: c }));
        finiteOrInputError(() => convertRetention(c, a, b));
        finiteOrInputError(() => stickiness(a, b));
        finiteOrInputError(() => tiers(a, { core: c, active: 0, silent: 1 - c }));
        finiteOrInputError(() => sbgSurvival(a, b, Math.min(600, Math.abs(Math.trunc(d)) || 0)));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 2, maxLength: 36 }), (xs) => {
        finiteOrInputError(() => fitSbg([1, ...xs]));
        // the same values sorted into a valid curve
        finiteOrInputError(() => fitSbg([1, ...xs.filter((x) => x >= 0 && x <= 1).sort((p, q) => q - p)]));
      }),
      { numRuns: 200 },
    );
  });
});
