import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib';
import { ALL_GROUPS, groupTable } from '../../src/lib/health/groups';
import type { ChatRecord, RosterEntry } from '../../src/lib/health/chat';
import { arbOffset, arbRecords, msg, rosterOf, underZones } from './health-helpers';

const DAY = 86_400_000;

describe('groupTable', () => {
  it('computes the documented example by hand', () => {
    const records = [msg('a', '2026-03-01T02:00', 'g1'), msg('a', '2026-03-02T02:00', 'g1'), msg('b', '2026-03-02T03:00', 'g1'), msg('a', '2026-03-02T04:00', 'g2')];
    const t = groupTable(records, rosterOf('g2', 'a', 'c'));
    expect(t.asOf).toBe('2026-03-02');
    expect(t.rows.map((r) => r.group)).toEqual([ALL_GROUPS, 'g1', 'g2']);
    const [all, g1, g2] = t.rows;
    expect(all).toMatchObject({ members: 3, speakers: 2, messages: 4, messages30: 4 });
    expect(all!.avgDau).toBeCloseTo(0.1, 12);
    expect(all!.stickiness).toBeCloseTo(0.05, 12);
    expect(g1).toMatchObject({ members: 2, speakers: 2, messages: 3 });
    expect(g1!.stickiness).toBeCloseTo(0.05, 12);
    expect(g2).toMatchObject({ members: 2, speakers: 1, messages: 1 });
    expect(g2!.stickiness).toBeCloseTo(1 / 30, 12);
  });

  it('shows dead groups as rows with no speakers and no stickiness, named from the exports', () => {
    const records = [msg('a', '2026-03-31T02:00', 'live'), msg('old', '2026-01-15T02:00', 'dead'), { ...msg('j', '2026-03-30T02:00', 'dead'), kind: 'join' as const }];
    const t = groupTable(records, [], { groups: [{ id: 'dead', name: 'Old group' }, { id: 'empty' }] });
    expect(t.rows.find((r) => r.group === 'dead')).toEqual({ group: 'dead', name: 'Old group', members: 1, speakers: 0, messages: 1, messages30: 0, avgDau: 0, stickiness: null });
    expect(t.rows.find((r) => r.group === 'empty')).toEqual({ group: 'empty', members: 0, speakers: 0, messages: 0, messages30: 0, avgDau: 0, stickiness: null });
    expect(t.rows.map((r) => r.group)).toEqual([ALL_GROUPS, 'live', 'dead', 'empty']);
  });

  it('does not count roster members who joined after asOf (as analyzeActivity does not)', () => {
    // asOf 2 Mar at UTC+8; c joined 3 Mar 01:00 there (2 Mar 17:00 UTC), d on 2 Mar 23:00 there, e gives no time.
    const roster: RosterEntry[] = [
      { member: 'c', group: 'g1', joinedAt: Date.parse('2026-03-02T17:00:00Z') },
      { member: 'd', group: 'g1', joinedAt: Date.parse('2026-03-02T15:00:00Z') },
      { member: 'e', group: 'g1' },
    ];
    const t = groupTable([msg('a', '2026-03-02T02:00', 'g1')], roster);
    expect(t.rows[0]).toMatchObject({ group: ALL_GROUPS, members: 3, speakers: 1 });
    // At UTC, c joined on 2 Mar: a member.
    expect(groupTable([msg('a', '2026-03-02T02:00', 'g1')], roster, { offsetMinutes: 0 }).rows[0]).toMatchObject({ members: 4 });
  });

  it('orders equal groups by ID', () => {
    const records = ['gc', 'ga', 'gb'].map((g) => msg('a', '2026-03-01T00:00', g));
    expect(groupTable(records, []).rows.map((r) => r.group)).toEqual([ALL_GROUPS, 'ga', 'gb', 'gc']);
  });

  it('ignores messages after asOf and buckets days at the chosen offset', () => {
    // 16:30 UTC on 1 March is 00:30 on 2 March at UTC+8: outside an asOf of 1 March there, inside at UTC.
    const records = [msg('a', '2026-03-01T16:30'), msg('b', '2026-03-01T10:00')];
    expect(groupTable(records, [], { asOf: '2026-03-01' }).rows[0]).toMatchObject({ members: 1, speakers: 1, messages: 1 });
    expect(groupTable(records, [], { asOf: '2026-03-01', offsetMinutes: 0 }).rows[0]).toMatchObject({ members: 2, speakers: 2, messages: 2 });
  });

  it('has nothing to report without messages, and refuses a bad asOf', () => {
    expect(groupTable([], rosterOf('g1', 'a'))).toEqual({ asOf: null, rows: [
      { group: ALL_GROUPS, members: 1, speakers: 0, messages: 0, messages30: 0, avgDau: 0, stickiness: null },
      { group: 'g1', members: 1, speakers: 0, messages: 0, messages30: 0, avgDau: 0, stickiness: null },
    ] });
    expect(() => groupTable([], [], { asOf: '2026-02-30' })).toThrow(InputError);
  });
});

