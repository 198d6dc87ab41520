/**
 * Phase timeline: calendar dates for a plan made of consecutive phases.
 */
import * as z from 'zod/mini';
import { addDaysIso, addMonthsIso, isoDate } from './dates';
import { asRecord, crossCheck, integer } from './fields';
import { validate } from './validate';

/** At most 12 phases, each 1–60 months, 120 months in all. */
export const TIMELINE_LIMITS = { maxPhases: 12, maxPhaseMonths: 60, maxTotalMonths: 120 } as const;

const kpiSchema = z.object({
  /** What is measured, e.g. "DAU/MAU". */
  metric: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** The target as shown, e.g. "≥ 0.4"; empty for a milestone written whole ("成员 1,000"). */
  target: z._default(z.string().check(z.trim(), z.maxLength(100)), ''),
});

const phaseSchema = z.object({
  /** Stable id (letters, digits, `-`, `_`; up to 64), used for the calendar UID. */
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'invalid_value' })),
  /** Name shown in the plan and calendar. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** Whole months, 1 … 60. */
  months: integer().check(z.minimum(1), z.maximum(TIMELINE_LIMITS.maxPhaseMonths)),
  /** Targets for the phase. */
  kpis: z._default(z.array(kpiSchema).check(z.maxLength(20)), []),
});

export const timelineInputSchema = z
  .object({
    /** First day of the plan, `YYYY-MM-DD`. */
    start: isoDate(),
    phases: z
      .array(phaseSchema)
      .check(z.minLength(1, { error: 'required' }), z.maxLength(TIMELINE_LIMITS.maxPhases, { error: 'too_many_phases' })),
  })
  .check(
    crossCheck((value, addIssue) => {
      const phases = asRecord(value).phases;
      if (!Array.isArray(phases)) return;
      const records = phases.map(asRecord);
      const total = records.reduce((sum, p) => sum + (typeof p.months === 'number' && Number.isFinite(p.months) ? p.months : 0), 0);
      if (total > TIMELINE_LIMITS.maxTotalMonths) addIssue(['phases'], 'total_too_long', TIMELINE_LIMITS.maxTotalMonths);
      const seen = new Set<unknown>();
      records.forEach((p, i) => {
        if (typeof p.id !== 'string') return;
        if (seen.has(p.id)) addIssue(['phases', i, 'id'], 'duplicate_id');
        seen.add(p.id);
      });
    }),
  );

export type TimelineInput = z.input<typeof timelineInputSchema>;
export type TimelinePhaseInput = z.input<typeof phaseSchema>;

export interface TimelinePhase {
  id: string;
  name: string;
  months: number;
  /** Months from the plan's start to this phase's start. */
  offsetMonths: number;
  /** First day, ISO. */
  start: string;
  /** Last day (inclusive), ISO: the day before the next phase starts. */
  end: string;
  kpis: { metric: string; target: string }[];
}

export interface Timeline {
  start: string;
  /** Last day of the last phase. */
  end: string;
  totalMonths: number;
  phases: TimelinePhase[];
}

/**
 * Dates for each phase. Phase i starts at addMonths(start, Σ_{j<i} months_j) — always counted from the plan's
 * start, never from the previous phase, so clamped month ends cannot drift — and ends the day before the next
 * phase starts. addMonths keeps the day of month, clamped to the month's last day (2026-01-31 + 1 month =
 * 2026-02-28).
 *
 * Example: start 2026-03-01, phases of 3 / 6 / 3 months → 2026-03-01…2026-05-31, 2026-06-01…2026-11-30,
 * 2026-12-01…2027-02-28.
 */
export function planTimeline(input: TimelineInput): Timeline {
  const v = validate(timelineInputSchema, input);
  let offset = 0;
  const phases = v.phases.map((p) => {
    const start = addMonthsIso(v.start, offset);
    offset += p.months;
    const end = addDaysIso(addMonthsIso(v.start, offset), -1);
    return { id: p.id, name: p.name, months: p.months, offsetMonths: offset - p.months, start, end, kpis: p.kpis };
  });
  const last = phases[phases.length - 1] as TimelinePhase;
  return { start: v.start, end: last.end, totalMonths: offset, phases };
}
