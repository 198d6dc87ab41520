/**
 * A 7-day rota for a given number of operators: shifts that cover the opening window with `minOnDuty` people,
 * nobody over their weekly hours or more days than allowed, a handover at every shift change, and every hour
 * left uncovered listed. Pure and deterministic; the iCalendar export writes one weekly series per operator.
 */
import * as z from 'zod/mini';
import { isoDate, addDaysIso, toIcsDate } from './dates';
import { asRecord, crossCheck, integer } from './fields';
import { ICS_UID_DOMAIN, escapeText, foldLine } from './ics';
import { coverageCheck, coverageSchema } from './workload';
import { validate } from './validate';

/** Most operators a rota is drawn for. */
export const MAX_ROTA_OPERATORS = 200;

export const rotaInputSchema = z
  .object({
    /** Operators available. Default 3. */
    operators: z._default(integer().check(z.minimum(0), z.maximum(MAX_ROTA_OPERATORS)), 3),
    /** Opening window (as in `planWorkload`). Default 09:00–22:00, 7 days. */
    coverage: z.prefault(coverageSchema, {}),
    /** People on duty at every covered minute. Default 1. */
    minOnDuty: z._default(integer().check(z.minimum(1), z.maximum(50)), 1),
    /** Most hours one operator works in a week. Default 40. */
    weeklyHours: z._default(z.number().check(z.positive(), z.maximum(168)), 40),
    /** Most days one operator works in a week. Default 5. */
    maxDaysPerWeek: z._default(integer().check(z.minimum(1), z.maximum(7)), 5),
    /** Longest shift, hours; the day's window is cut into equal shifts no longer than this. Default 8. */
    maxShiftHours: z._default(z.number().check(z.minimum(1), z.maximum(24)), 8),
  })
  .check(coverageCheck);

export type RotaInput = z.input<typeof rotaInputSchema>;
export type RotaValues = z.output<typeof rotaInputSchema>;
export const defaultRotaInput: RotaValues = rotaInputSchema.parse({});

/** Minutes since midnight; `end` is exclusive. Days are 0 = Monday … 6 = Sunday. */
export interface RotaShift {
  day: number;
  start: number;
  end: number;
  /** Operator indices (0-based) on duty. */
  onDuty: number[];
  /** Seats nobody could take. */
  missing: number;
}

export interface RotaGap {
  day: number;
  start: number;
  end: number;
  missing: number;
}

export interface RotaHandover {
  day: number;
  /** Minute of the change. */
  at: number;
  from: number[];
  to: number[];
}

export interface Rota {
  shifts: RotaShift[];
  /** Hours and days each operator works. */
  perOperator: { hours: number; days: number }[];
  /** Uncovered stretches, consecutive shifts of a day merged when the same number of seats is missing. */
  gaps: RotaGap[];
  /** Person-hours per week nobody covers. */
  uncoveredHours: number;
  handovers: RotaHandover[];
}

/** The day's window cut into ⌈length / maxShift⌉ shifts of near-equal whole minutes. */
function dayShifts(v: RotaValues): [number, number][] {
  const first = Math.round(v.coverage.startHour * 60);
  const last = Math.round(v.coverage.endHour * 60);
  const k = Math.ceil((last - first) / Math.round(v.maxShiftHours * 60));
  const bounds = Array.from({ length: k + 1 }, (_, i) => first + Math.round(((last - first) * i) / k));
  return bounds.slice(0, -1).map((b, i) => [b, bounds[i + 1] as number]);
}

/**
 * Fills each shift, day by day, seat by seat, with the available operator who has worked the fewest hours
 * (then fewest days, then lowest number). Available: not already on a shift that day, under the day limit,
 * and with the shift fitting in their weekly hours. One shift per person per day keeps days humane.
 *
 * Example (defaults: 3 operators, 09:00–22:00 every day, 1 on duty, 40 h, 5 days, 8 h shifts): two shifts a
 * day, 09:00–15:30 and 15:30–22:00; 14 shifts for 15 person-days; all covered, 91 h shared 32.5 / 32.5 / 26.
 */
export function buildRota(input: RotaInput = {}): Rota {
  const v = validate(rotaInputSchema, input);
  const perOperator = Array.from({ length: v.operators }, () => ({ minutes: 0, days: 0 }));
  const limit = Math.round(v.weeklyHours * 60);
  const shifts: RotaShift[] = [];
  const template = dayShifts(v);
  for (let day = 0; day < v.coverage.daysPerWeek; day++) {
    const busy = new Set<number>();
    for (const [start, end] of template) {
      const onDuty: number[] = [];
      for (let seat = 0; seat < v.minOnDuty; seat++) {
        let best = -1;
        perOperator.forEach((p, i) => {
          if (busy.has(i) || p.days >= v.maxDaysPerWeek || p.minutes + (end - start) > limit) return;
          const b = perOperator[best];
          if (!b || p.minutes < b.minutes || (p.minutes === b.minutes && p.days < b.days)) best = i;
        });
        if (best < 0) break;
        busy.add(best);
        onDuty.push(best);
        const chosen = perOperator[best] as { minutes: number; days: number };
        chosen.minutes += end - start;
        chosen.days += 1;
      }
      shifts.push({ day, start, end, onDuty: onDuty.sort((a, b) => a - b), missing: v.minOnDuty - onDuty.length });
    }
  }
  const gaps: RotaGap[] = [];
  for (const s of shifts) {
    if (s.missing === 0) continue;
    const prev = gaps[gaps.length - 1];
    if (prev && prev.day === s.day && prev.end === s.start && prev.missing === s.missing) prev.end = s.end;
    else gaps.push({ day: s.day, start: s.start, end: s.end, missing: s.missing });
  }
  const handovers: RotaHandover[] = [];
  shifts.forEach((s, i) => {
    const next = shifts[i + 1];
    if (next && next.day === s.day) handovers.push({ day: s.day, at: s.end, from: s.onDuty, to: next.onDuty });
  });
  return {
    shifts,
    perOperator: perOperator.map((p) => ({ hours: p.minutes / 60, days: p.days })),
    gaps,
    uncoveredHours: shifts.reduce((sum, s) => sum + (s.missing * (s.end - s.start)) / 60, 0),
    handovers,
  };
}

