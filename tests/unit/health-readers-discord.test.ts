import { describe, expect, it } from 'vitest';
import { reasonOf, iso, exportFixture as fixture } from './health-helpers';
import type { ChatExport } from '../../src/lib/health/chat';
import { readDiscordCsv, readDiscordJson } from '../../src/lib/health/readers/discord';

/** Records per member and kind, e.g. `{ 'A:message': 2 }`, for comparing with a count made by hand. */
const tally = (x: ChatExport, key: (m: string) => string = (m) => m) => {
  const t: Record<string, number> = {};
  for (const r of x.records) t[`${key(r.member)}:${r.kind}`] = (t[`${key(r.member)}:${r.kind}`] ?? 0) + 1;
  return t;
};

const ALICE = '900000000000000001';
const BOB = '900000000000000002';
const CAROL = '900000000000000003';
const BOT = '900000000000000009';
const short = (id: string) => ({ [ALICE]: 'alice', [BOB]: 'bob', [CAROL]: 'carol', [BOT]: 'bot' })[id] ?? id;

describe('DiscordChatExporter JSON', () => {
  const x = readDiscordJson(fixture('dce-channel.json'), { fileName: 'dce-channel.json' });

  it('gives the hand count of dce-channel.json: messages per member, the join, system rows, the bot', () => {
    expect(x.format).toBe('dce-json');
    expect(x.records).toHaveLength(9);
    // By hand: alice m1 m8 + pin m6; bob m2 m9 + thread m7; carol join m3 + reply m5; bot m4.
    expect(tally(x, short)).toEqual({ 'alice:message': 2, 'alice:system': 1, 'bob:message': 2, 'bob:system': 1, 'carol:join': 1, 'carol:message': 1, 'bot:message': 1 });
    expect(x.records.filter((r) => r.bot).map((r) => r.member)).toEqual([BOT]);
    expect(x.groups).toEqual([{ id: '880000000000000100', name: 'Invented Makers Guild #general' }]);
    expect(x.time).toEqual({ field: 'timestamp', kind: 'zoned' });
    expect(x.roster).toEqual([]);
  });

  it('links the three replies and not the pin or the thread, which carry references too', () => {
    const pairs = x.records.filter((r) => r.replyTo).map((r) => `${r.id?.slice(-1)}→${r.replyTo?.slice(-1)}`);
    expect(pairs).toEqual(['2→1', '5→4', '8→5']);
  });

  it('reads the offset of each timestamp, seven-digit fractions included, whatever offset the page chose', () => {
    const y = readDiscordJson(fixture('dce-channel.json'), { fileName: 'x', offsetMinutes: -300 });
    expect(iso(y.records[0]!.at)).toBe('2024-03-01T01:00:00.123Z');
    expect(iso(y.records[4]!.at)).toBe('2024-03-02T06:30:00.123Z');
    expect(iso(y.records[2]!.at)).toBe('2024-03-01T10:00:00.000Z');
  });

  it('flags questions ending in ? or ？ (m1, the bot m4, m5) and keeps no text', () => {
    expect(x.records.filter((r) => r.question).map((r) => r.id?.slice(-1))).toEqual(['1', '4', '5']);
    expect(JSON.stringify(x)).not.toContain('schedule');
    expect(x.records[0]!.name).toBe('Alice W');
  });

  it('refuses bad files with a reason code', () => {
    const text = fixture('dce-channel.json');
    expect(reasonOf(() => readDiscordJson(text.slice(0, 900), { fileName: 'x' }))).toBe('truncated_json');
    expect(reasonOf(() => readDiscordJson('hello', { fileName: 'x' }))).toBe('not_json');
    expect(reasonOf(() => readDiscordJson('{"messages":[]}', { fileName: 'x' }))).toBe('wrong_shape');
    expect(reasonOf(() => readDiscordJson('{"channel":{"id":"1"},"messages":[]}', { fileName: 'x' }))).toBe('no_messages');
    const bad = (m: object) => JSON.stringify({ channel: { id: '1' }, messages: [m] });
    expect(reasonOf(() => readDiscordJson(bad({ id: '1', timestamp: 'yesterday', author: { id: '2' } }), { fileName: 'x' }))).toBe('bad_date');
    expect(reasonOf(() => readDiscordJson(bad({ id: '1', timestamp: '2024-01-01T00:00:00Z' }), { fileName: 'x' }))).toBe('wrong_shape');
    expect(reasonOf(() => readDiscordJson(bad({ id: '1', timestamp: '2024-01-01T00:00:00Z', author: { name: 'n' } }), { fileName: 'x' }))).toBe('wrong_shape');
  });

  it('reads a zone-less timestamp at the chosen offset and says so', () => {
    const y = readDiscordJson(JSON.stringify({ channel: { id: '1' }, messages: [{ id: '5', timestamp: '2024-01-01T08:00:00', author: { id: '2', name: 'n' } }] }), {
      fileName: 'x',
      offsetMinutes: 480,
    });
    expect(iso(y.records[0]!.at)).toBe('2024-01-01T00:00:00.000Z');
    expect(y.time).toEqual({ field: 'timestamp', kind: 'local', offsetMinutes: 480 });
    expect(y.records[0]).toMatchObject({ kind: 'message', name: 'n', group: '1' });
    expect(y.groups).toEqual([{ id: '1' }]);
  });

  it('falls back to the file name for a channel without id, and keeps records without an id unlinked', () => {
    const y = readDiscordJson(`\uFEFF${JSON.stringify({ channel: { name: 'c' }, guild: { name: 'g' }, messages: [{ type: 'Reply', timestamp: '2024-01-01T08:00:00Z', author: { id: '2' }, reference: { messageId: '1' } }] })}`, {
      fileName: 'f.json',
    });
    expect(y.groups).toEqual([{ id: 'f.json', name: 'g #c' }]);
    expect(y.records).toEqual([{ member: '2', group: 'f.json', at: Date.parse('2024-01-01T08:00:00Z'), kind: 'message', replyTo: '1' }]);
    expect(reasonOf(() => readDiscordJson(JSON.stringify({ channel: {}, messages: [{ timestamp: 5, author: { id: '2' } }] }), { fileName: 'x' }))).toBe('bad_date');
    expect(reasonOf(() => readDiscordJson('{"channel":{},"messages":[{"content":"say \\"hi\\" [', { fileName: 'x' }))).toBe('truncated_json');
  });
});

