import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildRota,
  checkWorkload,
  clock,
  defaultStaffingInput,
  defaultRotaInput,
  defaultWorkloadInput,
  planStaffing,
  planWorkload,
  recommendOperators,
  rotaOperatorsNeeded,
  rotaToIcs,
  workloadInputSchema,
  type RotaInput,
} from '../../src/lib';
import { issuesOf } from './issues-of';

describe('planWorkload', () => {
  test('contract example (the defaults)', () => {
    const w = planWorkload();
    // By hand: 600 × 12/52 × 3/60 = 6.923; 12 × 3 × 7 × 4/60 = 16.8; 30 × 7 × 5/60 = 17.5; 12 × 10 × 7/60 = 14;
    // 4 × 6 × 12/52 = 5.538; 4 → 64.762. Coverage 13 × 7 × 1 = 91. 64.762 / 30 = 2.159; 91 / 40 = 2.275.
    expect(w.taskHours.welcome).toBeCloseTo(6.923, 3);
    expect(w.taskHours.posting).toBeCloseTo(16.8, 9);
    expect(w.taskHours.care).toBeCloseTo(17.5, 9);
    expect(w.taskHours.moderation).toBeCloseTo(14, 9);
    expect(w.taskHours.events).toBeCloseTo(5.538, 3);
    expect(w.taskHours.reporting).toBe(4);
    expect(w.taskHours.total).toBeCloseTo(64.762, 3);
    expect(w.coverageHours).toBe(91);
    expect(w.workloadFte).toBeCloseTo(2.159, 3);
    expect(w.coverageFte).toBeCloseTo(2.275, 3);
    expect(w.operators).toBe(3);
    expect(w.binding).toBe('coverage');
    expect(defaultWorkloadInput).toEqual(workloadInputSchema.parse({}));
  });

  test.each([
    // groups, posts, coverage, minOnDuty → operators, binding (hand arithmetic)
    [100, 3, [9, 22, 7], 1, 'workload'], // posting 140 h alone → > 91 / 40
    [0, 0, [9, 17, 5], 1, 'workload'], // tasks 6.923+17.5+5.538+4 = 33.96 / 30 = 1.13 > 40 / 40 = 1
    [12, 3, [0, 24, 7], 2, 'coverage'], // 336 / 40 = 8.4 → 9
  ] as const)('groups %d, posts %d → binding %s', (groups, posts, [startHour, endHour, daysPerWeek], minOnDuty, binding) => {
    const w = planWorkload({ groups, postsPerGroupPerDay: posts, coverage: { startHour, endHour, daysPerWeek }, minOnDuty });
    expect(w.binding).toBe(binding);
    expect(w.operators).toBe(Math.ceil(Math.max(w.workloadFte, w.coverageFte) - 1e-12));
  });

  test('the third case needs 9 operators; no work and no window is impossible, the tie goes to coverage', () => {
    expect(planWorkload({ coverage: { startHour: 0, endHour: 24 }, minOnDuty: 2 }).operators).toBe(9);
    // A tie: tasks worth exactly 40 × 0.75 = 30 h and a 40-h window.
    const tie = planWorkload({
      groups: 0, newMembersPerMonth: 0, careContactsPerDay: 0, eventsPerMonth: 0, reportingHoursPerWeek: 30,
      coverage: { startHour: 9, endHour: 17, daysPerWeek: 5 },
    });
    expect(tie.workloadFte).toBe(1);
    expect(tie.coverageFte).toBe(1);
    expect(tie.binding).toBe('coverage');
    expect(tie.operators).toBe(1);
  });

  test('bad fields are named', () => {
    const issues = issuesOf(() =>
      planWorkload({ groups: -1, coverage: { startHour: 20, endHour: 8, daysPerWeek: 8 }, minOnDuty: 0, productiveShare: 1.5, hoursPerFteWeek: 0 }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'groups', code: 'must_be_non_negative' },
        { path: 'coverage.endHour', code: 'end_before_start' },
        { path: 'coverage.daysPerWeek', code: 'too_large', limit: 7 },
        { path: 'minOnDuty', code: 'too_small', limit: 1 },
        { path: 'productiveShare', code: 'not_a_share' },
        { path: 'hoursPerFteWeek', code: 'must_be_positive' },
      ]),
    );
  });

  const arbInput = fc.record({
    groups: fc.integer({ min: 0, max: 500 }),
    newMembersPerMonth: fc.integer({ min: 0, max: 50_000 }),
    postsPerGroupPerDay: fc.double({ min: 0, max: 20, noNaN: true }),
    careContactsPerDay: fc.integer({ min: 0, max: 500 }),
    startHour: fc.integer({ min: 0, max: 23 }),
    length: fc.integer({ min: 1, max: 24 }),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
    minOnDuty: fc.integer({ min: 1, max: 5 }),
  });
  type Arb = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (a: Arb) => ({
    groups: a.groups,
    newMembersPerMonth: a.newMembersPerMonth,
    postsPerGroupPerDay: a.postsPerGroupPerDay,
    careContactsPerDay: a.careContactsPerDay,
    coverage: { startHour: a.startHour, endHour: Math.min(24, a.startHour + a.length), daysPerWeek: a.daysPerWeek },
    minOnDuty: a.minOnDuty,
  });

  test('property: more groups never lowers operators', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 200 }), (a, extra) => {
        const base = planWorkload(toInput(a));
        const more = planWorkload({ ...toInput(a), groups: a.groups + extra });
        expect(more.operators).toBeGreaterThanOrEqual(base.operators);
        expect(more.taskHours.total).toBeGreaterThanOrEqual(base.taskHours.total);
      }),
    );
  });

  test('property: longer coverage (more hours, more days, more on duty) never lowers operators', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), (a, moreDays, moreOnDuty) => {
        const input = toInput(a);
        const base = planWorkload(input);
        const longer = planWorkload({
          ...input,
          coverage: { startHour: Math.max(0, a.startHour - 1), endHour: 24, daysPerWeek: Math.min(7, a.daysPerWeek + moreDays) },
          minOnDuty: a.minOnDuty + moreOnDuty,
        });
        expect(longer.coverageHours).toBeGreaterThanOrEqual(base.coverageHours);
        expect(longer.operators).toBeGreaterThanOrEqual(base.operators);
      }),
    );
  });

  test('property: operators is the ceiling of the larger rule, never NaN', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const w = planWorkload(toInput(a));
        const larger = Math.max(w.workloadFte, w.coverageFte);
        expect(Number.isInteger(w.operators)).toBe(true);
        expect(w.operators).toBeGreaterThanOrEqual(larger - 1e-9);
        expect(w.operators).toBeLessThan(larger + 1);
        expect(w.binding).toBe(w.workloadFte > w.coverageFte ? 'workload' : 'coverage');
      }),
    );
  });
});

