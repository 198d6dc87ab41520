import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib';
import { busiestSlots, rhythm, rhythmLevels } from '../../src/lib/health/rhythm';
import type { ChatRecord } from '../../src/lib/health/chat';
import { arbRecords, msg, underZones } from './health-helpers';

/** The non-zero cells as "weekday/hour": count, to compare with a hand count. */
const nonZero = (cells: number[][]) => Object.fromEntries(cells.flatMap((row, w) => row.flatMap((n, h) => (n ? [[`${w}/${h}`, n]] : []))));

describe('rhythm', () => {
  it('places the documented example: Sunday 16:30 UTC is Monday 00:30 at UTC+8', () => {
    const r = [msg('a', '2026-03-01T16:30')];
    expect(nonZero(rhythm(r).cells)).toEqual({ '0/0': 1 });
    expect(nonZero(rhythm(r, { offsetMinutes: 0 }).cells)).toEqual({ '6/16': 1 });
    expect(nonZero(rhythm(r, { offsetMinutes: -300 }).cells)).toEqual({ '6/11': 1 });
  });

  it('counts messages only, Monday first, and finds the busiest hour (hand count)', () => {
    const records = [
      msg('a', '2026-03-02T01:00'), // Monday 09:00 at UTC+8
      msg('b', '2026-03-02T01:59'), // Monday 09:59
      msg('c', '2026-03-04T12:15'), // Wednesday 20:15
      msg('d', '2026-03-07T15:59'), // Saturday 23:59
      { ...msg('j', '2026-03-02T01:30'), kind: 'join' as const },
    ];
    const r = rhythm(records);
    expect(r.cells).toHaveLength(7);
    expect(r.cells.every((row) => row.length === 24)).toBe(true);
    expect(nonZero(r.cells)).toEqual({ '0/9': 2, '2/20': 1, '5/23': 1 });
    expect(r.total).toBe(4);
    expect(r.peak).toEqual({ weekday: 0, hour: 9, messages: 2 });
  });

  it('handles instants before 1970 and an empty export', () => {
    // 1969-12-31 23:59:59.999 UTC was a Wednesday.
    expect(nonZero(rhythm([{ member: 'a', group: 'g', at: -1, kind: 'message' }], { offsetMinutes: 0 }).cells)).toEqual({ '2/23': 1 });
    const empty = rhythm([]);
    expect(empty).toMatchObject({ total: 0, peak: null, offsetMinutes: 480 });
    expect(empty.cells.flat().every((n) => n === 0)).toBe(true);
    expect(() => rhythm([], { offsetMinutes: 841 })).toThrow(InputError);
  });
});

describe('rhythm properties', () => {
  it('cells add up to the message count; 60 minutes east rotates the week by one hour', () => {
    fc.assert(
      fc.property(arbRecords(80), fc.integer({ min: -720, max: 780 }), (records, offset) => {
        const a = rhythm(records as ChatRecord[], { offsetMinutes: offset });
        const b = rhythm(records as ChatRecord[], { offsetMinutes: offset + 60 });
        expect(a.cells.flat().reduce((s, n) => s + n, 0)).toBe(records.filter((r) => r.kind === 'message').length);
        const flatA = a.cells.flat();
        expect(b.cells.flat()).toEqual([flatA[167]!, ...flatA.slice(0, 167)]);
      }),
    );
  });

  it('does not depend on the machine time zone', () => {
    fc.assert(
      fc.property(arbRecords(30), fc.integer({ min: -720, max: 840 }), (records, offset) => {
        expect(new Set(underZones(() => JSON.stringify(rhythm(records as ChatRecord[], { offsetMinutes: offset })))).size).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});

describe('busiestSlots and rhythmLevels', () => {
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  cells[0]![20] = 10;
  cells[6]![21] = 2;
  cells[0]![22] = 1;
  cells[2]![9] = 1;
  cells[4]![3] = 3;

  it('names the busiest hours, most first, ties to the earliest of the week, empty cells never', () => {
    expect(busiestSlots({ cells }, 3)).toEqual([
      { weekday: 0, hour: 20, messages: 10 },
      { weekday: 4, hour: 3, messages: 3 },
      { weekday: 6, hour: 21, messages: 2 },
    ]);
    expect(busiestSlots({ cells }, 10)).toHaveLength(5);
    expect(busiestSlots({ cells: Array.from({ length: 7 }, () => Array(24).fill(0)) })).toEqual([]);
  });

  it('shades 0 for empty and ⌈5 × cell ÷ busiest⌉ otherwise (hand values)', () => {
    const levels = rhythmLevels({ cells });
    expect([levels[0]![20], levels[4]![3], levels[6]![21], levels[0]![22], levels[1]![0]]).toEqual([5, 2, 1, 1, 0]);
    expect(rhythmLevels({ cells: [[0, 0]] })).toEqual([[0, 0]]);
  });
});

