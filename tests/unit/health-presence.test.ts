import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeActivity } from '../../src/lib';
import { toActivityEvents } from '../../src/lib/health/merge';
import { PRESENCE_TIERS, presenceTiers, type PresenceTier } from '../../src/lib/health/presence';
import type { ChatRecord } from '../../src/lib/health/chat';
import { arbOffset, arbRecords, msg, underZones } from './health-helpers';

const DAY = 86_400_000;
/** A message at 10:00 UTC+8 on the day `back` days before 2026-03-31. */
const daysBack = (member: string, back: number): ChatRecord => ({ member, group: 'g1', at: Date.UTC(2026, 2, 31, 2) - back * DAY, kind: 'message' });
const march = (member: string, ...days: number[]) => days.map((d) => msg(member, `2026-03-${String(d).padStart(2, '0')}T02:00`));

describe('presenceTiers', () => {
  it('places the documented example by hand', () => {
    const records = [
      ...march('a', ...Array.from({ length: 31 }, (_, i) => i + 1)),
      ...march('b', 2, 8, 15, 22, 29, 30, 31),
      ...march('c', 30, 31, 31),
      msg('d', '2026-01-10T02:00'),
    ];
    const r = presenceTiers(records, { members: ['r', 'a'] });
    expect(r.asOf).toBe('2026-03-31');
    expect(Object.fromEntries(r.tierOf)).toEqual({ a: 'leading', b: 'contributing', c: 'participating', d: 'exploring', r: 'exploring' });
    expect(r.counts).toEqual({ leading: 1, contributing: 1, participating: 1, exploring: 2 });
  });

  it('draws each window edge where documented (30 days in the 90, 7 in the 30, 2 in the 7)', () => {
    const records = [
      ...Array.from({ length: 30 }, (_, i) => daysBack('edge90', 60 + i)), // days back 60 … 89: all inside
      ...Array.from({ length: 30 }, (_, i) => daysBack('out90', 61 + i)), // 61 … 90: one falls out
      ...Array.from({ length: 7 }, (_, i) => daysBack('edge30', 23 + i)), // 23 … 29
      ...Array.from({ length: 7 }, (_, i) => daysBack('out30', 24 + i)), // 24 … 30
      daysBack('edge7', 0), daysBack('edge7', 6),
      daysBack('out7', 0), daysBack('out7', 7),
      daysBack('once', 0), daysBack('once', 0),
    ];
    const r = presenceTiers(records);
    expect(Object.fromEntries(r.tierOf)).toEqual({ edge90: 'leading', out90: 'exploring', edge30: 'contributing', out30: 'exploring', edge7: 'participating', out7: 'exploring', once: 'exploring' });
  });

  it('lets the core shrink with the community, where the relative 5% core stays put', () => {
    // 100 members: 20 speak on 40 days (every other day), 80 speak once. Then each of the 20 drops every other day.
    const full: ChatRecord[] = [];
    const halved: ChatRecord[] = [];
    for (let m = 0; m < 100; m++) {
      const active = m < 20 ? Array.from({ length: 40 }, (_, k) => 2 * k) : [m % 7];
      active.forEach((back, k) => {
        full.push(daysBack(`m${m}`, back));
        if (m >= 20 || k % 2 === 0) halved.push(daysBack(`m${m}`, back));
      });
    }
    const before = presenceTiers(full);
    const after = presenceTiers(halved);
    expect(before.counts.leading).toBe(20);
    // 20 days in the 90 is below 30; days back 0, 4, …, 28 are 8 days in the 30 → contributing.
    expect(after.counts).toEqual({ leading: 0, contributing: 20, participating: 0, exploring: 80 });
    const relative = (records: ChatRecord[]) => analyzeActivity(toActivityEvents({ records, offsetMinutes: 480 })).tiers.core;
    expect(relative(full)).toBe(5);
    expect(relative(halved)).toBe(5);
  });

  it('reports nobody without messages, roster members aside', () => {
    expect(presenceTiers([], { members: ['x'] })).toEqual({ asOf: null, counts: { leading: 0, contributing: 0, participating: 0, exploring: 1 }, tierOf: new Map([['x', 'exploring']]) });
  });
});

describe('presenceTiers properties', () => {
  const rank = (t: PresenceTier | undefined) => (t === undefined ? PRESENCE_TIERS.length : PRESENCE_TIERS.indexOf(t));

  it('counts add up to the members; removing activity never raises anyone’s tier', () => {
    fc.assert(
      fc.property(arbRecords(80), fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), arbOffset, (records, keep, offset) => {
        const asOf = '2026-07-20';
        const all = presenceTiers(records as ChatRecord[], { asOf, offsetMinutes: offset });
        const fewer = presenceTiers((records as ChatRecord[]).filter((_, i) => keep[i]), { asOf, offsetMinutes: offset });
        const members = new Set(records.filter((r) => r.kind === 'message').map((r) => r.member));
        expect(Object.values(all.counts).reduce((s, n) => s + n, 0)).toBe(members.size);
        for (const m of members) expect(rank(fewer.tierOf.get(m))).toBeGreaterThanOrEqual(rank(all.tierOf.get(m)));
        expect(fewer.counts.leading).toBeLessThanOrEqual(all.counts.leading);
      }),
    );
  });

  it('does not depend on the machine time zone', () => {
    fc.assert(
      fc.property(arbRecords(40), arbOffset, (records, offset) => {
        expect(new Set(underZones(() => JSON.stringify([...presenceTiers(records as ChatRecord[], { offsetMinutes: offset }).tierOf]))).size).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});
