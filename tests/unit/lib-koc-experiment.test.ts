import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  analyzeExperiment,
  assignGroups,
  clusterDesignEffect,
  defaultExperimentPlanInput,
  defaultKocProgrammeInput,
  experimentPlanInputSchema,
  kocProgrammeInputSchema,
  planExperiment,
  planKocProgramme,
} from '../../src/lib';
import { issuesOf } from './issues-of';

describe('planKocProgramme', () => {
  test('contract example (the defaults)', () => {
    const k = planKocProgramme();
    // By hand: 36 × 50 + 18 × (150 + 25) + 6 × (400 + 83.33) = 1,800 + 3,150 + 2,900 = 7,850; 60 × 5% = 3 × 200 = 600.
    expect(k.counts).toEqual([36, 18, 6]);
    expect(k.rewardsMonthly).toBeCloseTo(7_850, 9);
    expect(k.replacementsPerMonth).toBeCloseTo(3, 12);
    expect(k.recruitmentMonthly).toBeCloseTo(600, 9);
    expect(k.monthlyTotal).toBeCloseTo(8_450, 9);
    expect(k.costPerKocMonthly).toBeCloseTo(140.83, 2);
    expect(k.annualTotal).toBeCloseTo(101_400, 6);
    expect(k.rungs.map((r) => r.name)).toEqual(['新晋', '核心', '明星']);
    expect(defaultKocProgrammeInput).toEqual(kocProgrammeInputSchema.parse({}));
  });

  test.each([
    // kocs, shares → counts (largest remainder by hand, ties to the earlier rung)
    [0, [0.6, 0.3, 0.1], [0, 0, 0]],
    [1, [0.5, 0.5], [1, 0]],
    [7, [0.6, 0.3, 0.1], [4, 2, 1]], // 4.2 / 2.1 / 0.7 → 4 / 2 / 0, the last goes to .7
    [10, [1 / 3, 1 / 3, 1 / 3], [4, 3, 3]],
    [5, [1], [5]],
  ])('%d KOCs at %j → %j', (kocs, shares, counts) => {
    const ladder = shares.map((share, i) => ({ name: `R${i}`, share, monthlyReward: 10, annualGift: 0 }));
    const k = planKocProgramme({ kocs, ladder });
    expect(k.counts).toEqual(counts);
    expect(k.costPerKocMonthly === null).toBe(kocs === 0);
  });

  test('shares that do not add up to 100% name the ladder; other bad fields are named too', () => {
    expect(
      issuesOf(() =>
        planKocProgramme({
          kocs: 2.5,
          ladder: [
            { name: ' ', share: 0.5, monthlyReward: -1, annualGift: 0 },
            { name: 'B', share: 0.4, monthlyReward: 1, annualGift: 0 },
          ],
          monthlyAttrition: 2,
        }),
      ),
    ).toEqual(
      expect.arrayContaining([
        { path: 'kocs', code: 'not_integer' },
        { path: 'ladder.0.name', code: 'required' },
        { path: 'ladder.0.monthlyReward', code: 'must_be_non_negative' },
        { path: 'ladder', code: 'shares_must_sum_to_one' },
        { path: 'monthlyAttrition', code: 'not_a_share' },
      ]),
    );
    expect(issuesOf(() => planKocProgramme({ ladder: [] }))).toEqual([{ path: 'ladder', code: 'required' }]);
    // A share that is not a number is reported alone: no sum is claimed from it.
    expect(issuesOf(() => planKocProgramme({ ladder: [{ name: 'A', share: 'x' as unknown as number, monthlyReward: 1, annualGift: 0 }] }))).toEqual([
      { path: 'ladder.0.share', code: 'not_a_number' },
    ]);
    expect(issuesOf(() => planKocProgramme({ ladder: 'none' as unknown as [] }))).toEqual([{ path: 'ladder', code: 'invalid_value' }]);
    // Within 1e-9 is fine.
    expect(planKocProgramme({ ladder: [0.1, 0.2, 0.7].map((share) => ({ name: 'x', share, monthlyReward: 1, annualGift: 0 })) }).counts).toEqual([6, 12, 42]);
  });

  test('property: counts sum to kocs, cost is the sum of its parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (kocs, weights, attrition) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const ladder = weights.map((w, i) => ({ name: `R${i}`, share: w / sum, monthlyReward: i * 10, annualGift: 120 }));
          // Shares from division may miss 1 by a few ulps: well within 1e-9.
          const k = planKocProgramme({ kocs, ladder, monthlyAttrition: attrition });
          expect(k.counts.reduce((a, b) => a + b, 0)).toBe(kocs);
          k.counts.forEach((c, i) => expect(Math.abs(c - (kocs * weights[i]!) / sum)).toBeLessThan(1));
          expect(k.monthlyTotal).toBeCloseTo(k.rewardsMonthly + k.recruitmentMonthly, 6);
          expect(k.monthlyTotal).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('planExperiment', () => {
  test('contract example (the defaults)', () => {
    const e = planExperiment();
    expect(e.membersPerArm).toBeCloseTo(1093.74, 2);
    expect(e.designEffect).toBeCloseTo(4.98, 12);
    expect(e.groupsPerArm).toBe(28);
    expect(e.zAlpha).toBeCloseTo(1.959963984540054, 9);
    expect(e.zPower).toBeCloseTo(0.8416212335729143, 9);
    // 2 × ⌈1093.74 × 4.98⌉ = 2 × 5,447; whole groups: 2 × 28 × 200 = 11,200 at 600 a month.
    expect(e.membersNeeded).toBe(10_894);
    expect(e.membersPerArmNeeded).toBe(5_447);
    expect(e.membersEnrolled).toBe(11_200);
    expect(e.monthsToEnrol).toBeCloseTo(11_200 / 600, 9);
    expect(defaultExperimentPlanInput).toEqual(experimentPlanInputSchema.parse({}));
  });

  test('clusterDesignEffect: 1 + (m − 1)ρ for groups, 1 for members, fields checked', () => {
    expect(clusterDesignEffect()).toBeCloseTo(4.98, 12);
    expect(clusterDesignEffect({ unit: 'group', membersPerGroup: 51, icc: 0.1 })).toBeCloseTo(6, 12);
    expect(clusterDesignEffect({ unit: 'member', membersPerGroup: 500, icc: 0.5 })).toBe(1);
    expect(issuesOf(() => clusterDesignEffect({ icc: -0.1 }))).toEqual([{ path: 'icc', code: 'must_be_non_negative' }]);
  });

  test('member randomisation: 2 × 1,094, no groups, no design effect', () => {
    const e = planExperiment({ unit: 'member' });
    expect(e.membersNeeded).toBe(2 * 1_094);
    expect(e.membersEnrolled).toBe(2 * 1_094);
    expect(e.groupsPerArm).toBeNull();
    expect(e.designEffect).toBe(1);
    expect(planExperiment({ unit: 'member', intakePerMonth: 0 }).monthsToEnrol).toBeNull();
  });

  test('independent computation with z values from Python (AS241)', () => {
    // α 0.01 → z 2.5758293035489; power 0.9 → z 1.2815515655446008; p₁ 0.1, δ 0.02.
    const p1 = 0.1;
    const p2 = 0.12;
    const pBar = 0.11;
    const n = (2.5758293035489 * Math.sqrt(2 * pBar * (1 - pBar)) + 1.2815515655446008 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / 0.02 ** 2;
    const e = planExperiment({ baseline: p1, minDetectableLift: 0.02, alpha: 0.01, power: 0.9, unit: 'member' });
    expect(Math.abs(e.membersPerArm - n)).toBeLessThan(1e-6);
  });

  test('bad fields are named', () => {
    expect(
      issuesOf(() => planExperiment({ baseline: 0.9, minDetectableLift: 0.2, alpha: 0.5, power: 1, membersPerGroup: 0, icc: 1 })),
    ).toEqual(
      expect.arrayContaining([
        { path: 'minDetectableLift', code: 'too_large', limit: expect.closeTo(0.1, 12) },
        { path: 'alpha', code: 'too_large', limit: 0.5 },
        { path: 'power', code: 'not_a_share' },
        { path: 'membersPerGroup', code: 'too_small', limit: 1 },
        { path: 'icc', code: 'not_a_share' },
      ]),
    );
    expect(issuesOf(() => planExperiment({ baseline: 0 }))).toEqual([{ path: 'baseline', code: 'must_be_positive' }]);
    expect(issuesOf(() => planExperiment({ unit: 'team' as 'group' }))).toEqual([{ path: 'unit', code: 'invalid_option' }]);
  });

  test('property: larger groups, higher ICC or a smaller lift never need fewer members', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.8, noNaN: true }),
        fc.double({ min: 0.01, max: 0.15, noNaN: true }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (baseline, lift, m, icc) => {
          const base = planExperiment({ baseline, minDetectableLift: lift, membersPerGroup: m, icc });
          expect(planExperiment({ baseline, minDetectableLift: lift, membersPerGroup: m, icc: icc + 0.1 }).membersNeeded).toBeGreaterThanOrEqual(base.membersNeeded);
          expect(planExperiment({ baseline, minDetectableLift: lift, membersPerGroup: m + 10, icc }).membersNeeded).toBeGreaterThanOrEqual(base.membersNeeded);
          expect(planExperiment({ baseline, minDetectableLift: lift / 2, membersPerGroup: m, icc }).membersPerArm).toBeGreaterThan(base.membersPerArm);
          expect(base.membersNeeded).toBeGreaterThanOrEqual(planExperiment({ baseline, minDetectableLift: lift, unit: 'member' }).membersNeeded);
        },
      ),
    );
  });
});