describe('recommendOperators', () => {
  test('the largest rule wins, ties to coverage then workload', () => {
    const w = planWorkload();
    expect(recommendOperators(4, w)).toEqual({ operators: 4, reason: 'ratio', byRule: { ratio: 4, workload: 3, coverage: 3 } });
    expect(recommendOperators(3, w)).toMatchObject({ operators: 3, reason: 'coverage' });
    // 100 groups: posting 140 h + moderation 116.67 h + the rest 33.96 h = 290.63 h ÷ 30 = 9.69 → 10.
    expect(recommendOperators(1, planWorkload({ groups: 100 }))).toMatchObject({ operators: 10, reason: 'workload' });
    expect(recommendOperators(0, planWorkload({ groups: 0, newMembersPerMonth: 0, careContactsPerDay: 0, eventsPerMonth: 0, reportingHoursPerWeek: 30, coverage: { startHour: 9, endHour: 17, daysPerWeek: 5 } }))).toMatchObject({ operators: 1, reason: 'coverage' });
  });

  test('property: never below any rule, and equal to one of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 3 }), (ratio, groups, minOnDuty) => {
        const r = recommendOperators(ratio, planWorkload({ groups, minOnDuty }));
        expect(r.operators).toBe(Math.max(r.byRule.ratio, r.byRule.workload, r.byRule.coverage));
        expect(r.byRule[r.reason]).toBe(r.operators);
      }),
    );
  });
});