/**
 * The fewest operators whose rota leaves nothing uncovered, searching up to `MAX_ROTA_OPERATORS`; null when
 * no number does (a shift longer than the weekly hours).
 */
export function rotaOperatorsNeeded(input: RotaInput = {}): number | null {
  const v = validate(rotaInputSchema, input);
  for (let n = 0; n <= MAX_ROTA_OPERATORS; n++) {
    if (buildRota({ ...v, operators: n }).uncoveredHours === 0) return n;
  }
  return null;
}

/** `570` → `09:30`; 1440 → `24:00`. */
export const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Product identifier of the rota calendar. */
export const ROTA_PRODID = '-//Community Operations Playbook//Rota 1.0//EN';

const ICS_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const rotaIcsOptionsSchema = z
  .object({
    /** A Monday, YYYY-MM-DD: the first week of the series. */
    weekStart: isoDate(),
    /** Operator names, by index; missing ones are called by `fallbackName`. */
    names: z._default(z.array(z.string().check(z.maxLength(60))).check(z.maxLength(MAX_ROTA_OPERATORS)), []),
    /** Label for an unnamed operator, `{n}` replaced by the 1-based number. Default "Operator {n}". */
    fallbackName: z._default(z.string().check(z.maxLength(60)), 'Operator {n}'),
    /** Calendar title. */
    title: z._default(z.string().check(z.maxLength(200)), ''),
  })
  .check(
    crossCheck((value, addIssue) => {
      const d = asRecord(value).weekStart;
      if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) {
        addIssue(['weekStart'], 'invalid_date');
      }
    }),
  );

export type RotaIcsOptions = z.input<typeof rotaIcsOptionsSchema>;

/** The name of operator `i` (0-based). */
export function operatorName(i: number, names: readonly string[], fallback: string): string {
  const given = names[i]?.trim();
  return given ? given : fallback.replace('{n}', String(i + 1));
}

/**
 * The rota as an RFC 5545 calendar: for each operator, one weekly series (RRULE FREQ=WEEKLY;BYDAY=…) per
 * distinct shift time they work, all with the UID prefix `rota-op<n>-`, so that each person can import or
 * filter their own. Times are floating local times (the team's own clock). DTSTAMP is the week start, so the
 * output is deterministic.
 */
export function rotaToIcs(rota: Rota, options: RotaIcsOptions): string {
  const o = validate(rotaIcsOptionsSchema, options);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ROTA_PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (o.title) lines.push(`X-WR-CALNAME:${escapeText(o.title)}`);
  const stamp = `${toIcsDate(o.weekStart)}T000000Z`;
  rota.perOperator.forEach((_, op) => {
    const series = new Map<string, { start: number; end: number; days: number[] }>();
    for (const s of rota.shifts) {
      if (!s.onDuty.includes(op)) continue;
      const key = `${s.start}-${s.end}`;
      const entry = series.get(key) ?? { start: s.start, end: s.end, days: [] };
      entry.days.push(s.day);
      series.set(key, entry);
    }
    const name = operatorName(op, o.names, o.fallbackName);
    for (const { start, end, days } of series.values()) {
      const first = addDaysIso(o.weekStart, days[0] as number);
      const time = (m: number) => `${clock(m).replace(':', '')}00`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:rota-op${op + 1}-${time(start)}-${time(end)}@${ICS_UID_DOMAIN}`,
        `DTSTAMP:${stamp}`,
        `DTSTART:${toIcsDate(first)}T${time(start)}`,
        // A window ending at 24:00 ends at midnight of the next day.
        end === 1440 ? `DTEND:${toIcsDate(addDaysIso(first, 1))}T000000` : `DTEND:${toIcsDate(first)}T${time(end)}`,
        `RRULE:FREQ=WEEKLY;BYDAY=${days.map((d) => ICS_DAYS[d]).join(',')}`,
        `SUMMARY:${escapeText(o.title ? `${o.title} · ${name}` : name)}`,
        `DESCRIPTION:${escapeText(`${clock(start)}–${clock(end)}`)}`,
        'END:VEVENT',
      );
    }
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
