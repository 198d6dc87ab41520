/**
 * Calendar days, months and hours of chat instants at an explicit UTC offset, never the machine's zone.
 *
 * A record's `at` is an instant (ms since the Unix epoch). Its calendar day at offset `o` minutes east of UTC
 * is the day number ⌊(at + o × 60,000) / 86,400,000⌋ (days since 1970-01-01); months are `year × 12 + month − 1`.
 * Only integer arithmetic is used on the hot path (Hinnant's civil-from-days), so a million records need no
 * Date objects and no `process.env.TZ` can move a result.
 *
 * Example: at = Date.UTC(2026, 2, 5, 16, 30) with offset +480 (UTC+8) → day of 2026-03-06, hour 0 (00:30 local).
 */
import { isCalendarDate } from '../activity';
import { InputError } from '../errors';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../event-rows';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Real-world UTC offsets run from −12:00 to +14:00. */
export const OFFSET_RANGE = { min: -720, max: 840 } as const;

/** The offset to use: `DEFAULT_UTC_OFFSET_MINUTES` when absent; an `InputError` when not a whole minute in range. */
export function checkOffset(offsetMinutes: number | undefined, path = 'offsetMinutes'): number {
  if (offsetMinutes === undefined) return DEFAULT_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < OFFSET_RANGE.min || offsetMinutes > OFFSET_RANGE.max) {
    throw new InputError([{ path, code: 'out_of_range' }]);
  }
  return offsetMinutes;
}

/** Day number (days since 1970-01-01) of instant `at` at `offsetMinutes` east of UTC. */
export const dayAt = (at: number, offsetMinutes: number): number => Math.floor((at + offsetMinutes * 60_000) / DAY_MS);

/** Month index `year × 12 + month − 1` of a day number (Hinnant's civil-from-days, integers only). */
export function monthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month index. */
export const monthLabel = (m: number): string => `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;

/** `YYYY-MM-DD` of a day number. */
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Day number of a `YYYY-MM-DD` calendar date; an `InputError` (`invalid_date`) otherwise. */
export function dayOfIso(iso: string, path = 'asOf'): number {
  if (typeof iso !== 'string' || !isCalendarDate(iso)) throw new InputError([{ path, code: 'invalid_date' }]);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  return new Date(0).setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}
