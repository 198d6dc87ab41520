/**
 * Member growth under monthly churn: projection, the intake needed for a target, and the steady state.
 */
import * as z from 'zod/mini';
import { amount, asRecord, crossCheck, MAX_MONTHS, MIN_RATE, months, share } from './fields';
import { validate } from './validate';

export const projectMembersInputSchema = z
  .object({
    /** Members at month 0. */
    start: z._default(amount(), 1_000),
    /** New members per month: one number for every month, or one value per month. */
    newPerMonth: z._default(z.union([amount(), z.array(amount()).check(z.maxLength(MAX_MONTHS))]), 500),
    /** Share of members lost each month, 0–1. */
    monthlyChurn: z._default(share(), 0.05),
    /** Months to project, 0 … 600. */
    months: z._default(months(0), 12),
  })
  .check(
    crossCheck((value, addIssue) => {
      const v = asRecord(value);
      const months = v.months === undefined ? 12 : v.months;
      if (Array.isArray(v.newPerMonth) && typeof months === 'number' && v.newPerMonth.length !== months) {
        addIssue(['newPerMonth'], 'length_mismatch');
      }
    }),
  );

export type ProjectMembersInput = z.input<typeof projectMembersInputSchema>;
export const defaultProjectMembersInput = projectMembersInputSchema.parse({});

/**
 * Members at the end of each month, new members joining at the end of the month.
 *
 * A₀ = start, Aₜ = Aₜ₋₁ × (1 − c) + Nₜ (people; fractional values are expectations, not rounded).
 * Returns `months + 1` values, A₀ … A_months.
 *
 * Example: start 1,000, 500 new a month, churn 5%, 2 months → [1000, 1450, 1877.5].
 */
export function projectMembers(input: ProjectMembersInput = {}): number[] {
  const v = validate(projectMembersInputSchema, input);
  const path = [v.start];
  let a = v.start;
  for (let t = 1; t <= v.months; t++) {
    const n = Array.isArray(v.newPerMonth) ? (v.newPerMonth[t - 1] as number) : v.newPerMonth;
    a = a * (1 - v.monthlyChurn) + n;
    path.push(a);
  }
  return path;
}

export const requiredNewPerMonthInputSchema = z.object({
  /** Members now. */
  start: z._default(amount(), 1_000),
  /** Members wanted after `months`. */
  target: z._default(amount(), 5_000),
  /** Share lost each month, 0–1. */
  monthlyChurn: z._default(share(), 0.05),
  /** Months to get there, 1 … 600. */
  months: z._default(months(1), 12),
});

export type RequiredNewPerMonthInput = z.input<typeof requiredNewPerMonthInputSchema>;
export const defaultRequiredNewPerMonthInput = requiredNewPerMonthInputSchema.parse({});

/**
 * The constant intake N per month that brings `start` members to `target` in H months.
 *
 * N = (target − start (1 − c)^H) × c / (1 − (1 − c)^H); with c = 0, N = (target − start) / H (also used when
 * c·H < 1e-12, where the two agree to 12 digits). N = 0 with
 * `alreadyReached: true` when the members left after churn already meet the target.
 *
 * Example: start 1,000, target 5,000, churn 5%, 12 months → N = 485.12 members a month.
 */
export function requiredNewPerMonth(input: RequiredNewPerMonthInput = {}): { newPerMonth: number; alreadyReached: boolean } {
  const v = validate(requiredNewPerMonthInputSchema, input);
  const keep = (1 - v.monthlyChurn) ** v.months;
  const gap = v.target - v.start * keep;
  if (gap <= 0) return { newPerMonth: 0, alreadyReached: true };
  // Below c·H ≈ 1e-12 the churn term is lost in rounding, and the c = 0 formula is exact to 1e-12.
  const c = v.monthlyChurn;
  const newPerMonth = c * v.months < 1e-12 ? gap / v.months : (gap * c) / -Math.expm1(v.months * Math.log1p(-c));
  return { newPerMonth, alreadyReached: false };
}

export const steadyStateInputSchema = z.object({
  /** New members per month. */
  newPerMonth: z._default(amount(), 500),
  /** Share lost each month, 1e-6 ≤ c ≤ 1. */
  monthlyChurn: z._default(
    z.number().check(z.positive(), z.minimum(MIN_RATE), z.maximum(1, { error: 'not_a_share' })),
    0.05,
  ),
});

export type SteadyStateInput = z.input<typeof steadyStateInputSchema>;
export const defaultSteadyStateInput = steadyStateInputSchema.parse({});

/**
 * The size the community settles at when intake and churn balance: N / c members.
 *
 * Example: 500 new a month at 5% churn → 10,000 members.
 */
export function steadyState(input: SteadyStateInput = {}): number {
  const v = validate(steadyStateInputSchema, input);
  return v.newPerMonth / v.monthlyChurn;
}
