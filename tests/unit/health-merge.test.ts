import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeActivity, InputError } from '../../src/lib';
import { joinDates, leavers, mergeExports, toActivityEvents, topSenders } from '../../src/lib/health/merge';
import { arbOffset, arbRecords, exportOf, msg, rosterOf, underZones } from './health-helpers';

describe('mergeExports', () => {
  it('merges the documented example: own account out, latest name, silent roster member counted', () => {
    const e1 = exportOf([msg('a', '2026-03-01T02:00', 'g1', { name: 'Ann' }), msg('me', '2026-03-01T03:00', 'g1', { self: true })]);
    const e2 = exportOf([msg('a', '2026-03-02T02:00', 'g2', { name: 'Annie' }), msg('b', '2026-03-02T05:00', 'g2')], rosterOf('g2', 'a', 'b', 'c'));
    const m = mergeExports([e1, e2]);
    expect(m.records.map((r) => r.member)).toEqual(['a', 'a', 'b']);
    expect(m.names.get('a')).toBe('Annie');
    expect(m.members).toBe(3);
    expect(m.silentMembers).toBe(1);
    expect(m.dropped).toEqual({ excluded: 0, self: 1, bots: 0, duplicates: 0 });
    expect(m.groups.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(m.offsetMinutes).toBe(480);
  });

  it('takes the latest name by time, not by file order; a roster name only when no record names the member', () => {
    const late = exportOf([msg('a', '2026-03-05T00:00', 'g1', { name: 'New' })]);
    const early = exportOf([msg('a', '2026-03-01T00:00', 'g2', { name: 'Old' })], [{ member: 'a', group: 'g2', name: 'Roster A' }, { member: 'z', group: 'g2', name: 'Zed' }]);
    const m = mergeExports([late, early]);
    expect(m.names.get('a')).toBe('New');
    expect(m.names.get('z')).toBe('Zed');
  });

  it('drops an ID flagged self or bot in one file from every file, unless asked to keep them', () => {
    const e1 = exportOf([msg('me', '2026-03-01T00:00', 'g1', { self: true }), msg('bot', '2026-03-01T00:00', 'g1', { bot: true }), msg('a', '2026-03-01T00:00', 'g1')]);
    const e2 = exportOf([msg('me', '2026-03-02T00:00', 'g2'), msg('bot', '2026-03-02T00:00', 'g2'), msg('a', '2026-03-02T00:00', 'g2')], rosterOf('g2', 'me', 'bot', 'a'));
    const m = mergeExports([e1, e2]);
    expect(m.records.map((r) => r.member)).toEqual(['a', 'a']);
    expect(m.roster.map((r) => r.member)).toEqual(['a']);
    expect(m.dropped).toEqual({ excluded: 0, self: 2, bots: 2, duplicates: 0 });
    expect(m.members).toBe(1);
    const kept = mergeExports([e1, e2], { includeSelf: true, includeBots: true });
    expect(kept.records).toHaveLength(6);
    expect(kept.members).toBe(3);
  });

  it('leaves out the IDs the user ticked as staff, from records and rosters alike', () => {
    const e = exportOf([msg('staff', '2026-03-01T00:00'), msg('a', '2026-03-01T00:00')], rosterOf('g1', 'staff', 'a', 'quiet'));
    const m = mergeExports([e], { exclude: new Set(['staff']) });
    expect(m.records.map((r) => r.member)).toEqual(['a']);
    expect(m.members).toBe(2);
    expect(m.silentMembers).toBe(1);
    expect(m.dropped.excluded).toBe(1);
  });

  it('counts a record once when two files hold the same group, but keeps equal records of different groups', () => {
    const shared = msg('a', '2026-03-01T00:00', 'g1', { id: '7' });
    const m = mergeExports([exportOf([shared, msg('b', '2026-03-01T00:00', 'g1')]), exportOf([{ ...shared }, msg('a', '2026-03-01T00:00', 'g2', { id: '7' })])]);
    expect(m.records.map((r) => `${r.group}/${r.member}`)).toEqual(['g1/a', 'g1/b', 'g2/a']);
    expect(m.dropped.duplicates).toBe(1);
  });

  it('names each group with the first name any export gives it', () => {
    const a = { ...exportOf([msg('x', '2026-03-01T00:00', 'g3')]), groups: [{ id: 'g1' }] };
    const b = { ...exportOf([]), groups: [{ id: 'g1', name: 'Readers' }, { id: 'g2', name: 'Two' }] };
    const c = { ...exportOf([], rosterOf('g4', 'y')), groups: [{ id: 'g1', name: 'Later name' }] };
    expect(mergeExports([a, b, c]).groups).toEqual([{ id: 'g1', name: 'Readers' }, { id: 'g3' }, { id: 'g2', name: 'Two' }, { id: 'g4' }]);
  });

  it('refuses an offset that is not a whole number of minutes between −12:00 and +14:00', () => {
    expect(() => mergeExports([], { offsetMinutes: 900 })).toThrow(InputError);
    expect(() => mergeExports([], { offsetMinutes: 30.5 })).toThrow(InputError);
    expect(mergeExports([], { offsetMinutes: -720 }).members).toBe(0);
  });
});

describe('toActivityEvents and joinDates', () => {
  it('turns messages only into calendar days at the chosen offset', () => {
    const records = [msg('a', '2026-03-01T16:30'), { ...msg('b', '2026-03-01T10:00'), kind: 'join' as const }, { ...msg('c', '2026-03-01T10:00'), kind: 'system' as const }];
    expect(toActivityEvents({ records, offsetMinutes: 480 })).toEqual([{ member: 'a', date: '2026-03-02' }]);
    expect(toActivityEvents({ records, offsetMinutes: 0 })).toEqual([{ member: 'a', date: '2026-03-01' }]);
    expect(toActivityEvents({ records, offsetMinutes: -600 })).toEqual([{ member: 'a', date: '2026-03-01' }]);
  });

  it('takes the earliest of join records and roster join times, as a day at the offset', () => {
    const records = [{ ...msg('a', '2026-02-10T20:00'), kind: 'join' as const }, { ...msg('b', '2026-01-31T18:00'), kind: 'join' as const }, { ...msg('b', '2026-02-20T18:00'), kind: 'join' as const }, msg('c', '2026-01-01T00:00')];
    const roster = [{ member: 'a', group: 'g1', joinedAt: Date.UTC(2026, 1, 5) }, { member: 'd', group: 'g1' }];
    const j = joinDates({ records, roster, offsetMinutes: 480 });
    expect(Object.fromEntries(j)).toEqual({ a: '2026-02-05', b: '2026-02-01' });
  });

  it('with joinDates and the roster, analyzeActivity counts silent members and sets cohorts by join day (hand count)', () => {
    // b joins by a notice on 20 Feb (UTC+8) and first posts in March; c is on the roster, joined 10 Feb, silent;
    // d is on the roster with no join time; staff s joined in January but is ticked; j joined and left, silent.
    const records = [
      { ...msg('b', '2026-02-20T02:00'), kind: 'join' as const },
      { ...msg('j', '2026-02-21T02:00'), kind: 'join' as const },
      { ...msg('s', '2026-01-05T02:00'), kind: 'join' as const },
      msg('a', '2026-03-01T02:00'),
      msg('b', '2026-03-02T02:00'),
      msg('s', '2026-03-02T03:00'),
    ];
    const roster = [{ member: 'c', group: 'g1', joinedAt: Date.parse('2026-02-10T02:00:00Z') }, { member: 'd', group: 'g1' }, { member: 's', group: 'g1' }];
    const merged = mergeExports([exportOf(records, roster)], { exclude: new Set(['s']) });
    const joins = joinDates(merged);
    expect(Object.fromEntries(joins)).toEqual({ b: '2026-02-20', j: '2026-02-21', c: '2026-02-10' });
    const known = [...merged.roster.map((e) => ({ member: e.member, joined: joins.get(e.member) })), ...['a', 'b'].filter((m) => joins.has(m)).map((m) => ({ member: m, joined: joins.get(m) }))];
    const r = analyzeActivity(toActivityEvents(merged), {}, known);
    // Members a, b, c, d (= merged.members); February: b and c, nobody active then, b in March; March: a; d in no cohort.
    expect(r.members).toBe(merged.members);
    expect(r.members).toBe(4);
    expect(r.cohorts).toEqual([
      { month: '2026-02', size: 2, retention: [0, 0.5] },
      { month: '2026-03', size: 1, retention: [1] },
    ]);
    expect(r.mau).toBe(2);
  });

  it('feeds analyzeActivity: members are the speakers left after exclusion', () => {
    const e = exportOf([msg('a', '2026-03-01T00:00'), msg('a', '2026-03-02T00:00'), msg('b', '2026-03-02T00:00'), msg('me', '2026-03-02T00:00', 'g1', { self: true })]);
    const r = analyzeActivity(toActivityEvents(mergeExports([e])));
    expect(r).toMatchObject({ asOf: '2026-03-02', members: 2, mau: 2 });
    expect(r.avgDau).toBeCloseTo(3 / 30, 12);
  });
});

describe('topSenders', () => {
  it('ranks by messages, ties by ID, with the latest name and the self / bot marks', () => {
    const records = [
      msg('b', '2026-03-01T00:00', 'g1', { name: 'Bee' }),
      msg('b', '2026-03-03T00:00', 'g2', { name: 'B2' }),
      msg('a', '2026-03-01T00:00', 'g1', { self: true }),
      msg('a', '2026-03-02T00:00'),
      msg('bot', '2026-03-02T00:00', 'g1', { bot: true }),
      { ...msg('j', '2026-03-02T00:00'), kind: 'join' as const },
    ];
    expect(topSenders(records)).toEqual([
      { member: 'a', messages: 2, self: true, bot: false },
      { member: 'b', name: 'B2', messages: 2, self: false, bot: false },
      { member: 'bot', messages: 1, self: false, bot: true },
    ]);
    expect(topSenders(records, 1).map((s) => s.member)).toEqual(['a']);
    const tied = ['c', 'a', 'b', 'a'].map((m) => msg(m, '2026-03-01T00:00'));
    expect(topSenders(tied).map((s) => `${s.member}:${s.messages}`)).toEqual(['a:2', 'b:1', 'c:1']);
  });
});

describe('leavers', () => {
  it('compares two rosters only on the groups both list (the documented example)', () => {
    const before = [...rosterOf('g1', 'a', 'b'), ...rosterOf('g2', 'c')];
    const after = rosterOf('g1', 'a', 'd');
    const r = leavers(before, after);
    expect(r.left.map((e) => e.member)).toEqual(['b']);
    expect(r.arrived.map((e) => e.member)).toEqual(['d']);
  });
});

describe('mergeExports properties', () => {
  it('members = |speakers ∪ roster| after exclusion, excluded IDs appear nowhere, events = kept messages', () => {
    fc.assert(
      fc.property(arbRecords(), fc.subarray(['a', 'b', 'c', 'd', 'x', 'y']), fc.subarray(['a', 'e', 'h']), arbOffset, (records, rosterIds, excluded, offset) => {
        const ex = exportOf(records as never, rosterOf('g1', ...rosterIds));
        const exclude = new Set(excluded);
        const m = mergeExports([ex], { exclude, offsetMinutes: offset });
        const speakers = new Set(records.filter((r) => r.kind === 'message' && !exclude.has(r.member)).map((r) => r.member));
        const all = new Set([...speakers, ...rosterIds.filter((id) => !exclude.has(id))]);
        expect(m.members).toBe(all.size);
        expect(m.silentMembers).toBe(all.size - speakers.size);
        expect(m.records.some((r) => exclude.has(r.member)) || m.roster.some((r) => exclude.has(r.member))).toBe(false);
        expect(toActivityEvents(m)).toHaveLength(records.filter((r) => r.kind === 'message' && !exclude.has(r.member)).length);
      }),
    );
  });

  it('gives the same days whatever the machine time zone', () => {
    // The harness really moves the machine zone (else this property would prove nothing).
    expect(new Set(underZones(() => new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset())).size).toBe(5);
    fc.assert(
      fc.property(arbRecords(20), arbOffset, (records, offset) => {
        const runs = underZones(() => JSON.stringify(toActivityEvents(mergeExports([exportOf(records as never)], { offsetMinutes: offset }))));
        expect(new Set(runs).size).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});
