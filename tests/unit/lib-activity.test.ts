import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, analyzeActivity, tiers, type ActivityEvent } from '../../src/lib';

const ev = (member: string, date: string): ActivityEvent => ({ member, date });
const DAY = 86_400_000;
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;

/** The contract's definitions, written the slow and obvious way. */
function reference(events: ActivityEvent[], asOf: string, inactiveDays = 3) {
  const A = day(asOf);
  const kept = events.filter((e) => day(e.date) <= A);
  const members = [...new Set(kept.map((e) => e.member))];
  const activeIn = (from: number, to: number) => new Set(kept.filter((e) => day(e.date) >= from && day(e.date) <= to).map((e) => e.member));
  const mau = activeIn(A - 29, A).size;
  let dauSum = 0;
  for (let d = A - 29; d <= A; d++) dauSum += activeIn(d, d).size;
  const avgDau = dauSum / 30;
  const count90 = (m: string) => kept.filter((e) => e.member === m && day(e.date) >= A - 89).length;
  const ranked = [...members].sort((a, b) => count90(b) - count90(a) || (a < b ? -1 : a > b ? 1 : 0));
  const t = tiers(members.length);
  const tierOf = Object.fromEntries(ranked.map((m, i) => [m, i < t.core ? 'core' : i < t.core + t.active ? 'active' : 'silent']));
  const lastOf = (m: string) => Math.max(...kept.filter((e) => e.member === m).map((e) => day(e.date)));
  const atRisk = members
    .filter((m) => activeIn(A - inactiveDays + 1, A).has(m) === false && activeIn(A - inactiveDays - 29, A - inactiveDays).has(m))
    .sort((a, b) => lastOf(b) - lastOf(a) || (a < b ? -1 : 1))
    .map((m) => ({ member: m, lastEvent: iso(lastOf(m)) }));
  return { members: members.length, mau, avgDau, stickiness: mau ? avgDau / mau : null, tiers: t, tierOf, atRisk };
}

describe('analyzeActivity', () => {
  it('computes the documented small example', () => {
    const r = analyzeActivity([ev('a', '2026-01-01'), ev('a', '2026-01-02'), ev('b', '2026-01-02')]);
    expect(r).toMatchObject({ asOf: '2026-01-02', members: 2, mau: 2, stickiness: 0.05, cohorts: [{ month: '2026-01', size: 2, retention: [1] }] });
    expect(r.avgDau).toBeCloseTo(0.1, 12);
  });

  it('builds monthly cohorts by join month (hand-checked)', () => {
    const events = [ev('a', '2026-01-05'), ev('b', '2026-01-20'), ev('a', '2026-02-03'), ev('c', '2026-02-10'), ev('c', '2026-03-01'), ev('b', '2026-03-02')];
    const r = analyzeActivity(events, { asOf: '2026-03-31' });
    expect(r.cohorts).toEqual([
      { month: '2026-01', size: 2, retention: [1, 0.5, 0.5] },
      { month: '2026-02', size: 1, retention: [1, 1] },
    ]);
  });

  it('lists at-risk members: quiet for the last 3 days, active in the 30 days before, latest first', () => {
    const events = [ev('quiet', '2026-03-27'), ev('gone', '2026-01-01'), ev('here', '2026-03-31'), ev('alsoQuiet', '2026-03-20'), ev('b', '2026-03-27')];
    const r = analyzeActivity(events, { asOf: '2026-03-31' });
    expect(r.atRisk).toEqual([
      { member: 'b', lastEvent: '2026-03-27' },
      { member: 'quiet', lastEvent: '2026-03-27' },
      { member: 'alsoQuiet', lastEvent: '2026-03-20' },
    ]);
  });

  it('ignores events after asOf and has nothing to say about an empty export', () => {
    expect(analyzeActivity([ev('a', '2026-05-01')], { asOf: '2026-04-30' }).members).toBe(0);
    expect(analyzeActivity([])).toMatchObject({ members: 0, stickiness: null, cohorts: [] });
  });

  it.each([
    [[ev('', '2026-01-01')], 'events.0.member:required'],
    [[ev('a', '2026-02-30')], 'events.0.date:invalid_date'],
    [[ev('a', '1/2/2026')], 'events.0.date:invalid_date'],
    [[{ member: 'a' } as unknown as ActivityEvent], 'events.0.date:invalid_date'],
  ])('refuses bad rows by line: %j', (events, issue) => {
    try {
      analyzeActivity(events);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues.map((i) => `${i.path}:${i.code}`)).toEqual([issue]);
    }
  });

  it('refuses bad options', () => {
    expect(() => analyzeActivity([], { inactiveDays: 0 })).toThrow(InputError);
    expect(() => analyzeActivity([], { asOf: '2026-13-01' })).toThrow(InputError);
  });

  const eventsArb = fc.array(
    fc.record({ member: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '王', '李'), date: fc.integer({ min: day('2025-10-01'), max: day('2026-03-31') }).map(iso) }),
    { minLength: 1, maxLength: 80 },
  );

  it('agrees with the brute-force reference on random exports', () => {
    fc.assert(
      fc.property(eventsArb, fc.integer({ min: 1, max: 10 }), (events, inactiveDays) => {
        const r = analyzeActivity(events, { asOf: '2026-03-31', inactiveDays });
        const ref = reference(events, '2026-03-31', inactiveDays);
        expect(r.members).toBe(ref.members);
        expect(r.mau).toBe(ref.mau);
        expect(r.avgDau).toBeCloseTo(ref.avgDau, 12);
        expect(r.tiers).toEqual(ref.tiers);
        expect(r.tierOf).toEqual(ref.tierOf);
        expect(r.atRisk).toEqual(ref.atRisk);
      }),
      { numRuns: 150 },
    );
  });

  it('invariants: tiers sum to members, retention[0] = 1, and neither order nor repeated events change anything', () => {
    const pair = eventsArb.chain((events) => fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }).map((shuffled) => [events, shuffled] as const));
    fc.assert(
      fc.property(pair, ([events, shuffled]) => {
        const r = analyzeActivity(events);
        expect(r.tiers.core + r.tiers.active + r.tiers.silent).toBe(r.members);
        for (const c of r.cohorts) expect(c.retention[0]).toBe(1);
        expect(analyzeActivity(shuffled)).toEqual(r);
        // Every event twice: each member still counts once a day, and 90-day ranks keep their order.
        expect(analyzeActivity([...shuffled, ...events])).toEqual(r);
      }),
      { numRuns: 100 },
    );
  });
});

