import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeActivity, daysBetween, type ActivityEvent } from '../../src/lib/activity';
import { memberTiers } from '../../src/lib/health';
import { ActivityAggregator } from '../../src/lib/health/stream/aggregate';
import { monthOfDay } from '../../src/lib/health/clock';

const dayNumber = (iso: string) => daysBetween('1970-01-01', iso);

/** The streaming aggregation of the events, with members numbered in order of first appearance. */
function aggregate(events: readonly ActivityEvent[], inactiveDays = 3) {
  const agg = new ActivityAggregator();
  const index = new Map<string, number>();
  const names: string[] = [];
  for (const e of events) {
    let m = index.get(e.member);
    if (m === undefined) index.set(e.member, (m = names.push(e.member) - 1));
    agg.add(m, dayNumber(e.date));
  }
  return agg.result(names, inactiveDays);
}

/** What the health check computed before streaming: the whole list of events in memory. */
function whole(events: readonly ActivityEvent[], inactiveDays = 3) {
  const report = analyzeActivity(events, { inactiveDays });
  return { report, members: memberTiers(events, report) };
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('ActivityAggregator', () => {
  it('gives the worked example of analyzeActivity', () => {
    const events = [
      { member: 'a', date: '2026-01-01' },
      { member: 'a', date: '2026-01-02' },
      { member: 'b', date: '2026-01-02' },
    ];
    const { report, members } = aggregate(events);
    expect(report).toMatchObject({ asOf: '2026-01-02', members: 2, mau: 2, avgDau: 0.1, stickiness: 0.05, cohorts: [{ month: '2026-01', size: 2, retention: [1] }] });
    expect(members.map((m) => [m.member, m.events90, m.lastEvent])).toEqual([
      ['a', 2, '2026-01-02'],
      ['b', 1, '2026-01-02'],
    ]);
  });

  it('is empty with no events', () => {
    expect(aggregate([]).report).toEqual(analyzeActivity([]));
  });

  it('month of a day agrees with the calendar, leap days and month ends included', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2024-02-29', '2024-03-01', '2026-12-31', '1969-12-31', '0001-01-01', '9999-12-31']) {
      expect(monthOfDay(dayNumber(d)), d).toBe(Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1);
    }
  });

  it('counts a member with more than 65,535 events in one day (the 16-bit day count spills over)', () => {
    const events = Array.from({ length: 70_000 }, () => ({ member: 'bot', date: '2026-05-01' }));
    events.push({ member: 'x', date: '2026-05-02' });
    const { members } = aggregate(events);
    expect(members[0]).toMatchObject({ member: 'bot', events90: 70_000 });
  });

  it('equals analyzeActivity and memberTiers on random events in any order, over spans longer than its 128-day ring', () => {
    const event = (span: number) => fc.record({ member: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '张三', ' x'), day: fc.integer({ min: 0, max: span }) });
    fc.assert(
      fc.property(
        fc.constantFrom(30, 200, 900, 4000).chain((span) => fc.array(event(span), { minLength: 1, maxLength: 200 })),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 19_000, max: 21_000 }),
        (raw, inactiveDays, base) => {
          const events = raw.map((e) => ({ member: e.member, date: iso(base + e.day) }));
          expect(aggregate(events, inactiveDays)).toEqual(whole(events, inactiveDays));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals them on a chronological year of daily activity, where the ring moves forward many times', () => {
    const events: ActivityEvent[] = [];
    for (let d = 0; d < 400; d++) for (let m = 0; m < 12; m++) if ((d * 7 + m * 13) % (m + 2) === 0) events.push({ member: `m${m}`, date: iso(20_000 + d) });
    expect(aggregate(events, 5)).toEqual(whole(events, 5));
  });
});

describe('ActivityAggregator.merge', () => {
  it('two workers’ aggregations of a split of the events merge into the aggregation of them all', () => {
    const event = fc.record({ member: fc.constantFrom('a', 'b', 'c', 'd', 'e', '张三'), day: fc.integer({ min: 0, max: 4000 }), part: fc.boolean(), bot: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom(20, 300, 4000).chain((span) => fc.array(event.map((e) => ({ ...e, day: e.day % (span + 1) })), { minLength: 1, maxLength: 150 })), fc.integer({ min: 19_000, max: 21_000 }), (raw, base) => {
        // A bot with 300 events on one day in each part: spilled counts merge too.
        const events = raw.flatMap((e) => (e.bot ? Array.from({ length: 300 }, () => ({ ...e, member: 'bot' })) : [e])).map((e) => ({ member: e.member, date: iso(base + e.day), part: e.part }));
        const one = new ActivityAggregator();
        const two = new ActivityAggregator();
        const names: string[][] = [[], []];
        const index = [new Map<string, number>(), new Map<string, number>()];
        for (const e of events) {
          const k = e.part ? 1 : 0;
          let m = index[k]!.get(e.member);
          if (m === undefined) index[k]!.set(e.member, (m = names[k]!.push(e.member) - 1));
          (k ? two : one).add(m, dayNumber(e.date));
        }
        // The second part's members get the first's numbers, new ones numbered after them.
        const into = Int32Array.from(names[1]!, (name) => {
          let m = index[0]!.get(name);
          if (m === undefined) index[0]!.set(name, (m = names[0]!.push(name) - 1));
          return m;
        });
        one.merge(structuredClone(two.state()), into);
        expect(one.result(names[0]!, 3)).toEqual(whole(events.map(({ member, date }) => ({ member, date }))));
      }),
      { numRuns: 200 },
    );
  });
});

describe('streamProgress', () => {
  it('gives the worked example, and withholds the estimate at first', async () => {
    const { streamProgress } = await import('../../src/lib/health/stream/progress');
    expect(streamProgress({ bytes: 20e6, total: 80e6, rows: 500_000, seconds: 2 })).toEqual({ fraction: 0.25, rowsPerSecond: 250_000, mbPerSecond: 10, secondsLeft: 6 });
    expect(streamProgress({ bytes: 0.5e6, total: 80e6, rows: 10, seconds: 2 }).secondsLeft).toBeNull();
    expect(streamProgress({ bytes: 40e6, total: 80e6, rows: 10, seconds: 0.2 }).secondsLeft).toBeNull();
    expect(streamProgress({ bytes: 0, total: 0, rows: 0, seconds: 0 })).toEqual({ fraction: 1, rowsPerSecond: 0, mbPerSecond: 0, secondsLeft: null });
    expect(streamProgress({ bytes: 80e6, total: 80e6, rows: 9, seconds: 4 }).secondsLeft).toBe(0);
  });
});

describe('member columns', () => {
  it('round-trip the member list, never-posted roster members included', async () => {
    const { toColumns, fromColumns, noMembers } = await import('../../src/lib/health/member-columns');
    const list = [
      { member: 'a', tier: 'core' as const, events90: 4, lastEvent: '2026-03-05' },
      { member: '张三', tier: 'active' as const, events90: 0, lastEvent: '2025-12-31' },
      { member: 'c', tier: 'silent' as const, events90: 0, lastEvent: null },
    ];
    const cols = toColumns(list);
    expect(Array.from(cols.tier)).toEqual([0, 1, 2]);
    expect(fromColumns(structuredClone(cols))).toEqual(list);
    expect(fromColumns(noMembers())).toEqual([]);
  });
});
