/**
 * Experiments on a rate with two arms, randomising members or whole groups: sample size before, a test
 * after, and a seeded random assignment of groups to arms (contract: shared/spec/calculators.md, "Experiments").
 */
import * as z from 'zod/mini';
import { asRecord, count, crossCheck, integer } from './fields';
import { ceilCount } from './numeric';
import { normalQuantile, twoSidedP } from './normal';
import { validate } from './validate';

/** A probability strictly between 0 and 1. */
const openShare = () =>
  z.number().check(z.positive(), z.maximum(1, { error: 'not_a_share' }), z.refine((x) => x < 1, { error: 'not_a_share' }));

const alpha = () => z.number().check(z.positive(), z.lt(0.5, { error: 'too_large' }));

const liftCheck = crossCheck((value, addIssue) => {
  const v = asRecord(value);
  if (typeof v.baseline === 'number' && typeof v.minDetectableLift === 'number' && v.baseline < 1 && v.baseline + v.minDetectableLift >= 1) {
    addIssue(['minDetectableLift'], 'too_large', 1 - v.baseline);
  }
});

const experimentPlanFields = z.object({
    /** Rate in the control arm p₁, 0 < p₁ < 1 (e.g. share of new members who post in week one). Default 0.20. */
    baseline: z._default(openShare(), 0.2),
    /** Smallest absolute lift worth detecting δ > 0, with p₁ + δ < 1. Default 0.05 (five points). */
    minDetectableLift: z._default(z.number().check(z.positive(), z.maximum(1, { error: 'not_a_share' })), 0.05),
    /** Two-sided significance level, 0 < α < 0.5. Default 0.05. */
    alpha: z._default(alpha(), 0.05),
    /** Power 1 − β, 0.5 < power < 1. Default 0.8. */
    power: z._default(
      z.number().check(z.gt(0.5, { error: 'too_small' }), z.lt(1, { error: 'not_a_share' })),
      0.8,
    ),
    /** What is randomised: single members, or whole groups. Default "group". */
    unit: z._default(z.enum(['member', 'group']), 'group'),
    /** Members per group m ≥ 1. Default 200. */
    membersPerGroup: z._default(integer().check(z.minimum(1), z.maximum(1_000_000)), 200),
    /** Intra-class correlation ρ, 0 ≤ ρ < 1. Default 0.02 (an assumption, not a measurement). */
    icc: z._default(z.number().check(z.minimum(0), z.lt(1, { error: 'not_a_share' })), 0.02),
    /** New members joining per month, to say how long enrolment takes. Default 600. */
    intakePerMonth: z._default(count(), 600),
  });

export const experimentPlanInputSchema = experimentPlanFields.check(liftCheck);

export type ExperimentPlanInput = z.input<typeof experimentPlanInputSchema>;
export type ExperimentPlanValues = z.output<typeof experimentPlanInputSchema>;
export const defaultExperimentPlanInput: ExperimentPlanValues = experimentPlanInputSchema.parse({});

export interface ExperimentPlan {
  /** p₁ and p₂ = p₁ + δ. */
  rates: { control: number; treatment: number };
  /** z₁₋α/₂ and z_power used. */
  zAlpha: number;
  zPower: number;
  /** Members per arm for member randomisation, unrounded. */
  membersPerArm: number;
  /** 1 + (m − 1)ρ for groups, 1 for members. */
  designEffect: number;
  /** ⌈n × designEffect / m⌉ for groups; null for members. */
  groupsPerArm: number | null;
  /** ⌈n × designEffect⌉: members each arm needs. */
  membersPerArmNeeded: number;
  /** 2 × ⌈n × designEffect⌉. */
  membersNeeded: number;
  /** People actually enrolled: whole groups (2 × groupsPerArm × m) or membersNeeded. */
  membersEnrolled: number;
  /** membersEnrolled / intakePerMonth; null when the intake is 0. */
  monthsToEnrol: number | null;
}

/**
 * The design effect of an experiment: 1 + (m − 1)ρ when whole groups of m members are randomised, 1 when
 * members are. Checked like `planExperiment`'s fields of the same names (defaults: group, 200, 0.02 → 4.98).
 */
export function clusterDesignEffect(input: Pick<ExperimentPlanInput, 'unit' | 'membersPerGroup' | 'icc'> = {}): number {
  const v = validate(z.pick(experimentPlanFields, { unit: true, membersPerGroup: true, icc: true }), input);
  return v.unit === 'group' ? 1 + (v.membersPerGroup - 1) * v.icc : 1;
}

/**
 * Sample size of a two-arm test of proportions, inflated by the design effect when groups are randomised.
 *
 * n = (z₁₋α/₂ √(2p̄(1−p̄)) + z_power √(p₁(1−p₁) + p₂(1−p₂)))² / δ², p₂ = p₁ + δ, p̄ = (p₁ + p₂)/2;
 * designEffect = 1 + (m − 1)ρ; groupsPerArm = ⌈n × DE / m⌉; membersNeeded = 2 × ⌈n × DE⌉.
 *
 * Example (defaults): n = 1093.74, designEffect 4.98, groupsPerArm 28; with unit "member": 2 × 1,094.
 */
