/**
 * Workload: how many operators the community's actual work and its opening hours call for, next to the
 * member-ratio rule of `planStaffing` (contract: shared/spec/calculators.md, "Workload").
 */
import * as z from 'zod/mini';
import { count, crossCheck, asRecord, integer } from './fields';
import { ceilCount } from './numeric';
import { validate } from './validate';

/** Weeks in a month, as the contract counts them. */
export const WEEKS_PER_MONTH = 52 / 12;

const minutes = () => z.number().check(z.minimum(0), z.maximum(24 * 60));
const perDay = () => z.number().check(z.minimum(0), z.maximum(1_000_000));
const hour = () => z.number().check(z.minimum(0), z.maximum(24));

export const coverageSchema = z.object({
  /** First hour someone answers, 0 … 24 (may be fractional: 8.5 is 08:30). Default 9. */
  startHour: z._default(hour(), 9),
  /** Hour answering stops, startHour < endHour ≤ 24. Default 22. */
  endHour: z._default(hour(), 22),
  /** Covered days per week, 1 … 7. Default 7. */
  daysPerWeek: z._default(integer().check(z.minimum(1), z.maximum(7)), 7),
});

/** endHour must be after startHour (reported on endHour). */
export const coverageCheck = crossCheck((value, addIssue) => {
  const c = asRecord(asRecord(value).coverage);
  if (typeof c.startHour === 'number' && typeof c.endHour === 'number' && c.endHour <= c.startHour) {
    addIssue(['coverage', 'endHour'], 'end_before_start');
  }
});

export const workloadInputSchema = z
  .object({
    /** Chat groups run. Default 12 (editorial example). */
    groups: z._default(count(), 12),
    /** New members per month, each welcomed. Default 600. */
    newMembersPerMonth: z._default(count(), 600),
    /** Minutes to welcome one new member. Default 3. */
    welcomeMinutes: z._default(minutes(), 3),
    /** Posts per group per day. Default 3. */
    postsPerGroupPerDay: z._default(perDay(), 3),
    /** Minutes to write or adapt one post. Default 4. */
    minutesPerPost: z._default(minutes(), 4),
    /** One-to-one messages to lapsing members per day. Default 30. */
    careContactsPerDay: z._default(perDay(), 30),
    /** Minutes per such message. Default 5. */
    minutesPerContact: z._default(minutes(), 5),
    /** Moderation minutes per group per day. Default 10. */
    moderationMinutesPerGroupPerDay: z._default(minutes(), 10),
    /** Events per month. Default 4. */
    eventsPerMonth: z._default(z.number().check(z.minimum(0), z.maximum(10_000)), 4),
    /** Hours of work per event (preparation, hosting, follow-up). Default 6. */
    hoursPerEvent: z._default(z.number().check(z.minimum(0), z.maximum(10_000)), 6),
    /** Reporting hours per week. Default 4. */
    reportingHoursPerWeek: z._default(z.number().check(z.minimum(0), z.maximum(10_000)), 4),
    /** Opening window. Default 09:00–22:00, 7 days. */
    coverage: z.prefault(coverageSchema, {}),
    /** Operators answering at every covered hour, ≥ 1. Default 1. */
    minOnDuty: z._default(integer().check(z.minimum(1), z.maximum(1_000)), 1),
    /** Paid hours in a full-time week, > 0. Default 40. */
    hoursPerFteWeek: z._default(z.number().check(z.positive(), z.maximum(168)), 40),
    /** Share of paid hours left for tasks after meetings, training, breaks, (0, 1]. Default 0.75 (editorial). */
    productiveShare: z._default(
      z.number().check(z.positive(), z.maximum(1, { error: 'not_a_share' })),
      0.75,
    ),
  })
  .check(coverageCheck);

export type WorkloadInput = z.input<typeof workloadInputSchema>;
export type WorkloadValues = z.output<typeof workloadInputSchema>;
export const defaultWorkloadInput: WorkloadValues = workloadInputSchema.parse({});

export interface TaskHours {
  welcome: number;
  posting: number;
  care: number;
  moderation: number;
  events: number;
  reporting: number;
  total: number;
}

export interface WorkloadPlan {
  /** Hours per week by task. */
  taskHours: TaskHours;
  /** Person-hours per week of answering: window length × days × minOnDuty. */
  coverageHours: number;
  /** total / (hoursPerFteWeek × productiveShare). */
  workloadFte: number;
  /** coverageHours / hoursPerFteWeek. */
  coverageFte: number;
  /** ⌈max(workloadFte, coverageFte)⌉, 0 when both are 0. */
  operators: number;
  /** The larger of the two rules ("coverage" on a tie). */
  binding: 'workload' | 'coverage';
}

/** The task names in display order (the keys of `taskHours` besides `total`). */
export const TASKS = ['welcome', 'posting', 'care', 'moderation', 'events', 'reporting'] as const;

