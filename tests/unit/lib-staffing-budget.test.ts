import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  defaultBudgetInput,
  defaultStaffingInput,
  planBudget,
  planStaffing,
  budgetInputSchema,
  staffingInputSchema,
} from '../../src/lib';
import { budgetHandOff } from '../../src/lib/staffing';
import { parseNumber } from '../../src/lib/parse';
import { issuesOf } from './issues-of';

describe('planStaffing', () => {
  test('contract example (defaults are the example)', () => {
    const plan = planStaffing({
      members: 20_000,
      membersPerOperator: 5_000,
      activeShare: 0.25,
      kocShare: { min: 0.05, max: 0.08 },
      coreTeam: [
        { role: 'lead', count: 1, annualSalary: 300_000 },
        { role: 'content', count: 1, annualSalary: 180_000 },
        { role: 'analyst', count: 1, annualSalary: 200_000 },
      ],
      operatorAnnualSalary: 150_000,
      overheadRate: 0.3,
      groupCapacity: 500,
    });
    // By hand: (300k + 180k + 200k + 4 × 150k) × 1.3 = 1,280,000 × 1.3 = 1,664,000; / 12 = 138,666.67.
    expect(plan).toMatchObject({
      operators: 4,
      activeMembers: 5_000,
      koc: { min: 250, max: 400 },
      headcount: 7,
      groups: 40,
      annualCoreSalaries: 680_000,
      annualOperatorSalaries: 600_000,
    });
    expect(plan.annualPersonnelCost).toBeCloseTo(1_664_000, 6);
    expect(plan.monthlyPersonnelCost).toBeCloseTo(138_666.67, 2);
    expect(plan.membersPerHead).toBeCloseTo(20_000 / 7, 9);
    expect(planStaffing()).toEqual(plan);
  });

  test.each([
    // members, ratio, active, koc min/max → operators, groups, active, koc (reference: hand arithmetic)
    [0, 5_000, 0.25, 0.05, 0.08, 0, 0, 0, 0, 0],
    [1, 5_000, 1, 0.05, 0.08, 1, 1, 1, 1, 1],
    [5_000, 5_000, 0.25, 0.05, 0.08, 1, 10, 1_250, 63, 100],
    [5_001, 5_000, 0.25, 0.05, 0.08, 2, 11, 1_250, 63, 100],
    [7_000, 10_000, 0.1, 0.07, 0.07, 1, 14, 700, 49, 49], // 700 × 0.07 = 49.00000000000001 in doubles
    [100_000, 10_000, 0.3, 0.05, 0.08, 10, 200, 30_000, 1_500, 2_400],
    [1_000, 3, 0.5, 0.05, 0.08, 334, 2, 500, 25, 40],
  ])('members %d at 1:%d, active %d → operators %d, groups %d', (members, ratio, active, kmin, kmax, ops, groups, act, kocMin, kocMax) => {
    const plan = planStaffing({ members, membersPerOperator: ratio, activeShare: active, kocShare: { min: kmin, max: kmax } });
    expect([plan.operators, plan.groups, plan.activeMembers, plan.koc.min, plan.koc.max]).toEqual([ops, groups, act, kocMin, kocMax]);
  });

  test('no team at all gives membersPerHead null, not NaN', () => {
    const plan = planStaffing({ members: 0, coreTeam: [] });
    expect(plan.headcount).toBe(0);
    expect(plan.membersPerHead).toBeNull();
    expect(plan.annualPersonnelCost).toBe(0);
  });

  test('defaults come from the schema', () => {
    expect(defaultStaffingInput).toEqual(staffingInputSchema.parse({}));
    expect(defaultStaffingInput.membersPerOperator).toBe(5_000);
    expect(defaultStaffingInput.kocShare).toEqual({ min: 0.05, max: 0.08 });
    expect(defaultStaffingInput.groupCapacity).toBe(500);
  });

  test('every bad field is listed', () => {
    expect(
      issuesOf(() =>
        planStaffing({
          members: 1.5,
          membersPerOperator: 0,
          activeShare: -0.1,
          kocShare: { min: 0.2, max: 0.1 },
          coreTeam: [{ role: ' ', count: -1, annualSalary: 'x' as unknown as number }],
          overheadRate: Number.NaN,
          groupCapacity: 2e6,
        }),
      ),
    ).toEqual([
      { path: 'members', code: 'not_integer' },
      { path: 'membersPerOperator', code: 'must_be_positive' },
      { path: 'activeShare', code: 'not_a_share' },
      { path: 'kocShare.max', code: 'min_exceeds_max' },
      { path: 'coreTeam.0.role', code: 'required' },
      { path: 'coreTeam.0.count', code: 'must_be_non_negative' },
      { path: 'coreTeam.0.annualSalary', code: 'not_a_number' },
      { path: 'overheadRate', code: 'not_finite' },
      { path: 'groupCapacity', code: 'too_large', limit: 1_000_000 },
    ]);
  });

  test('invariants: counts whole and non-negative, enough operators, cost rises with members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (members, ratio, active, extra) => {
          const a = planStaffing({ members, membersPerOperator: ratio, activeShare: active, coreTeam: [] });
          for (const n of [a.operators, a.groups, a.activeMembers, a.koc.min, a.koc.max, a.headcount]) {
            expect(Number.isInteger(n) && n >= 0 && !Object.is(n, -0)).toBe(true);
          }
          expect(a.operators * ratio).toBeGreaterThanOrEqual(members);
          expect((a.operators - 1) * ratio).toBeLessThan(members);
          expect(a.koc.min).toBeLessThanOrEqual(a.koc.max);
          expect(Number.isFinite(a.annualPersonnelCost)).toBe(true);
          const b = planStaffing({ members: Math.min(1e9, members + extra), membersPerOperator: ratio, activeShare: active, coreTeam: [] });
          expect(b.annualPersonnelCost).toBeGreaterThanOrEqual(a.annualPersonnelCost);
        },
      ),
    );
  });
});

