import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib';
import { checkOffset, dayAt, dayOfIso, isoOfDay, monthLabel, monthOfDay } from '../../src/lib/health/clock';

describe('clock', () => {
  it('takes the day of an instant at the offset (the documented example)', () => {
    const at = Date.UTC(2026, 2, 5, 16, 30);
    expect(isoOfDay(dayAt(at, 480))).toBe('2026-03-06');
    expect(isoOfDay(dayAt(at, 0))).toBe('2026-03-05');
    expect(isoOfDay(dayAt(-1, 0))).toBe('1969-12-31');
  });

  it('reads YYYY-MM-DD days, years below 100 included, and refuses what is not a date', () => {
    expect(dayOfIso('1970-01-01')).toBe(0);
    expect(isoOfDay(dayOfIso('0050-03-01'))).toBe('0050-03-01');
    expect(() => dayOfIso('2026-02-29')).toThrow(InputError);
  });

  it('checks the offset: default UTC+8, whole minutes from −12:00 to +14:00', () => {
    expect(checkOffset(undefined)).toBe(480);
    expect(checkOffset(-720)).toBe(-720);
    expect(checkOffset(840)).toBe(840);
    for (const bad of [-721, 841, 0.5, Number.NaN]) expect(() => checkOffset(bad)).toThrow(InputError);
  });

  it('gives the same month as the calendar for any day from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
        const iso = isoOfDay(day);
        expect(monthLabel(monthOfDay(day))).toBe(iso.slice(0, 7));
      }),
    );
  });
});
