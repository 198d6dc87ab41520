import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, buildPlan, defaultPlanInput, planInputSchema, SCENARIO_PRESETS, applyScenario, sensitivity, type PlanInput } from '../../src/lib';

/**
 * A three-phase plan small enough to check by hand (worked below in the comments).
 * Team: no core team, operators ¥120,000 a year, no overhead → ¥10,000 per operator per month;
 * tools ¥12,000 a year → ¥1,000 a month; no events, content, incentives, KOC programme or contingency.
 */
const HAND: PlanInput = {
  start: '2026-01-31',
  currentMembers: 1000,
  annualRevenue: 2_820_000,
  arpuMonthly: 100,
  grossMargin: 0.5,
  activeShare: 0.2,
  stickiness: 0.45,
  coreTeam: [],
  operatorAnnualSalary: 120_000,
  overheadRate: 0,
  toolsAnnual: 12_000,
  onlineEventCost: 0,
  contingencyRate: 0,
  groupCapacity: 500,
  kocProgramme: false,
  phases: [
    { id: 'a', name: 'A', months: 1, newPerMonth: 100, monthlyChurn: 0.1, membersPerOperator: 1000, eventsPerMonth: 0, contentMonthly: 0, incentivesMonthly: 0, acquisitionMonthly: 10_000 },
    { id: 'b', name: 'B', months: 2, newPerMonth: 200, monthlyChurn: 0.1, membersPerOperator: 1000, eventsPerMonth: 0, contentMonthly: 0, incentivesMonthly: 0, acquisitionMonthly: 10_000 },
    { id: 'c', name: 'C', months: 1, newPerMonth: 0, monthlyChurn: 0.5, membersPerOperator: 10_000, eventsPerMonth: 0, contentMonthly: 0, incentivesMonthly: 0, acquisitionMonthly: 0 },
  ],
};