describe('budgetHandOff', () => {
  test('carries the personnel cost and the members, so the budget divides the same cost by the same community', () => {
    expect(budgetHandOff(planStaffing(), 20_000)).toBe('?personnel=138666.67&members=20000');
    // 3,000 members: 1 operator, (680,000 + 150,000) × 1.3 = 1,079,000 a year → 89,916.67 a month.
    const staffing = planStaffing({ members: 3000 });
    const params = new URLSearchParams(budgetHandOff(staffing, 3000));
    expect([...params.keys()]).toEqual(['personnel', 'members']);
    const read = (k: string) => {
      const r = parseNumber(params.get(k)!);
      if (!r.ok) throw new Error(k);
      return r.value;
    };
    const budget = planBudget({ ...defaultBudgetInput, personnelMonthly: read('personnel'), members: read('members') });
    expect(read('personnel')).toBe(89916.67);
    // Before the fix only the cost went over and the budget divided it by its default 20,000 members.
    expect(budget.costPerMemberMonthly).toBeCloseTo(budget.monthlyTotal / 3000, 6);
    expect(budget.costPerMemberMonthly).toBeCloseTo(46.17, 2);
  });
});

describe('planBudget', () => {
  test('contract example', () => {
    const b = planBudget({
      personnelMonthly: 60_000,
      toolsAnnual: 120_000,
      onlineEventsPerMonth: 4,
      onlineEventCost: 2_000,
      offlineEventsPerQuarter: 1,
      offlineEventCost: 30_000,
      contentMonthly: 5_000,
      incentivesMonthly: 3_000,
      contingencyRate: 0.1,
      members: 20_000,
      annualRevenue: 10_000_000,
    });
    // By hand: activities 4 × 2,000 + 30,000 / 3 = 18,000; subtotal 60,000 + 10,000 + 18,000 + 5,000 + 3,000 = 96,000.
    expect(b.lines).toEqual({ personnel: 60_000, tools: 10_000, activities: 18_000, content: 5_000, incentives: 3_000 });
    expect(b.subtotal).toBe(96_000);
    expect(b.contingency).toBeCloseTo(9_600, 9);
    expect(b.monthlyTotal).toBeCloseTo(105_600, 9);
    expect(b.annualTotal).toBeCloseTo(1_267_200, 6);
    expect(b.costPerMemberMonthly).toBeCloseTo(5.28, 12);
    expect(b.techShare).toBeCloseTo(0.1042, 4);
    expect(b.revenueShare).toBeCloseTo(0.1267, 4);
    expect(b.checks.techShare).toEqual({ value: b.techShare, limit: 0.2, ok: true });
    expect(b.checks.revenueShare).toEqual({ value: b.revenueShare, limit: 0.05, ok: false });
  });

  test('mature phase tightens the tech limit to 15%; no revenue → no revenue check', () => {
    // tools 240,000/yr = 20,000/mo of a 120,000 subtotal → exactly 1/6 ≈ 16.7%
    const b = planBudget({ toolsAnnual: 240_000, personnelMonthly: 74_000, phase: 'mature' });
    expect(b.subtotal).toBe(120_000);
    expect(b.checks.techShare).toMatchObject({ limit: 0.15, ok: false });
    expect(b.checks.revenueShare).toBeNull();
    expect(b.revenueShare).toBeNull();
    expect(planBudget({ toolsAnnual: 240_000, personnelMonthly: 74_000 }).checks.techShare.ok).toBe(true);
  });

  test('exactly at a limit is ok (float noise forgiven)', () => {
    // annual 600,000 against revenue 12,000,000 → exactly 5%
    const b = planBudget({
      personnelMonthly: 50_000,
      toolsAnnual: 0,
      onlineEventsPerMonth: 0,
      offlineEventsPerQuarter: 0,
      contentMonthly: 0,
      incentivesMonthly: 0,
      contingencyRate: 0,
      annualRevenue: 12_000_000,
    });
    expect(b.checks.revenueShare?.ok).toBe(true);
  });

  test('everything zero: nulls instead of NaN', () => {
    const b = planBudget({
      personnelMonthly: 0,
      toolsAnnual: 0,
      onlineEventsPerMonth: 0,
      offlineEventsPerQuarter: 0,
      contentMonthly: 0,
      incentivesMonthly: 0,
      members: 0,
    });
    expect(b.monthlyTotal).toBe(0);
    expect(b.techShare).toBeNull();
    expect(b.costPerMemberMonthly).toBeNull();
    expect(b.checks.techShare.ok).toBe(true);
  });

  test('defaults and errors', () => {
    expect(defaultBudgetInput).toEqual(budgetInputSchema.parse({}));
    expect(defaultBudgetInput.phase).toBe('launch');
    expect(defaultBudgetInput.annualRevenue).toBeNull();
    expect(issuesOf(() => planBudget({ toolsAnnual: -1, annualRevenue: 0, phase: 'growth' as 'launch' }))).toEqual([
      { path: 'toolsAnnual', code: 'must_be_non_negative' },
      { path: 'annualRevenue', code: 'must_be_positive' },
      { path: 'phase', code: 'invalid_option' },
    ]);
  });

  test('invariants: annual = 12 × monthly ≥ subtotal ≥ each line, shares within 0–1', () => {
    const money = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(money, money, fc.integer({ min: 0, max: 100 }), money, money, fc.double({ min: 0, max: 1, noNaN: true }), (p, t, n, c, cost, rate) => {
        const b = planBudget({ personnelMonthly: p, toolsAnnual: t, onlineEventsPerMonth: n, onlineEventCost: cost, contentMonthly: c, contingencyRate: rate });
        expect(b.annualTotal).toBeCloseTo(12 * b.monthlyTotal, 0);
        expect(b.monthlyTotal).toBeGreaterThanOrEqual(b.subtotal);
        for (const line of Object.values(b.lines)) expect(line).toBeLessThanOrEqual(b.subtotal);
        if (b.techShare !== null) expect(b.techShare >= 0 && b.techShare <= 1).toBe(true);
      }),
    );
  });
});