describe('checkWorkload (the staffing page and the plan builder)', () => {
  test('worked example: the staffing defaults, 40 groups at the workload defaults → 5 operators, bound by the tasks', () => {
    const staff = planStaffing();
    expect(staff.operators).toBe(4); // ⌈20,000 ÷ 5,000⌉
    expect(staff.groups).toBe(40); // ⌈20,000 ÷ 500⌉
    const s = defaultStaffingInput;
    const c = checkWorkload(staff.operators, { groups: staff.groups }, { operatorAnnualSalary: s.operatorAnnualSalary, overheadRate: s.overheadRate });
    // By hand: welcome 600 × 12/52 × 3/60 = 6.923; posting 40 × 3 × 7 × 4/60 = 56; care 30 × 7 × 5/60 = 17.5;
    // moderation 40 × 10 × 7/60 = 46.667; events 4 × 6 × 12/52 = 5.538; reporting 4 → 136.628 h.
    expect(c.workload.taskHours.posting).toBeCloseTo(56, 9);
    expect(c.workload.taskHours.moderation).toBeCloseTo(46.667, 3);
    expect(c.workload.taskHours.total).toBeCloseTo(136.628, 3);
    // 136.628 ÷ (40 × 0.75) = 4.554 → 5; duty (22 − 9) × 7 × 1 = 91 h ÷ 40 = 2.275 → 3.
    expect(c.workload.workloadFte).toBeCloseTo(4.554, 3);
    expect(c.workload.coverageHours).toBe(91);
    expect(c.workload.binding).toBe('workload');
    expect(c.byRule).toEqual({ ratio: 4, workload: 5, coverage: 3 });
    expect(c.operators).toBe(5);
    expect(c.reason).toBe('workload');
    // One more operator: 150,000 × 1.3 ÷ 12 = 16,250 a month.
    expect(c.extraOperators).toBe(1);
    expect(c.extraPersonnelMonthly).toBeCloseTo(16_250, 9);
  });

  test('the ratio already calls for the most: nothing extra; without pay the cost is unknown (null)', () => {
    const c = checkWorkload(10, {}, { operatorAnnualSalary: 150_000, overheadRate: 0.3 });
    expect(c).toMatchObject({ operators: 10, reason: 'ratio', extraOperators: 0, extraPersonnelMonthly: 0 });
    expect(checkWorkload(1, {}).extraPersonnelMonthly).toBeNull();
    // The default window binds: 91 h ÷ 40 = 2.275 → 3, two more than the ratio's 1.
    expect(checkWorkload(1, {})).toMatchObject({ operators: 3, reason: 'coverage', extraOperators: 2 });
  });

  test('bad workload fields are named as planWorkload names them', () => {
    expect(issuesOf(() => checkWorkload(1, { coverage: { startHour: 20, endHour: 9 }, minOnDuty: 0 }))).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'coverage.endHour' }), expect.objectContaining({ path: 'minOnDuty' })]),
    );
  });

  test('property: the recommendation is recommendOperators, the extra cost is extra × salary × (1 + overhead) ÷ 12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 400_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (ratio, groups, salary, overhead) => {
        const c = checkWorkload(ratio, { groups }, { operatorAnnualSalary: salary, overheadRate: overhead });
        const rec = recommendOperators(ratio, planWorkload({ groups }));
        expect({ operators: c.operators, reason: c.reason, byRule: c.byRule }).toEqual(rec);
        expect(c.extraOperators).toBe(rec.operators - ratio);
        expect(c.extraOperators).toBeGreaterThanOrEqual(0);
        expect(c.extraPersonnelMonthly).toBeCloseTo((c.extraOperators * salary * (1 + overhead)) / 12, 6);
      }),
    );
  });
});