export function planExperiment(input: ExperimentPlanInput = {}): ExperimentPlan {
  const v = validate(experimentPlanInputSchema, input);
  const p1 = v.baseline;
  const p2 = p1 + v.minDetectableLift;
  const pBar = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - v.alpha / 2);
  const zPower = normalQuantile(v.power);
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const membersPerArm = (root * root) / (v.minDetectableLift * v.minDetectableLift);
  const grouped = v.unit === 'group';
  const designEffect = clusterDesignEffect(v);
  const groupsPerArm = grouped ? ceilCount((membersPerArm * designEffect) / v.membersPerGroup) : null;
  const membersPerArmNeeded = ceilCount(membersPerArm * designEffect);
  const membersNeeded = 2 * membersPerArmNeeded;
  const membersEnrolled = groupsPerArm === null ? membersNeeded : 2 * groupsPerArm * v.membersPerGroup;
  return {
    rates: { control: p1, treatment: p2 },
    zAlpha,
    zPower,
    membersPerArm,
    designEffect,
    groupsPerArm,
    membersPerArmNeeded,
    membersNeeded,
    membersEnrolled,
    monthsToEnrol: v.intakePerMonth === 0 ? null : membersEnrolled / v.intakePerMonth,
  };
}

const armSchema = z.object({
  /** Members in the arm, ≥ 1. */
  n: integer().check(z.minimum(1), z.maximum(1e9)),
  /** Members with the outcome, 0 ≤ x ≤ n. */
  x: count(),
});

const countsCheck = crossCheck((value, addIssue) => {
  const v = asRecord(value);
  for (const arm of ['control', 'treatment'] as const) {
    const a = asRecord(v[arm]);
    if (typeof a.n === 'number' && typeof a.x === 'number' && a.x > a.n) addIssue([arm, 'x'], 'too_large', a.n);
  }
});

export const experimentResultInputSchema = z
  .object({
    control: armSchema,
    treatment: armSchema,
    /** Two-sided significance level. Default 0.05. */
    alpha: z._default(alpha(), 0.05),
    /** Design effect of group randomisation, ≥ 1 (1 = members randomised). Default 1. */
    designEffect: z._default(z.number().check(z.minimum(1), z.maximum(1e6)), 1),
  })
  .check(countsCheck);

export type ExperimentResultInput = z.input<typeof experimentResultInputSchema>;

export interface ExperimentResult {
  rates: { control: number; treatment: number };
  /** p_t − p_c. */
  difference: number;
  /** Confidence interval (level 1 − α) of the difference. */
  ci: [number, number];
  /** 1 − α, the interval's level. */
  confidence: number;
  z: number;
  pValue: number;
  /** pValue < alpha. */
  significant: boolean;
}

/**
 * Two-proportion z test, with both the interval and the statistic widened by √designEffect.
 *
 * ci = d ± z₁₋α/₂ √(p_c(1−p_c)/n_c + p_t(1−p_t)/n_t) √DE (unpooled); z = d / (√(p̂(1−p̂)(1/n_c + 1/n_t)) √DE)
 * with the pooled p̂; p two-sided. When everyone (or no one) has the outcome, z = 0 and p = 1.
 *
 * Example: control 240 / 1,200, treatment 283 / 1,180 → d 0.03983, ci [0.00658, 0.07308], z 2.3463, p 0.0190;
 * with DE 4.98: ci [−0.03437, 0.11404], p 0.2931.
 */
export function analyzeExperiment(input: ExperimentResultInput): ExperimentResult {
  const v = validate(experimentResultInputSchema, input);
  const { control: c, treatment: t } = v;
  const pc = c.x / c.n;
  const pt = t.x / t.n;
  const difference = pt - pc;
  const inflate = Math.sqrt(v.designEffect);
  const zAlpha = normalQuantile(1 - v.alpha / 2);
  const se = Math.sqrt((pc * (1 - pc)) / c.n + (pt * (1 - pt)) / t.n) * inflate;
  const pooled = (c.x + t.x) / (c.n + t.n);
  const seZero = Math.sqrt(pooled * (1 - pooled) * (1 / c.n + 1 / t.n)) * inflate;
  const zStat = seZero === 0 ? 0 : difference / seZero;
  const pValue = twoSidedP(zStat);
  return {
    rates: { control: pc, treatment: pt },
    difference,
    ci: [difference - zAlpha * se, difference + zAlpha * se],
    confidence: 1 - v.alpha,
    z: zStat,
    pValue,
    significant: pValue < v.alpha,
  };
}

/** Most groups `assignGroups` takes. */
export const MAX_ASSIGN_GROUPS = 500;

const uniqueNames = crossCheck((value, addIssue) => {
  const names = asRecord(value).names;
  if (!Array.isArray(names)) return;
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (typeof n !== 'string') return;
    const key = n.trim();
    if (seen.has(key)) addIssue(['names', i], 'duplicate_id');
    seen.add(key);
  });
});

export const assignGroupsInputSchema = z.object({
  /** Group names, one per group, unique after trimming. */
  names: z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(60)))
    .check(z.minLength(2, { error: 'too_few_points' }), z.maxLength(MAX_ASSIGN_GROUPS)),
  /** Seed: the same seed and names always give the same assignment. */
  seed: integer().check(z.minimum(0), z.maximum(2 ** 32 - 1)),
}).check(uniqueNames);

/** Mulberry32: a small, well-known 32-bit generator; deterministic for a seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GroupAssignment {
  control: string[];
  treatment: string[];
}

/**
 * Random, reproducible split of groups into two arms: a seeded Fisher–Yates shuffle, the first half to
 * treatment, the rest to control (an odd group out goes to control). Names keep their order within an arm
 * as given, so the list is easy to check against the input.
 */
export function assignGroups(input: { names: string[]; seed: number }): GroupAssignment {
  const v = validate(assignGroupsInputSchema, input);
  const random = mulberry32(v.seed);
  const order = v.names.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const inTreatment = new Set(order.slice(0, Math.floor(order.length / 2)));
  const out: GroupAssignment = { control: [], treatment: [] };
  v.names.forEach((name, i) => (inTreatment.has(i) ? out.treatment : out.control).push(name));
  return out;
}