/** The definitions written the slow way, for one set of records (one group or all). */
function reference(records: ChatRecord[], roster: RosterEntry[], asOfDay: number, offset: number) {
  const dayOf = (r: ChatRecord) => Math.floor((r.at + offset * 60_000) / DAY);
  const kept = records.filter((r) => r.kind === 'message' && dayOf(r) <= asOfDay);
  const recent = kept.filter((r) => dayOf(r) > asOfDay - 30);
  const speakers = new Set(recent.map((r) => r.member));
  let dau = 0;
  for (let d = asOfDay - 29; d <= asOfDay; d++) dau += new Set(recent.filter((r) => dayOf(r) === d).map((r) => r.member)).size;
  return {
    members: new Set([...kept.map((r) => r.member), ...roster.map((e) => e.member)]).size,
    speakers: speakers.size,
    messages: kept.length,
    messages30: recent.length,
    avgDau: dau / 30,
    stickiness: speakers.size ? dau / 30 / speakers.size : null,
  };
}

describe('groupTable properties', () => {
  it('matches the slow definition per group and for all groups', () => {
    fc.assert(
      fc.property(arbRecords(), fc.subarray(['a', 'x', 'y']), arbOffset, fc.integer({ min: 0, max: 200 }), (records, rosterIds, offset, k) => {
        const roster = rosterOf('g2', ...rosterIds);
        const asOfDay = Date.UTC(2026, 0, 1) / DAY + k;
        const asOf = new Date(asOfDay * DAY).toISOString().slice(0, 10);
        const t = groupTable(records as ChatRecord[], roster, { asOf, offsetMinutes: offset });
        for (const row of t.rows) {
          const expected = row.group === ALL_GROUPS ? reference(records as ChatRecord[], roster, asOfDay, offset) : reference((records as ChatRecord[]).filter((r) => r.group === row.group), roster.filter((e) => e.group === row.group), asOfDay, offset);
          expect({ ...row, avgDau: Math.round(row.avgDau * 1e9), stickiness: row.stickiness === null ? null : Math.round(row.stickiness * 1e9) }).toMatchObject({
            ...expected,
            avgDau: Math.round(expected.avgDau * 1e9),
            stickiness: expected.stickiness === null ? null : Math.round(expected.stickiness * 1e9),
          });
        }
        const groups = t.rows.slice(1);
        expect(t.rows[0]!.messages).toBe(groups.reduce((s, r) => s + r.messages, 0));
        expect(t.rows[0]!.speakers).toBeLessThanOrEqual(groups.reduce((s, r) => s + r.speakers, 0));
      }),
    );
  });

  it('does not depend on the machine time zone', () => {
    fc.assert(
      fc.property(arbRecords(30), arbOffset, (records, offset) => {
        expect(new Set(underZones(() => JSON.stringify(groupTable(records as ChatRecord[], [], { offsetMinutes: offset })))).size).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});
