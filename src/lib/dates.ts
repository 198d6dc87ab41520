/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, with no time zone.
 *
 * Arithmetic is done by date-fns on `UTCDate` (from @date-fns/utc), whose local-time methods are UTC
 * methods, so the machine's time zone and its daylight-saving changes can never move a date.
 */
import { UTCDate } from '@date-fns/utc';
import * as z from 'zod/mini';
import { addDays, addMonths } from 'date-fns';

/** Years accepted for plan dates. */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

/**
 * A real calendar date `YYYY-MM-DD` in 1900–2999 (`2026-02-30` and `2026-2-3` are refused with
 * `invalid_date`; 29 February only in leap years).
 */
export const isoDate = () =>
  z.iso.date().check(
    z.refine(
      (s: string) => {
        const year = Number(s.slice(0, 4));
        return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
      },
      { error: 'invalid_date' },
    ),
  );

const toUtc = (iso: string): UTCDate =>
  new UTCDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

const toIso = (date: Date): string => {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
};

/** `addMonthsIso('2026-01-31', 1)` → `2026-02-28`: keeps the day of month, clamped to the month's last day. */
export const addMonthsIso = (iso: string, months: number): string => toIso(addMonths(toUtc(iso), months));

/** `addDaysIso('2026-03-01', -1)` → `2026-02-28`. */
export const addDaysIso = (iso: string, days: number): string => toIso(addDays(toUtc(iso), days));

/** `2026-03-01` → `20260301`, the iCalendar DATE form. */
export const toIcsDate = (iso: string): string => iso.replace(/-/g, '');
