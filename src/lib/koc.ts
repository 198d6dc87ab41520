/**
 * KOC programme: a reward ladder for key opinion consumers and what it costs per month
 * (contract: shared/spec/calculators.md, "KOC programme").
 */
import * as z from 'zod/mini';
import { asRecord, count, crossCheck, money, share } from './fields';
import { largestRemainder } from './tiers';
import { validate } from './validate';

export const kocRungSchema = z.object({
  /** Rung name shown to people, e.g. 核心 KOC. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  /** Share of the KOCs on this rung, 0 … 1; the shares of all rungs add up to 1. */
  share: share(),
  /** Reward per KOC per month, yuan. */
  monthlyReward: money(),
  /** Gift per KOC per year, yuan (counted as a twelfth each month). */
  annualGift: money(),
});

export type KocRung = z.output<typeof kocRungSchema>;

/** The default ladder (editorial example, not from the source plans). */
export const DEFAULT_KOC_LADDER: readonly KocRung[] = [
  { name: '新晋', share: 0.6, monthlyReward: 50, annualGift: 0 },
  { name: '核心', share: 0.3, monthlyReward: 150, annualGift: 300 },
  { name: '明星', share: 0.1, monthlyReward: 400, annualGift: 1_000 },
];

/** Most rungs a ladder may have. */
export const MAX_KOC_RUNGS = 12;

/** The shares must add up to 1 within 1e-9 (reported on `ladder`); checked only when every share is a number. */
const sharesCheck = crossCheck((value, addIssue) => {
  const ladder = asRecord(value).ladder;
  if (!Array.isArray(ladder) || ladder.length === 0) return;
  const shares = ladder.map((r) => asRecord(r).share);
  if (!shares.every((s) => typeof s === 'number' && Number.isFinite(s))) return;
  const sum = (shares as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) addIssue(['ladder'], 'shares_must_sum_to_one');
});

export const kocProgrammeInputSchema = z
  .object({
    /** KOCs in the programme. Default 60. */
    kocs: z._default(count(), 60),
    /** Rungs, lowest first. Default: 新晋 60% ¥50, 核心 30% ¥150 + ¥300 a year, 明星 10% ¥400 + ¥1,000 a year. */
    ladder: z._default(
      z.array(kocRungSchema).check(z.minLength(1, { error: 'required' }), z.maxLength(MAX_KOC_RUNGS)),
      () => DEFAULT_KOC_LADDER.map((r) => ({ ...r })),
    ),
    /** Share of KOCs who leave each month, 0 … 1. Default 0.05 (editorial). */
    monthlyAttrition: z._default(share(), 0.05),
    /** Cost to recruit and onboard one new KOC, yuan. Default ¥200 (editorial). */
    recruitmentCost: z._default(money(), 200),
  })
  .check(sharesCheck);

export type KocProgrammeInput = z.input<typeof kocProgrammeInputSchema>;
export type KocProgrammeValues = z.output<typeof kocProgrammeInputSchema>;
export const defaultKocProgrammeInput: KocProgrammeValues = kocProgrammeInputSchema.parse({});

export interface KocRungPlan {
  name: string;
  count: number;
  /** count × (monthlyReward + annualGift / 12). */
  monthlyCost: number;
}

export interface KocProgramme {
  /** Whole KOCs per rung, summing to `kocs` exactly. */
  counts: number[];
  rungs: KocRungPlan[];
  rewardsMonthly: number;
  replacementsPerMonth: number;
  recruitmentMonthly: number;
  monthlyTotal: number;
  annualTotal: number;
  /** monthlyTotal / kocs; null when there are no KOCs. */
  costPerKocMonthly: number | null;
}

/**
 * Monthly cost of a KOC ladder.
 *
 * counts: largest remainder of `kocs` by the shares (ties to the earlier rung); rewardsMonthly = Σ countᵢ ×
 * (monthlyRewardᵢ + annualGiftᵢ / 12); replacementsPerMonth = kocs × attrition; recruitmentMonthly =
 * replacements × recruitmentCost; monthlyTotal = rewards + recruitment.
 *
 * Example (defaults): counts 36 / 18 / 6; rewards 7,850; replacements 3; recruitment 600; total 8,450;
 * per KOC 140.83.
 */
export function planKocProgramme(input: KocProgrammeInput = {}): KocProgramme {
  const v = validate(kocProgrammeInputSchema, input);
  const counts = largestRemainder(
    v.kocs,
    v.ladder.map((r) => r.share),
  );
  const rungs = v.ladder.map((r, i) => {
    const n = counts[i] as number;
    return { name: r.name, count: n, monthlyCost: n * (r.monthlyReward + r.annualGift / 12) };
  });
  const rewardsMonthly = rungs.reduce((sum, r) => sum + r.monthlyCost, 0);
  const replacementsPerMonth = v.kocs * v.monthlyAttrition;
  const recruitmentMonthly = replacementsPerMonth * v.recruitmentCost;
  const monthlyTotal = rewardsMonthly + recruitmentMonthly;
  return {
    counts,
    rungs,
    rewardsMonthly,
    replacementsPerMonth,
    recruitmentMonthly,
    monthlyTotal,
    annualTotal: monthlyTotal * 12,
    costPerKocMonthly: v.kocs === 0 ? null : monthlyTotal / v.kocs,
  };
}