describe('buildPlan — hand-checked three-phase example', () => {
  const plan = buildPlan(HAND);

  it('projects members month by month: 1000·0.9+100 = 1000; ·0.9+200 = 1100; ·0.9+200 = 1190; ·0.5 = 595', () => {
    expect(plan.months.map((m) => m.members)).toEqual([1000, 1100, 1190, 595].map((x) => expect.closeTo(x, 9)));
    expect(plan.months.map((m) => m.phaseId)).toEqual(['a', 'b', 'b', 'c']);
  });

  it('dates months from the start without drift (31 Jan → 28 Feb → 31 Mar → 30 Apr)', () => {
    expect(plan.months.map((m) => m.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(plan.phases.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-04-29'],
      ['2026-04-30', '2026-05-30'],
    ]);
  });

  it('staffs each month: operators ⌈1000/1000⌉ = 1, ⌈1100/1000⌉ = 2, 2, ⌈595/10000⌉ = 1; groups of 500', () => {
    expect(plan.months.map((m) => m.operators)).toEqual([1, 2, 2, 1]);
    expect(plan.months.map((m) => m.groups)).toEqual([2, 3, 3, 2]);
    expect(plan.months.map((m) => m.activeMembers)).toEqual([200, 220, 238, 119]);
    expect(plan.months[0]!.tiers).toEqual({ core: 50, active: 200, silent: 750 });
  });

  it('costs each month: 10,000 × operators + 1,000 tools + acquisition → 21,000 / 31,000 / 31,000 / 11,000', () => {
    expect(plan.months.map((m) => m.cost.total)).toEqual([21_000, 31_000, 31_000, 11_000]);
    expect(plan.totals.cost).toBe(94_000);
    // 94,000 over 4 months is 282,000 a year, 10% of 2,820,000.
    expect(plan.totals.annualizedCost).toBeCloseTo(282_000, 6);
    expect(plan.totals.revenueShare).toBeCloseTo(0.1, 12);
  });

  it('prices members: CAC 10,000/100 = 100 and 10,000/200 = 50; LTV = 100 × 0.5 ÷ 0.1 = 500', () => {
    expect(plan.phases.map((p) => p.cac)).toEqual([100, 50, null]);
    expect(plan.phases.map((p) => p.ltv)).toEqual([expect.closeTo(500, 9), expect.closeTo(500, 9), expect.closeTo(100, 9)]);
    expect(plan.phases.map((p) => p.ltvCac)).toEqual([expect.closeTo(5, 9), expect.closeTo(10, 9), null]);
    // Plan level: (100 × 500 + 400 × 500) ÷ 30,000.
    expect(plan.totals.ltvCac).toBeCloseTo(250_000 / 30_000, 9);
  });

  it('checks the guidelines: tech share 1,000/11,000 and 2,000/42,000; revenue 10% > 5%; stickiness 0.45 ≥ 0.4', () => {
    const byId = (id: string, phase: string | null) => plan.checks.find((c) => c.id === id && c.phaseId === phase)!;
    expect(byId('techShare', 'a').value).toBeCloseTo(1 / 11, 12);
    expect(byId('techShare', 'b').value).toBeCloseTo(2 / 42, 12);
    expect(byId('techShare', 'c').limit).toBe(0.15);
    expect(byId('revenueShare', null)).toMatchObject({ ok: false, limit: 0.05 });
    expect(byId('stickiness', null)).toMatchObject({ ok: true, value: 0.45 });
    expect(plan.checks.every((c) => c.chapter.startsWith('/handbook/'))).toBe(true);
  });
});

describe('buildPlan — defaults and invariants', () => {
  it('builds the default plan: 12 months from 2027-01-01, three phases', () => {
    const p = buildPlan();
    expect(p.totals.months).toBe(12);
    expect(p.phases.map((x) => x.id)).toEqual(['launch', 'growth', 'mature']);
    expect(p.phases[2]!.end).toBe('2027-12-31');
    expect(defaultPlanInput).toEqual(planInputSchema.parse({}));
  });

  it('refuses bad input field by field', () => {
    const bad = { ...HAND, currentMembers: -1, phases: [{ ...HAND.phases![0]!, months: 61 }, { ...HAND.phases![0]!, monthlyChurn: 0 }] };
    try {
      buildPlan(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const paths = (e as InputError).issues.map((i) => `${i.path}:${i.code}`);
      expect(paths).toContain('currentMembers:must_be_non_negative');
      expect(paths).toContain('phases.0.months:too_large');
      expect(paths).toContain('phases.1.monthlyChurn:must_be_positive');
      expect(paths).toContain('phases.1.id:duplicate_id');
    }
    expect(() => buildPlan({ phases: Array.from({ length: 13 }, (_, i) => ({ ...HAND.phases![0]!, id: `p${i}` })) })).toThrow(InputError);
    expect(() => buildPlan({ phases: [{ ...HAND.phases![0]!, months: 60 }, { ...HAND.phases![0]!, id: 'x', months: 61 }] })).toThrow(InputError);
  });

  it('is finite and never negative for any reasonable plan, and more intake never means fewer members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.record({ months: fc.integer({ min: 1, max: 12 }), newPerMonth: fc.integer({ min: 0, max: 5000 }), churn: fc.integer({ min: 1, max: 100 }), spend: fc.integer({ min: 0, max: 500_000 }) }), { minLength: 1, maxLength: 5 }),
        (start, ps) => {
          const input: PlanInput = {
            currentMembers: start,
            phases: ps.map((p, i) => ({ id: `p${i}`, name: `P${i}`, months: p.months, newPerMonth: p.newPerMonth, monthlyChurn: p.churn / 100, membersPerOperator: 5000, eventsPerMonth: 2, contentMonthly: 1000, incentivesMonthly: 1000, acquisitionMonthly: p.spend })),
          };
          const plan = buildPlan(input);
          for (const m of plan.months) {
            for (const x of [m.members, m.operators, m.headcount, m.cost.total, m.tiers.core, m.tiers.silent]) {
              expect(Number.isFinite(x)).toBe(true);
              expect(x).toBeGreaterThanOrEqual(0);
            }
            expect(m.tiers.core + m.tiers.active + m.tiers.silent).toBe(Math.round(m.members));
          }
          const more = buildPlan(applyScenario(input, { newMembers: 1.5, churn: 1, acquisition: 1 }));
          more.months.forEach((m, i) => expect(m.members).toBeGreaterThanOrEqual(plan.months[i]!.members - 1e-9));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('scenarios and sensitivity', () => {
  it('scales intake, churn (capped at 100%) and acquisition', () => {
    const v = applyScenario(HAND, { newMembers: 0.5, churn: 3, acquisition: 2 });
    expect(v.phases.map((p) => [p.newPerMonth, p.monthlyChurn, p.acquisitionMonthly])).toEqual([
      [50, expect.closeTo(0.3, 12), 20_000],
      [100, expect.closeTo(0.3, 12), 20_000],
      [0, 1, 0],
    ]);
    expect(applyScenario(HAND, SCENARIO_PRESETS.base)).toEqual(planInputSchema.parse(HAND));
  });

  it('moves the budget with acquisition spend exactly by ±20% of the spend', () => {
    const { base, rows } = sensitivity(HAND);
    const acq = rows.find((r) => r.driver === 'acquisitionMonthly')!;
    // 30,000 of acquisition over 4 months is 90,000 a year; ±20% of it.
    expect(acq.high.annualizedCost - base.totals.annualizedCost).toBeCloseTo(18_000, 6);
    expect(base.totals.annualizedCost - acq.low.annualizedCost).toBeCloseTo(18_000, 6);
    // LTV/CAC is inversely proportional to acquisition spend.
    expect(acq.high.ltvCac).toBeCloseTo(base.totals.ltvCac! / 1.2, 9);
    const arpu = rows.find((r) => r.driver === 'arpuMonthly')!;
    expect(arpu.high.ltvCac).toBeCloseTo(base.totals.ltvCac! * 1.2, 9);
    expect(arpu.high.annualizedCost).toBeCloseTo(base.totals.annualizedCost, 6);
    expect(rows).toHaveLength(7);
  });
});

describe('plans without revenue or acquisition', () => {
  const noSpend: PlanInput = { ...HAND, annualRevenue: null, phases: HAND.phases!.map((p) => ({ ...p, acquisitionMonthly: 0 })) };
  it('has no revenue check, no CAC and no LTV/CAC, but still an LTV per phase', () => {
    const p = buildPlan(noSpend);
    expect(p.totals.revenueShare).toBeNull();
    expect(p.totals.ltvCac).toBeNull();
    expect(p.phases.every((x) => x.cac === null && x.ltvCac === null && x.verdict === null && x.paybackMonths === null)).toBe(true);
    expect(p.checks.map((c) => c.id)).toEqual(['techShare', 'techShare', 'techShare', 'stickiness']);
    expect(p.phases[0]!.ltv).toBeCloseTo(500, 9);
  });
  it('still ranks drivers when LTV/CAC is undefined', () => {
    const { base, rows } = sensitivity(noSpend);
    expect(base.totals.ltvCac).toBeNull();
    expect(rows[0]!.driver).toBe('operatorAnnualSalary');
    expect(rows.every((r) => r.low.ltvCac === null)).toBe(true);
  });
  it('has no tech share where a phase costs nothing at all', () => {
    const free: PlanInput = { ...noSpend, toolsAnnual: 0, operatorAnnualSalary: 0, currentMembers: 0, phases: [{ ...HAND.phases![0]!, newPerMonth: 0, acquisitionMonthly: 0 }] };
    const p = buildPlan(free);
    expect(p.phases[0]!.techShare).toBeNull();
    expect(p.checks.map((c) => c.id)).toEqual(['stickiness']);
  });
});

describe('buildPlan — workload-based staffing and the KOC programme line (issue #18)', () => {
  it('adds the KOC programme to each month: staffing top KOC target on the default ladder, under contingency', () => {
    const withKoc = buildPlan({ ...HAND, kocProgramme: true });
    // Month 1: 1,000 members, 20% active = 200, 8% of them = 16 KOCs → 9.6/4.8/1.6 → 10 / 5 / 1 (largest remainder):
    // 10 × 50 + 5 × (150 + 25) + 1 × (400 + 1,000/12) = 500 + 875 + 483.33 = 1,858.33; recruitment 16 × 5% × 200 = 160.
    expect(withKoc.months[0]!.kocs).toBe(16);
    expect(withKoc.months[0]!.cost.koc).toBeCloseTo(2_018.333333, 5);
    expect(withKoc.months[0]!.cost.total).toBeCloseTo(21_000 + 2_018.333333, 5);
    // The incentives line carries the programme (the cost chart keeps one bar per budget line); koc is its part.
    expect(withKoc.months[0]!.cost.incentives).toBe(withKoc.months[0]!.cost.koc);
    // Month 4: 595 members → 119 active → ⌈9.52⌉ = 10 KOCs → 6 / 3 / 1: 300 + 525 + 483.33 + 100 = 1,408.33.
    expect(withKoc.months[3]!.kocs).toBe(10);
    expect(withKoc.phases[2]!.kocMonthlyEnd).toBeCloseTo(1_408.333333, 5);
    expect(withKoc.phases[1]!.kocCost).toBeCloseTo(withKoc.months[1]!.cost.koc + withKoc.months[2]!.cost.koc, 9);
    expect(withKoc.totals.cost - buildPlan(HAND).totals.cost).toBeCloseTo(withKoc.months.reduce((s, m) => s + m.cost.koc, 0), 6);
    // Contingency applies to the KOC line like any other operating line.
    const padded = buildPlan({ ...HAND, kocProgramme: true, contingencyRate: 0.1 });
    expect(padded.months[0]!.cost.contingency).toBeCloseTo((10_000 + 1_000 + 2_018.333333) * 0.1, 4);
  });

  it('without the programme the line is 0', () => {
    const plan = buildPlan(HAND);
    expect(plan.months.every((m) => m.cost.koc === 0 && m.kocs === 0)).toBe(true);
    expect(plan.phases.map((p) => p.kocCost)).toEqual([0, 0, 0]);
    expect(defaultPlanInput.kocProgramme).toBe(true);
  });

  it('works out operators from the work at each phase end and recommends the larger rule', () => {
    const plan = buildPlan(HAND);
    // Phase A ends with 2 groups, 100 new a month, no events: welcome 100 × 12/52 × 3/60 = 1.154, posting 2 × 3 × 7 × 4/60 = 2.8,
    // care 17.5, moderation 2 × 10 × 7/60 = 2.333, reporting 4 → 27.787 h ÷ 30 = 0.926 → 1; coverage 13 × 7 = 91 h ÷ 40 → 3.
    const a = plan.phases[0]!.staffing;
    expect(a.taskHours).toBeCloseTo(100 * (12 / 52) * 0.05 + 2.8 + 17.5 + 14 / 6 + 4, 9);
    expect(a.coverageHours).toBe(91);
    expect(a.byRule).toEqual({ ratio: 1, workload: 1, coverage: 3 });
    expect(a.operators).toBe(3);
    expect(a.reason).toBe('coverage');
    // Two more operators at ¥120,000 a year, no overhead: ¥20,000 a month more than the ratio rule costs.
    expect(a.extraPersonnelMonthly).toBeCloseTo(20_000, 9);
    // The ratio rule wins when it asks for the most: 1,190 members at 1 : 100 → 12 operators.
    const tight = buildPlan({ ...HAND, phases: HAND.phases!.map((p) => ({ ...p, membersPerOperator: 100 })) });
    expect(tight.phases[1]!.staffing.reason).toBe('ratio');
    expect(tight.phases[1]!.staffing.operators).toBe(12);
    expect(tight.phases[1]!.staffing.extraPersonnelMonthly).toBe(0);
  });
});