describe('analyzeActivity with a roster / join list (known members)', () => {
  it('computes the documented worked example (hand-checked)', () => {
    const r = analyzeActivity([ev('a', '2026-02-03'), ev('b', '2026-02-10')], { asOf: '2026-02-28' }, [
      { member: 'c', joined: '2026-01-15' },
      { member: 'd' },
      { member: 'a', joined: '2026-01-20' },
    ]);
    expect(r.members).toBe(4);
    expect(r.mau).toBe(2);
    expect(r.avgDau).toBeCloseTo(2 / 30, 12);
    expect(r.cohorts).toEqual([
      { month: '2026-01', size: 2, retention: [0, 0.5] },
      { month: '2026-02', size: 1, retention: [1] },
    ]);
    expect(r.tiers).toEqual({ core: 0, active: 1, silent: 3 });
    expect(r.tierOf).toEqual({ a: 'active', b: 'silent', c: 'silent', d: 'silent' });
    expect(r.atRisk).toEqual([
      { member: 'b', lastEvent: '2026-02-10' },
      { member: 'a', lastEvent: '2026-02-03' },
    ]);
  });

  it('a silent roster member who joined in an earlier month changes cohort sizes and retention[0]', () => {
    const events = [ev('x', '2026-02-05'), ev('y', '2026-03-02'), ev('x', '2026-03-03')];
    const without = analyzeActivity(events, { asOf: '2026-03-31' });
    expect(without.cohorts).toEqual([
      { month: '2026-02', size: 1, retention: [1, 1] },
      { month: '2026-03', size: 1, retention: [1] },
    ]);
    // s joined on 20 Feb and never posted: the February cohort is x and s, and only x was active in February.
    const r = analyzeActivity(events, { asOf: '2026-03-31' }, [{ member: 's', joined: '2026-02-20' }, { member: 'y' }, { member: 'x' }]);
    expect(r.members).toBe(3);
    expect(r.cohorts).toEqual([
      { month: '2026-02', size: 2, retention: [0.5, 0.5] },
      { month: '2026-03', size: 1, retention: [1] },
    ]);
    // Never posted: not in the MAU, not at risk, ranked last.
    expect(r.mau).toBe(2);
    expect(r.atRisk).toEqual(without.atRisk);
    expect(r.tierOf.s).toBe('silent');
  });

  it('a speaker who joined months before their first message is in the join month; later joiners and bad entries', () => {
    const r = analyzeActivity([ev('a', '2026-03-10')], { asOf: '2026-03-31' }, [
      { member: 'a', joined: '2026-01-31' },
      { member: 'late', joined: '2026-04-01' },
      { member: 'nodate' },
    ]);
    // late joined after asOf: not yet a member; nodate: a member in no cohort.
    expect(r.members).toBe(2);
    expect(r.cohorts).toEqual([{ month: '2026-01', size: 1, retention: [0, 0, 1] }]);
    expect(Object.keys(r.tierOf).sort()).toEqual(['a', 'nodate']);
    try {
      analyzeActivity([ev('a', '2026-03-10')], {}, [{ member: ' ' }, { member: 'b', joined: '2026-02-30' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues.map((i) => `${i.path}:${i.code}`)).toEqual(['known.0.member:required', 'known.1.joined:invalid_date']);
    }
  });

  const eventsArb = fc.array(
    fc.record({ member: fc.constantFrom('a', 'b', 'c', 'd', 'e', '王'), date: fc.integer({ min: day('2025-10-01'), max: day('2026-03-31') }).map(iso) }),
    { minLength: 0, maxLength: 60 },
  );
  const knownArb = fc.array(
    fc.record(
      { member: fc.constantFrom('a', 'b', 'c', 'x', 'y', 'z', '李'), joined: fc.integer({ min: day('2025-08-01'), max: day('2026-04-30') }).map(iso) },
      { requiredKeys: ['member'] },
    ),
    { maxLength: 12 },
  );
  const optionsArb = fc.record({ asOf: fc.option(fc.constantFrom('2026-03-31', '2026-02-14', '2026-01-01'), { nil: undefined }), inactiveDays: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ['inactiveDays'] });

  it('without a list, or with an empty one, the report is exactly the same', () => {
    fc.assert(
      fc.property(eventsArb, optionsArb, (events, options) => {
        expect(analyzeActivity(events, options, [])).toStrictEqual(analyzeActivity(events, options));
        expect(analyzeActivity(events, options, undefined)).toStrictEqual(analyzeActivity(events, options));
      }),
      { numRuns: 200 },
    );
  });

  it('invariants: members ≥ speakers, cohort sizes sum to members with a known month, MAU and at-risk unchanged, silent members ranked last', () => {
    fc.assert(
      fc.property(eventsArb, knownArb, optionsArb, (events, known, options) => {
        const base = analyzeActivity(events, options);
        const r = analyzeActivity(events, options, known);
        if (base.asOf === '') return; // no event and no asOf: nothing to analyse, with or without a list
        const spoke = new Set(Object.keys(base.tierOf));
        const listed = known.filter((k) => k.joined === undefined || k.joined <= r.asOf).map((k) => k.member);
        const members = new Set([...spoke, ...listed]);
        expect(r.members).toBe(members.size);
        expect(r.members).toBeGreaterThanOrEqual(base.members);
        const noMonth = [...members].filter((m) => !spoke.has(m) && !known.some((k) => k.member === m && k.joined !== undefined && k.joined <= r.asOf));
        expect(r.cohorts.reduce((n, c) => n + c.size, 0)).toBe(members.size - noMonth.length);
        expect(r.tiers.core + r.tiers.active + r.tiers.silent).toBe(r.members);
        expect(r.mau).toBe(base.mau);
        expect(r.avgDau).toBe(base.avgDau);
        expect(r.atRisk).toEqual(base.atRisk);
        const rank = { core: 0, active: 1, silent: 2 } as const;
        const worstSpeaker = Math.max(-1, ...[...spoke].map((m) => rank[r.tierOf[m]!]));
        for (const m of members) if (!spoke.has(m)) expect(rank[r.tierOf[m]!]).toBeGreaterThanOrEqual(worstSpeaker);
        for (const c of r.cohorts) for (const x of c.retention) expect(x >= 0 && x <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