describe('analyzeExperiment', () => {
  const example = { control: { n: 1_200, x: 240 }, treatment: { n: 1_180, x: 283 } };

  test('contract example', () => {
    const a = analyzeExperiment(example);
    expect(a.difference).toBeCloseTo(0.03983, 5);
    expect(a.ci[0]).toBeCloseTo(0.00658, 5);
    expect(a.ci[1]).toBeCloseTo(0.07308, 5);
    expect(a.z).toBeCloseTo(2.3463, 4);
    expect(a.pValue).toBeCloseTo(0.019, 4);
    expect(a.significant).toBe(true);
    expect(a.rates).toEqual({ control: 0.2, treatment: 283 / 1_180 });
  });

  test('contract example with design effect 4.98: not significant', () => {
    const a = analyzeExperiment({ ...example, designEffect: 4.98 });
    expect(a.ci[0]).toBeCloseTo(-0.03437, 5);
    expect(a.ci[1]).toBeCloseTo(0.11404, 5);
    expect(a.pValue).toBeCloseTo(0.2931, 4);
    expect(a.significant).toBe(false);
  });

  test('independent computation: p from erfc (Python) for the example z', () => {
    // python3 -c "import math; print(math.erfc(2.3463/math.sqrt(2)))" → 0.018959...; here z is recomputed by hand.
    const pc = 0.2;
    const pt = 283 / 1_180;
    const pooled = 523 / 2_380;
    const z = (pt - pc) / Math.sqrt(pooled * (1 - pooled) * (1 / 1_200 + 1 / 1_180));
    const a = analyzeExperiment(example);
    expect(a.z).toBeCloseTo(z, 12);
    expect(a.pValue).toBeCloseTo(0.01896, 5);
  });

  test('everyone or no one converting: z 0, p 1, a zero-width interval', () => {
    for (const x of [0, 1] as const) {
      const a = analyzeExperiment({ control: { n: 10, x: 10 * x }, treatment: { n: 20, x: 20 * x } });
      expect(a).toMatchObject({ difference: 0, z: 0, pValue: 1, significant: false, ci: [0, 0] });
    }
  });

  test('bad counts are named', () => {
    expect(
      issuesOf(() => analyzeExperiment({ control: { n: 0, x: 0 }, treatment: { n: 10, x: 11 }, alpha: 0, designEffect: 0.5 })),
    ).toEqual(
      expect.arrayContaining([
        { path: 'control.n', code: 'too_small', limit: 1 },
        { path: 'treatment.x', code: 'too_large', limit: 10 },
        { path: 'alpha', code: 'must_be_positive' },
        { path: 'designEffect', code: 'too_small', limit: 1 },
      ]),
    );
  });

  test('property: the interval contains the difference, p is in [0, 1], and a design effect never makes it more significant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (nc, nt, fc_, ft, de) => {
          const input = { control: { n: nc, x: Math.round(nc * fc_) }, treatment: { n: nt, x: Math.round(nt * ft) } };
          const a = analyzeExperiment(input);
          const b = analyzeExperiment({ ...input, designEffect: de });
          expect(a.ci[0]).toBeLessThanOrEqual(a.difference);
          expect(a.ci[1]).toBeGreaterThanOrEqual(a.difference);
          expect(a.pValue).toBeGreaterThanOrEqual(0);
          expect(a.pValue).toBeLessThanOrEqual(1);
          expect(b.pValue).toBeGreaterThanOrEqual(a.pValue - 1e-12);
          expect(b.ci[1] - b.ci[0]).toBeGreaterThanOrEqual(a.ci[1] - a.ci[0] - 1e-12);
        },
      ),
    );
  });
});