describe('buildRota', () => {
  test('defaults: two shifts a day, everything covered, 91 h shared', () => {
    const r = buildRota();
    expect(defaultRotaInput.operators).toBe(3);
    expect(r.shifts).toHaveLength(14);
    expect(r.shifts.slice(0, 2).map((s) => [clock(s.start), clock(s.end)])).toEqual([
      ['09:00', '15:30'],
      ['15:30', '22:00'],
    ]);
    expect(r.gaps).toEqual([]);
    expect(r.uncoveredHours).toBe(0);
    expect(r.perOperator.map((p) => p.hours).sort()).toEqual([26, 32.5, 32.5]);
    expect(r.perOperator.reduce((s, p) => s + p.hours, 0)).toBe(91);
    expect(r.handovers).toHaveLength(7);
    expect(r.handovers[0]).toMatchObject({ day: 0, at: 930 });
    expect(r.handovers[0]?.from).not.toEqual(r.handovers[0]?.to);
  });

  test('too few operators: uncovered hours are listed, merged per day', () => {
    const r = buildRota({ operators: 1 });
    // One person: 5 shifts of 6.5 h = 32.5 h; 9 of the 14 shifts stay open: 58.5 person-hours.
    expect(r.perOperator).toEqual([{ hours: 32.5, days: 5 }]);
    expect(r.uncoveredHours).toBe(58.5);
    expect(r.gaps.filter((g) => g.day === 6)).toEqual([{ day: 6, start: 540, end: 1320, missing: 1 }]);
    expect(r.gaps.filter((g) => g.day === 0)).toEqual([{ day: 0, start: 930, end: 1320, missing: 1 }]);
    expect(buildRota({ operators: 0 }).uncoveredHours).toBe(91);
  });

  test('a short daily window is bound by the 5-day rule, not by hours', () => {
    // 4 h a day, 7 days = 28 h, within one person's 40 h, but one person works 5 days: two days stay open.
    const input = { operators: 1, coverage: { startHour: 10, endHour: 14, daysPerWeek: 7 } };
    expect(buildRota(input).gaps.map((g) => g.day)).toEqual([5, 6]);
    expect(rotaOperatorsNeeded(input)).toBe(2);
    expect(rotaOperatorsNeeded()).toBe(3);
    // A shift longer than anyone's week can never be covered.
    expect(rotaOperatorsNeeded({ weeklyHours: 4 })).toBeNull();
  });

  test('fractional hours become whole minutes', () => {
    const r = buildRota({ coverage: { startHour: 8.5, endHour: 21.25, daysPerWeek: 1 } });
    expect(r.shifts.map((s) => `${clock(s.start)}–${clock(s.end)}`)).toEqual(['08:30–14:53', '14:53–21:15']);
  });

  const arbRota = fc.record({
    operators: fc.integer({ min: 0, max: 15 }),
    startHour: fc.integer({ min: 0, max: 23 }),
    length: fc.integer({ min: 1, max: 24 }),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
    minOnDuty: fc.integer({ min: 1, max: 3 }),
    weeklyHours: fc.integer({ min: 8, max: 60 }),
    maxDaysPerWeek: fc.integer({ min: 1, max: 7 }),
    maxShiftHours: fc.integer({ min: 4, max: 12 }),
  });
  const rotaInput = (a: { operators: number; startHour: number; length: number; daysPerWeek: number; minOnDuty: number; weeklyHours: number; maxDaysPerWeek: number; maxShiftHours: number }): RotaInput => ({
    operators: a.operators,
    coverage: { startHour: a.startHour, endHour: Math.min(24, a.startHour + a.length), daysPerWeek: a.daysPerWeek },
    minOnDuty: a.minOnDuty,
    weeklyHours: a.weeklyHours,
    maxDaysPerWeek: a.maxDaysPerWeek,
    maxShiftHours: a.maxShiftHours,
  });

  test('property: every covered minute has minOnDuty people or a listed gap; nobody over hours or days', () => {
    fc.assert(
      fc.property(arbRota, (a) => {
        const input = rotaInput(a);
        const r = buildRota(input);
        const start = a.startHour * 60;
        const end = Math.min(24, a.startHour + a.length) * 60;
        for (let day = 0; day < a.daysPerWeek; day++) {
          for (let m = start; m < end; m += 15) {
            const shift = r.shifts.filter((s) => s.day === day && s.start <= m && m < s.end);
            expect(shift).toHaveLength(1);
            const onDuty = shift[0]?.onDuty.length ?? 0;
            const gap = r.gaps.find((g) => g.day === day && g.start <= m && m < g.end);
            expect(onDuty + (gap?.missing ?? 0)).toBe(a.minOnDuty);
          }
        }
        expect(r.shifts.some((s) => s.day >= a.daysPerWeek)).toBe(false);
        r.perOperator.forEach((p, i) => {
          expect(p.hours).toBeLessThanOrEqual(a.weeklyHours + 1e-9);
          expect(p.days).toBeLessThanOrEqual(a.maxDaysPerWeek);
          const worked = r.shifts.filter((s) => s.onDuty.includes(i));
          expect(new Set(worked.map((s) => s.day)).size).toBe(worked.length); // one shift a day
          expect(worked.reduce((sum, s) => sum + (s.end - s.start) / 60, 0)).toBeCloseTo(p.hours, 9);
        });
        const missing = r.shifts.reduce((sum, s) => sum + (s.missing * (s.end - s.start)) / 60, 0);
        expect(r.uncoveredHours).toBeCloseTo(missing, 9);
        expect(r.gaps.reduce((sum, g) => sum + (g.missing * (g.end - g.start)) / 60, 0)).toBeCloseTo(missing, 9);
        r.shifts.forEach((s) => expect(s.end - s.start).toBeLessThanOrEqual(a.maxShiftHours * 60));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('property: at the default limits (5 days, 40 h) nobody works more than 5 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 3 }), (operators, minOnDuty) => {
        buildRota({ operators, minOnDuty }).perOperator.forEach((p) => {
          expect(p.days).toBeLessThanOrEqual(5);
          expect(p.hours).toBeLessThanOrEqual(40);
        });
      }),
    );
  });

  test('property: one more operator never leaves more hours uncovered', () => {
    fc.assert(
      fc.property(arbRota, (a) => {
        const input = rotaInput(a);
        const more = buildRota({ ...input, operators: a.operators + 1 });
        expect(more.uncoveredHours).toBeLessThanOrEqual(buildRota(input).uncoveredHours + 1e-9);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('bad input is named', () => {
    expect(issuesOf(() => buildRota({ operators: -1, coverage: { startHour: 9, endHour: 9 } }))).toEqual([
      { path: 'operators', code: 'must_be_non_negative' },
      { path: 'coverage.endHour', code: 'end_before_start' },
    ]);
  });
});

describe('rotaToIcs', () => {
  test('one weekly series per operator and shift time, with names and CRLF', () => {
    const r = buildRota();
    const ics = rotaToIcs(r, { weekStart: '2026-12-07', names: ['小王', '', 'Li; Na'], fallbackName: '运营 {n}', title: '值班' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    // Each event's BYDAY days, expanded, give back exactly the rota's shifts.
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const expanded = events.flatMap((e) => {
      const op = Number(/UID:rota-op(\d+)-/.exec(e)?.[1]) - 1;
      const time = /DTSTART:\d{8}T(\d{4})/.exec(e)?.[1];
      const byday = /BYDAY=([A-Z,]+)/.exec(e)?.[1]?.split(',') ?? [];
      return byday.map((d) => `${days.indexOf(d)} ${time} ${op}`);
    });
    const fromRota = r.shifts.flatMap((s) => s.onDuty.map((op) => `${s.day} ${clock(s.start).replace(':', '')} ${op}`));
    expect(expanded.sort()).toEqual(fromRota.sort());
    expect(ics).toContain('SUMMARY:值班 · 小王');
    expect(ics).toContain('SUMMARY:值班 · 运营 2');
    expect(ics).toContain('SUMMARY:值班 · Li\\; Na');
    expect(ics).toContain('DTSTART:20261207T090000');
  });

  test('a window to midnight ends the next day at 00:00; weekStart must be a Monday', () => {
    const r = buildRota({ operators: 5, coverage: { startHour: 16, endHour: 24, daysPerWeek: 1 } });
    const ics = rotaToIcs(r, { weekStart: '2026-12-07' });
    expect(ics).toContain('DTEND:20261208T000000');
    expect(ics).toContain('SUMMARY:Operator 1');
    expect(issuesOf(() => rotaToIcs(r, { weekStart: '2026-12-08' }))).toEqual([{ path: 'weekStart', code: 'invalid_date' }]);
  });
});