/**
 * Weekly hours by task and the operators they need, against the operators the opening hours need.
 *
 * welcome = newMembersPerMonth × 12/52 × welcomeMinutes/60; posting = groups × posts × 7 × minutesPerPost/60;
 * care = contacts × 7 × minutesPerContact/60; moderation = groups × minutes × 7/60; events = eventsPerMonth ×
 * hoursPerEvent × 12/52; reporting as given. coverageHours = (end − start) × days × minOnDuty.
 *
 * Example (defaults): welcome 6.923, posting 16.8, care 17.5, moderation 14, events 5.538, reporting 4, total
 * 64.762; coverage 91 h; workloadFte 2.159, coverageFte 2.275 → 3 operators, binding "coverage".
 */
export function planWorkload(input: WorkloadInput = {}): WorkloadPlan {
  const v = validate(workloadInputSchema, input);
  const welcome = (v.newMembersPerMonth * 12 * v.welcomeMinutes) / 52 / 60;
  const posting = (v.groups * v.postsPerGroupPerDay * 7 * v.minutesPerPost) / 60;
  const care = (v.careContactsPerDay * 7 * v.minutesPerContact) / 60;
  const moderation = (v.groups * v.moderationMinutesPerGroupPerDay * 7) / 60;
  const events = (v.eventsPerMonth * v.hoursPerEvent * 12) / 52;
  const reporting = v.reportingHoursPerWeek;
  const total = welcome + posting + care + moderation + events + reporting;
  const { startHour, endHour, daysPerWeek } = v.coverage;
  const coverageHours = (endHour - startHour) * daysPerWeek * v.minOnDuty;
  const workloadFte = total / (v.hoursPerFteWeek * v.productiveShare);
  const coverageFte = coverageHours / v.hoursPerFteWeek;
  const binding = workloadFte > coverageFte ? 'workload' : 'coverage';
  return {
    taskHours: { welcome, posting, care, moderation, events, reporting, total },
    coverageHours,
    workloadFte,
    coverageFte,
    operators: ceilCount(Math.max(workloadFte, coverageFte)),
    binding,
  };
}

export interface OperatorRecommendation {
  /** The largest of the three rules. */
  operators: number;
  /** Which rule gives it: the member ratio, the task hours, or the opening hours (ties: coverage, then workload). */
  reason: 'ratio' | 'workload' | 'coverage';
  byRule: { ratio: number; workload: number; coverage: number };
}

/**
 * The operators to hire when the member-ratio rule of `planStaffing` and the two rules of `planWorkload`
 * disagree: the largest, since each is a floor (fewer people leave work undone or hours unanswered).
 * Each rule is rounded up on its own. Example: ratio 4, workload 2.159 → 3, coverage 2.275 → 3 → 4, "ratio".
 */
export function recommendOperators(ratioOperators: number, workload: WorkloadPlan): OperatorRecommendation {
  const byRule = { ratio: ratioOperators, workload: ceilCount(workload.workloadFte), coverage: ceilCount(workload.coverageFte) };
  const operators = Math.max(byRule.ratio, byRule.workload, byRule.coverage);
  const reason = byRule.coverage === operators ? 'coverage' : byRule.workload === operators ? 'workload' : 'ratio';
  return { operators, reason, byRule };
}

export interface WorkloadCheck extends OperatorRecommendation {
  workload: WorkloadPlan;
  /** Operators the recommendation adds to the member ratio's (0 when the ratio already calls for the most). */
  extraOperators: number;
  /** What those operators add to the personnel cost each month, yuan: extra × salary × (1 + overhead) ÷ 12; null without pay. */
  extraPersonnelMonthly: number | null;
}

/**
 * The member-ratio headcount checked against the work: `planWorkload(input)`, the larger rule recommended by
 * `recommendOperators`, and what the difference costs a month at the operators' pay (when it is known).
 * Shared by the staffing page and the plan builder, so both say the same.
 *
 * Worked example (the staffing page's defaults): 20,000 members at 1 : 5,000 → 4 operators; their 40 groups at
 * the workload defaults → tasks 6.923 + 56 + 17.5 + 46.667 + 5.538 + 4 = 136.628 h a week ÷ (40 × 0.75) = 4.554
 * → 5; duty 13 h × 7 days × 1 = 91 h ÷ 40 = 2.275 → 3. Recommended 5, reason "workload", one more operator:
 * 150,000 × 1.3 ÷ 12 = 16,250 yuan a month.
 */
export function checkWorkload(
  ratioOperators: number,
  input: WorkloadInput,
  pay?: { operatorAnnualSalary: number; overheadRate: number },
): WorkloadCheck {
  const workload = planWorkload(input);
  const rec = recommendOperators(ratioOperators, workload);
  const extraOperators = rec.operators - ratioOperators;
  return {
    ...rec,
    workload,
    extraOperators,
    extraPersonnelMonthly: pay ? (extraOperators * pay.operatorAnnualSalary * (1 + pay.overheadRate)) / 12 : null,
  };
}