describe('DiscordChatExporter CSV, every date style', () => {
  // Each file holds the same four rows (alice, bob, alice, carol), written in one style; the two times below were
  // worked out by hand from the wall-clock text at UTC+1 (offsetMinutes 60), or from the offset/epoch in the text.
  const cases: [file: string, kind: string, first: string, last: string][] = [
    ['dce-2019-semicolon.csv', 'local', '2019-06-05T13:30:00.000Z', '2019-06-13T20:00:00.000Z'],
    ['dce-ddmmmyy.csv', 'local', '2021-03-05T13:30:00.000Z', '2021-03-13T20:00:00.000Z'],
    ['dce-unixms.csv', 'unix', '2022-03-05T13:30:00.000Z', '2022-03-13T20:00:00.000Z'],
    ['dce-mmddyyyy.csv', 'local', '2023-03-05T13:30:00.000Z', '2023-03-13T20:00:00.000Z'],
    ['dce-locale-en-us.csv', 'local', '2023-10-05T13:30:00.000Z', '2023-10-13T20:00:00.000Z'],
    ['dce-locale-en-gb.csv', 'local', '2023-10-05T13:30:00.000Z', '2023-10-13T20:00:00.000Z'],
    ['dce-locale-de.csv', 'local', '2023-10-05T13:30:00.000Z', '2023-10-13T20:00:00.000Z'],
    ['dce-locale-zh.csv', 'local', '2023-10-05T13:30:00.000Z', '2023-10-13T20:00:00.000Z'],
    ['dce-iso.csv', 'zoned', '2024-03-05T13:30:00.000Z', '2024-03-13T20:00:00.000Z'],
  ];
  for (const [file, kind, first, last] of cases)
    it(`${file}: 4 messages (alice 2, bob 1, carol 1), one question, times ${first} … ${last}`, () => {
      const x = readDiscordCsv(fixture(file), { fileName: file, offsetMinutes: 60 });
      expect(x.format).toBe('dce-csv');
      const byName = file === 'dce-2019-semicolon.csv';
      const names = byName ? ['Alice W#1234', 'Bob K#5678', 'Alice W#1234', 'Carol M#9012'] : [ALICE, BOB, ALICE, CAROL];
      expect(x.records.map((r) => r.member)).toEqual(names);
      expect(x.records.every((r) => r.kind === 'message' && r.group === file)).toBe(true);
      expect(x.records.filter((r) => r.question)).toHaveLength(1);
      expect(x.records[0]!.question).toBe(true);
      expect(iso(x.records[0]!.at)).toBe(first);
      expect(iso(x.records[3]!.at)).toBe(last);
      expect(x.time).toEqual(kind === 'local' ? { field: 'Date', kind, offsetMinutes: 60 } : { field: 'Date', kind });
    });

  it('names the group by the channel id in DCE file names, so a CSV and a JSON of one channel merge', () => {
    const x = readDiscordCsv(fixture('dce-iso.csv'), { fileName: 'Invented Makers Guild - Community - general [880000000000000100].csv' });
    expect(x.groups).toEqual([{ id: '880000000000000100', name: 'Invented Makers Guild - Community - general' }]);
    expect(x.records[0]!.group).toBe('880000000000000100');
    expect(x.records[0]!.name).toBe('alice_w');
  });

  it('finds the channel id in partitioned and date-ranged DCE file names too', () => {
    const part = readDiscordCsv(fixture('dce-iso.csv'), { fileName: 'G - general [880000000000000100] (2024-03-01 to 2024-04-01) [part 2].csv' });
    expect(part.groups).toEqual([{ id: '880000000000000100', name: 'G - general' }]);
    expect(readDiscordCsv(fixture('dce-iso.csv'), { fileName: 'my export [12].csv' }).groups).toEqual([{ id: 'my export [12].csv' }]);
  });

  const H = 'AuthorID,Author,Date,Content,Attachments,Reactions\n';
  const row = (date: string) => `"1","a","${date}","hi","",""\n`;
  it('reads unix seconds, dotted 12-hour times and a day-first file whose days never pass 12 (lowercase pm)', () => {
    expect(iso(readDiscordCsv(H + row('1700000000'), { fileName: 'x' }).records[0]!.at)).toBe('2023-11-14T22:13:20.000Z');
    const au = readDiscordCsv(H + row('5/03/2023 2:30 pm') + row('6/03/2023 12:05 a.m.'), { fileName: 'x', offsetMinutes: 0 });
    expect(au.records.map((r) => iso(r.at))).toEqual(['2023-03-05T14:30:00.000Z', '2023-03-06T00:05:00.000Z']);
    const zoneless = readDiscordCsv(H + row('2023-03-05 14:30'), { fileName: 'x', offsetMinutes: 480 });
    expect(iso(zoneless.records[0]!.at)).toBe('2023-03-05T06:30:00.000Z');
    expect(zoneless.time).toEqual({ field: 'Date', kind: 'local', offsetMinutes: 480 });
  });

  it('reads a BOM, a file without Content or AuthorID, and hour-only zones', () => {
    const x = readDiscordCsv(`\uFEFFAuthor,Date\n"a","2023-01-01T10:00:00+08"\n`, { fileName: 'x' });
    expect(x.records.map((r) => [r.member, r.name, iso(r.at), r.question])).toEqual([['a', 'a', '2023-01-01T02:00:00.000Z', undefined]]);
  });

  it('refuses bad files with a reason code', () => {
    const bad = (text: string) => reasonOf(() => readDiscordCsv(text, { fileName: 'x' }));
    expect(bad(H + row('05-Mar-21 02:30 PM') + row('garbage'))).toBe('bad_date');
    expect(bad(H + row('2023-13-01T10:00:00Z'))).toBe('bad_date');
    expect(bad('Date,Author\n"2023-01-01T10:00:00Z"\n')).toBe('wrong_shape');
    expect(bad('AuthorID,Author,Date\n"1","","2023-01-01T10:00:00Z"\n"2"\n')).toBe('bad_date');
    expect(bad('Sender,When\n"a","2023-01-01"\n')).toBe('missing_columns');
    expect(bad(H)).toBe('no_messages');
    expect(bad(H + row('yesterday'))).toBe('bad_date');
    expect(bad(H + row('13/01/2023 10:00') + row('01/13/2023 10:00'))).toBe('ambiguous_dates');
    expect(bad(H + row('2023-01-01T10:00:00Z') + row('soon'))).toBe('bad_date');
    expect(bad(H + row('1700000000') + row('17000'))).toBe('bad_date');
    expect(bad(H + row('05-Mar-21 02:30 PM') + row('05-Foo-21 02:30 PM'))).toBe('bad_date');
    expect(bad(H + row('3/5/2023 13:30 PM'))).toBe('bad_date');
    expect(bad(H + row('31/04/2023 10:00'))).toBe('bad_date');
    expect(bad(H + '"","a","2023-01-01T10:00:00Z","hi","",""\n')).toBe('wrong_shape');
  });
});
