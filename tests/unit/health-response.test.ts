import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib';
import { formatsWithoutReplies, responseTimes, waitShown } from '../../src/lib/health/response';
import type { ChatRecord } from '../../src/lib/health/chat';
import { exportOf, msg, underZones } from './health-helpers';

const MIN = 60_000;
const DAY = 86_400_000;
const q = (member: string, utc: string, id: string, group = 'g1') => msg(member, utc, group, { id, question: true });
const reply = (member: string, utc: string, id: string, to: string, group = 'g1') => msg(member, utc, group, { id, replyTo: to });

describe('responseTimes', () => {
  it('computes the documented example by hand', () => {
    const records = [
      q('a', '2026-03-01T10:00', '1'),
      reply('b', '2026-03-01T10:30', '2', '1'),
      reply('b', '2026-03-01T11:00', '3', '1'),
      q('a', '2026-03-01T12:00', '4'),
      reply('a', '2026-03-01T12:10', '5', '4'), // the asker answering themself is no reply
      q('d', '2026-03-01T13:00', '6'),
      reply('c', '2026-03-01T15:00', '7', '6'),
      msg('e', '2026-03-21T13:00', 'g1', { id: '8' }),
    ];
    expect(responseTimes(records)).toEqual({
      available: true,
      reason: null,
      questions: 3,
      answered: 2,
      medianFirstReplyMs: 75 * MIN,
      judged: 3,
      unanswered: 1,
      unansweredShare: 1 / 3,
      withinDays: 7,
    });
  });

  it('counts a late reply in the median but as unanswered within the window; young questions are not judged', () => {
    const records = [
      q('a', '2026-03-01T00:00', '1'),
      reply('b', '2026-03-09T00:00', '2', '1'), // 8 days later
      q('a', '2026-03-10T00:00', '3'),
      reply('b', '2026-03-10T01:00', '4', '3', 'g2'), // another group's message 3: not a reply to this one
      q('c', '2026-03-18T00:00', '5'), // 2 days before the end: too young to judge
      msg('z', '2026-03-20T00:00'),
    ];
    expect(responseTimes(records)).toMatchObject({ questions: 3, answered: 1, medianFirstReplyMs: 8 * DAY, judged: 2, unanswered: 2, unansweredShare: 1 });
    // Within 10 days: the first question's 8-day wait is in time; the third question, exactly 10 days old, is judged and unanswered.
    expect(responseTimes(records, { withinDays: 10 })).toMatchObject({ judged: 2, unanswered: 1, unansweredShare: 0.5 });
  });

  it('counts a question read twice (same group and id) once', () => {
    const records = [q('a', '2026-03-01T00:00', '1'), q('a', '2026-03-01T00:00', '1'), reply('b', '2026-03-01T00:20', '2', '1')];
    expect(responseTimes(records)).toMatchObject({ questions: 1, answered: 1, medianFirstReplyMs: 20 * MIN });
  });

  it('ends on the last instant of asOf at the offset', () => {
    const records = [q('a', '2026-03-01T00:00', '1'), reply('b', '2026-03-01T01:00', '2', '1'), msg('z', '2026-03-08T15:00', 'g1', { id: '3' })];
    // End of 8 March at UTC+8 is 15:59:59.999 UTC: the question (asked at 00:00 on 1 March) is exactly old enough.
    expect(responseTimes(records, { asOf: '2026-03-08' })).toMatchObject({ judged: 1, unanswered: 0 });
    expect(responseTimes(records, { asOf: '2026-03-07' })).toMatchObject({ judged: 0, unansweredShare: null });
    expect(responseTimes(records, { asOf: '2026-03-07', offsetMinutes: 0 }).judged).toBe(0);
  });

  it('says the figures are unavailable when the format marks no replies or no question', () => {
    expect(responseTimes([q('a', '2026-03-01T00:00', '1'), msg('b', '2026-03-01T00:10')])).toMatchObject({ available: false, reason: 'no-reply-marks', medianFirstReplyMs: null, unansweredShare: null });
    expect(responseTimes([msg('a', '2026-03-01T00:00', 'g1', { id: '1' }), reply('b', '2026-03-01T00:10', '2', '1')])).toMatchObject({ available: false, reason: 'no-questions', questions: 0 });
    expect(() => responseTimes([], { withinDays: 0 })).toThrow(InputError);
    expect(() => responseTimes([], { withinDays: 1.5 })).toThrow(InputError);
  });

  it('names the formats whose exports carry no reply marks', () => {
    const withReplies = exportOf([q('a', '2026-03-01T00:00', '1'), reply('b', '2026-03-01T00:10', '2', '1')], [], 'discord-json');
    const without = exportOf([msg('a', '2026-03-01T00:00')], [], 'wechatmsg-csv');
    const rosterOnly = exportOf([], [{ member: 'a', group: 'g' }], 'wecom-roster');
    expect(formatsWithoutReplies([withReplies, without, rosterOnly, without])).toEqual(['wechatmsg-csv']);
  });
});

