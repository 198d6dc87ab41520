import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifecycle } from '../../src/lib/health/lifecycle';
import type { ChatRecord } from '../../src/lib/health/chat';
import { arbOffset, arbRecords, msg, underZones } from './health-helpers';

const row = (month: string, active: number, n: number, returning: number, resurrecting: number, dormant: number) => ({ month, active, new: n, returning, resurrecting, dormant });

describe('lifecycle', () => {
  it('classifies the documented example by hand', () => {
    const records = [msg('a', '2026-01-05T02:00'), msg('b', '2026-01-06T02:00'), msg('b', '2026-02-10T02:00'), msg('a', '2026-03-03T02:00'), msg('c', '2026-03-04T02:00'), msg('c', '2026-03-09T02:00')];
    expect(lifecycle(records)).toEqual([row('2026-01', 2, 2, 0, 0, 0), row('2026-02', 1, 0, 1, 0, 1), row('2026-03', 2, 1, 0, 1, 1)]);
  });

  it('keeps an empty month between active ones, and runs on to the month of asOf', () => {
    const records = [msg('a', '2026-01-10T02:00'), msg('a', '2026-03-10T02:00'), msg('b', '2026-01-11T02:00')];
    expect(lifecycle(records, { asOf: '2026-04-02' })).toEqual([row('2026-01', 2, 2, 0, 0, 0), row('2026-02', 0, 0, 0, 0, 2), row('2026-03', 1, 0, 0, 1, 0), row('2026-04', 0, 0, 0, 0, 1)]);
  });

  it('counts only messages on or before asOf, in months at the chosen offset', () => {
    // 20:00 UTC on 31 January is 04:00 on 1 February at UTC+8.
    const records = [msg('a', '2026-01-31T20:00'), { ...msg('j', '2026-01-10T02:00'), kind: 'join' as const }, msg('late', '2026-05-01T02:00')];
    expect(lifecycle(records, { asOf: '2026-02-28' })).toEqual([row('2026-02', 1, 1, 0, 0, 0)]);
    expect(lifecycle(records, { asOf: '2026-02-28', offsetMinutes: 0 })).toEqual([row('2026-01', 1, 1, 0, 0, 0), row('2026-02', 0, 0, 0, 0, 1)]);
    expect(lifecycle([])).toEqual([]);
  });
});

describe('lifecycle properties', () => {
  it('new + returning + resurrecting = active(m); returning(m) + dormant(m) = active(m − 1); new(m) = members first seen in m', () => {
    fc.assert(
      fc.property(arbRecords(80), arbOffset, (records, offset) => {
        const rows = lifecycle(records as ChatRecord[], { offsetMinutes: offset });
        const monthOf = (at: number) => new Date(at + offset * 60_000).toISOString().slice(0, 7);
        const messages = records.filter((r) => r.kind === 'message');
        const firstMonth = new Map<string, string>();
        for (const r of [...messages].sort((x, y) => x.at - y.at)) if (!firstMonth.has(r.member)) firstMonth.set(r.member, monthOf(r.at));
        rows.forEach((m, k) => {
          const active = new Set(messages.filter((r) => monthOf(r.at) === m.month).map((r) => r.member)).size;
          expect(m.active).toBe(active);
          expect(m.new + m.returning + m.resurrecting).toBe(m.active);
          expect(m.returning + m.dormant).toBe(k === 0 ? 0 : rows[k - 1]!.active);
          expect(m.new).toBe([...firstMonth.values()].filter((f) => f === m.month).length);
        });
        expect(rows.reduce((s, m) => s + m.new, 0)).toBe(firstMonth.size);
      }),
    );
  });

  it('does not depend on the machine time zone', () => {
    fc.assert(
      fc.property(arbRecords(30), arbOffset, (records, offset) => {
        expect(new Set(underZones(() => JSON.stringify(lifecycle(records as ChatRecord[], { offsetMinutes: offset })))).size).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});