describe('assignGroups', () => {
  const names = ['新人1群', '新人2群', '新人3群', '新人4群', '新人5群'];

  test('same seed, same split; halves; every name once', () => {
    const a = assignGroups({ names, seed: 42 });
    expect(assignGroups({ names, seed: 42 })).toEqual(a);
    expect(a.treatment).toHaveLength(2);
    expect(a.control).toHaveLength(3);
    expect([...a.control, ...a.treatment].sort()).toEqual([...names].sort());
  });

  test('different seeds give different splits across many seeds', () => {
    const splits = new Set(Array.from({ length: 50 }, (_, seed) => assignGroups({ names, seed }).treatment.join('|')));
    // 10 possible treatment pairs of 5 groups; 50 seeds should hit most of them.
    expect(splits.size).toBeGreaterThanOrEqual(8);
  });

  test('each group lands in treatment about half the time (no hand-picking, no fixed pattern)', () => {
    const eight = Array.from({ length: 8 }, (_, i) => `G${i}`);
    const hits = new Map(eight.map((n) => [n, 0]));
    for (let seed = 0; seed < 2_000; seed++) for (const n of assignGroups({ names: eight, seed }).treatment) hits.set(n, (hits.get(n) ?? 0) + 1);
    for (const count of hits.values()) expect(Math.abs(count / 2_000 - 0.5)).toBeLessThan(0.05);
  });

  test('duplicate, blank and too few names are named', () => {
    expect(issuesOf(() => assignGroups({ names: ['A', ' A ', ''], seed: 1 }))).toEqual(
      expect.arrayContaining([
        { path: 'names.1', code: 'duplicate_id' },
        { path: 'names.2', code: 'required' },
      ]),
    );
    expect(issuesOf(() => assignGroups({ names: 'A,B' as unknown as string[], seed: 1 }))).toEqual([{ path: 'names', code: 'invalid_value' }]);
    expect(issuesOf(() => assignGroups({ names: ['A', 3 as unknown as string], seed: 1 }))).toEqual([{ path: 'names.1', code: 'invalid_value' }]);
    expect(issuesOf(() => assignGroups({ names: ['A'], seed: 1 }))).toEqual([{ path: 'names', code: 'too_few_points', limit: 2 }]);
    expect(issuesOf(() => assignGroups({ names: ['A', 'B'], seed: -1 }))).toEqual([{ path: 'seed', code: 'must_be_non_negative' }]);
  });
});