describe('responseTimes properties', () => {
  const arb = fc.array(
    fc.record({
      member: fc.constantFrom('a', 'b', 'c'),
      group: fc.constantFrom('g1', 'g2'),
      at: fc.integer({ min: 0, max: 30 * 24 }).map((h) => Date.UTC(2026, 2, 1) + h * 3_600_000),
      question: fc.boolean(),
      to: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    }),
    { maxLength: 40 },
  );

  it('matches the slow definition', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 10 }), (rows, withinDays) => {
        const records: ChatRecord[] = rows.map((r, i) => ({ member: r.member, group: r.group, at: r.at, kind: 'message', id: String(i), question: r.question, replyTo: r.to === undefined ? undefined : String(r.to) }));
        const res = responseTimes(records, { withinDays });
        if (!records.some((r) => r.replyTo !== undefined)) {
          expect(res).toMatchObject({ available: false, reason: 'no-reply-marks', medianFirstReplyMs: null });
          return;
        }
        const end = Math.max(...records.map((r) => r.at));
        const questions = records.filter((r) => r.question);
        const firstReply = (x: ChatRecord) => Math.min(...records.filter((r) => r.group === x.group && r.replyTo === x.id && r.member !== x.member && r.at >= x.at).map((r) => r.at));
        const waits = questions.map((x) => firstReply(x) - x.at).filter(Number.isFinite).sort((a, b) => a - b);
        const judged = questions.filter((x) => x.at + withinDays * DAY <= end);
        const unanswered = judged.filter((x) => !(firstReply(x) - x.at <= withinDays * DAY)).length;
        const median = waits.length === 0 ? null : waits.length % 2 ? waits[(waits.length - 1) / 2] : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2;
        expect(res).toMatchObject({ questions: questions.length, answered: waits.length, medianFirstReplyMs: questions.length ? median : null, judged: judged.length, unanswered });
      }),
    );
  });

  it('does not depend on the machine time zone (asOf read at the offset)', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: -720, max: 840 }), fc.integer({ min: 0, max: 31 }), (rows, offset, d) => {
        const records: ChatRecord[] = rows.map((r, i) => ({ member: r.member, group: r.group, at: r.at, kind: 'message', id: String(i), question: r.question, replyTo: r.to === undefined ? undefined : String(r.to) }));
        const asOf = new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10);
        expect(new Set(underZones(() => JSON.stringify(responseTimes(records, { asOf, offsetMinutes: offset })))).size).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});

describe('waitShown', () => {
  it('minutes under an hour, hours under two days, days beyond; null stays null', () => {
    expect(waitShown(45 * 60_000)).toEqual({ value: 45, unit: 'minute' });
    expect(waitShown((8 * 60 + 47.5) * 60_000)).toEqual({ value: 8.8, unit: 'hour' });
    expect(waitShown(59.6 * 60_000)).toEqual({ value: 1, unit: 'hour' });
    expect(waitShown(60 * 3_600_000)).toEqual({ value: 2.5, unit: 'day' });
    expect(waitShown(null)).toBeNull();
    expect(waitShown(Number.NaN)).toBeNull();
  });
});

