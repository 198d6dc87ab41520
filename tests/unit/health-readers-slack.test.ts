import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reasonOf, iso } from './health-helpers';
import type { ChatExport } from '../../src/lib/health/chat';
import { readSlackZip } from '../../src/lib/health/readers/slack';

const tally = (x: ChatExport) => {
  const t: Record<string, number> = {};
  for (const r of x.records) t[`${r.group}/${r.member}:${r.kind}`] = (t[`${r.group}/${r.member}:${r.kind}`] ?? 0) + 1;
  return t;
};

// A small workspace export in Slack's layout, invented people only.
const users = [
  { id: 'U01', name: 'mia.tan', real_name: 'Mia Tan', is_bot: false, profile: { display_name: 'mia', real_name: 'Mia Tan' } },
  { id: 'U02', name: 'noah', real_name: 'Noah Berg', is_bot: false, profile: { display_name: '', real_name: 'Noah Berg' } },
  { id: 'U03', name: 'olga', is_bot: false, profile: {} },
  { id: 'U0BOT', name: 'standup', is_bot: true, profile: { display_name: '', real_name: 'Standup Bot' } },
];
const channels = [
  { id: 'C01', name: 'general', created: 1706700000, members: ['U01', 'U02', 'U03', 'U0BOT'] },
  { id: 'C02', name: 'random', created: 1706700000, members: ['U01', 'U04'] },
  { id: 'C03', name: 'empty', created: 1706700000, members: ['U01'] },
];
const PARENT = '1706774460.000200';
const day: Record<string, unknown[]> = {
  'general/2024-02-01.json': [
    { type: 'message', subtype: 'channel_join', user: 'U03', ts: '1706774400.000100', text: '<@U03> has joined the channel' },
    { type: 'message', user: 'U01', ts: PARENT, thread_ts: PARENT, reply_count: 1, text: 'Who is hosting Friday?', user_profile: { display_name: 'mia' } },
    { type: 'message', user: 'U02', ts: '1706774520.123456', thread_ts: PARENT, parent_user_id: 'U01', text: 'I can' },
    { type: 'message', subtype: 'bot_message', bot_id: 'B99', username: 'RSS Feed', ts: '1706778000.000000', text: 'New post?' },
  ],
  'general/2024-02-02.json': [
    { type: 'message', user: 'U0BOT', bot_id: 'B01', ts: '1706860800.000000', text: 'Standup time' },
    { type: 'message', subtype: 'channel_topic', user: 'U01', ts: '1706860900.000000', topic: 'Fridays', text: 'set the channel topic: Fridays' },
    { type: 'message', subtype: 'channel_leave', user: 'U02', ts: '1706864400.000000', text: '<@U02> has left the channel' },
    { type: 'message', subtype: 'thread_broadcast', user: 'U03', ts: '1706864500.000000', thread_ts: PARENT, text: 'Also me' },
  ],
  'random/2024-02-01.json': [
    { type: 'message', user: 'U01', ts: '1706781600.000000', text: 'Lunch？' },
    { type: 'message', user: 'U04', ts: '1706781700.000000', text: 'yes', user_profile: { real_name: 'Pat Guest', display_name: '' } },
  ],
};
const entries = (): [string, string][] => [
  ['users.json', JSON.stringify(users)],
  ['channels.json', JSON.stringify(channels)],
  ['integration_logs.json', '[]'],
  ...Object.entries(day).map(([k, v]): [string, string] => [k, JSON.stringify(v, null, 4)]),
];
const zip = (list: [string, string][], prefix = '') => zipSync(Object.fromEntries(list.map(([k, v]) => [prefix + k, strToU8(v)])));

describe('Slack workspace export zip', () => {
  const x = readSlackZip(zip(entries()), { fileName: 'Invented Workspace Slack export.zip' });

  it('gives the hand count: joins, leaves, the topic change, messages per member per channel, bots', () => {
    expect(x.format).toBe('slack-zip');
    expect(x.time).toEqual({ field: 'ts', kind: 'unix' });
    expect(x.groups).toEqual([
      { id: 'C01', name: 'general' },
      { id: 'C02', name: 'random' },
    ]);
    // By hand from the day files above.
    expect(tally(x)).toEqual({
      'C01/U03:join': 1,
      'C01/U03:message': 1,
      'C01/U01:message': 1,
      'C01/U01:system': 1,
      'C01/U02:message': 1,
      'C01/U02:leave': 1,
      'C01/B99:message': 1,
      'C01/U0BOT:message': 1,
      'C02/U01:message': 1,
      'C02/U04:message': 1,
    });
    expect([...new Set(x.records.filter((r) => r.bot).map((r) => r.member))]).toEqual(['B99', 'U0BOT']);
  });

  it('names members from users.json, then the message profile, then the bot name', () => {
    const nameOf = Object.fromEntries(x.records.map((r) => [r.member, r.name]));
    expect(nameOf).toEqual({ U01: 'mia', U02: 'Noah Berg', U03: 'olga', U0BOT: 'Standup Bot', B99: 'RSS Feed', U04: 'Pat Guest' });
  });

  it('links thread replies (and a broadcast reply) to the thread start, and flags questions', () => {
    expect(x.records.filter((r) => r.replyTo).map((r) => `${r.member}→${r.replyTo}`)).toEqual([`U02→C01:${PARENT}`, `U03→C01:${PARENT}`]);
    expect(x.records.find((r) => r.id === `C01:${PARENT}`)?.member).toBe('U01');
    expect(x.records.filter((r) => r.question).map((r) => `${r.group}/${r.member}`)).toEqual(['C01/U01', 'C01/B99', 'C02/U01']);
    expect(JSON.stringify(x)).not.toContain('Lunch');
  });

  it('reads ts to the millisecond', () => {
    expect(iso(x.records.find((r) => r.member === 'U02' && r.kind === 'message')!.at)).toBe('2024-02-01T08:02:00.123Z');
    expect(iso(x.records.find((r) => r.kind === 'leave')!.at)).toBe('2024-02-02T09:00:00.000Z');
  });

  it('fills the roster from channels.json for the channels in the export', () => {
    expect(x.roster).toEqual([
      { member: 'U01', group: 'C01', name: 'mia' },
      { member: 'U02', group: 'C01', name: 'Noah Berg' },
      { member: 'U03', group: 'C01', name: 'olga' },
      { member: 'U0BOT', group: 'C01', name: 'Standup Bot' },
      { member: 'U01', group: 'C02', name: 'mia' },
      { member: 'U04', group: 'C02' },
    ]);
  });

  it('gives the same records whatever order the zip holds its entries in, and inside a re-zipped folder', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(entries(), { minLength: entries().length }), (shuffled) => {
        expect(readSlackZip(zip(shuffled), { fileName: 'x' })).toEqual(x);
      }),
      { numRuns: 30 },
    );
    expect(readSlackZip(zip(entries(), 'Invented Workspace Slack export Feb 1 2024/'), { fileName: 'x' })).toEqual(x);
  });

  it('reads a channel folder missing from channels.json under its folder name', () => {
    const y = readSlackZip(zip([['users.json', '[]'], ['lost/2024-02-01.json', JSON.stringify([{ user: 'U9', ts: '1706781600' }, 'noise'])]]), { fileName: 'x' });
    expect(y.groups).toEqual([{ id: 'lost', name: 'lost' }]);
    expect(y.records).toEqual([{ member: 'U9', group: 'lost', at: Date.parse('2024-02-01T10:00:00Z'), kind: 'message', id: 'lost:1706781600' }]);
  });

  it('reads DMs by id, keeps bot profiles, and skips entries without an id or a sender', () => {
    const y = readSlackZip(
      zip([
        ['users.json', JSON.stringify([{ name: 'no id' }, { id: 'U7' }, { id: 'U8', name: 'eight' }])],
        ['dms.json', JSON.stringify([{ id: 'D1', members: 'U7,U8' }, { name: 'no id' }])],
        ['D1/2024-02-01.json', JSON.stringify([{ ts: '1706781600.5' }, { bot_id: 'B5', bot_profile: { name: 'Poll' }, ts: '1706781601' }, { user: 'U7', ts: '1706781602' }])],
      ]),
      { fileName: 'x' },
    );
    expect(y.groups).toEqual([{ id: 'D1', name: 'D1' }]);
    expect(y.roster).toEqual([]);
    expect(y.records.map((r) => [r.member, r.name, r.bot, r.id])).toEqual([
      ['B5', 'Poll', true, 'D1:1706781601'],
      ['U7', undefined, undefined, 'D1:1706781602'],
    ]);
  });

  it('refuses bad files with a reason code', () => {
    expect(reasonOf(() => readSlackZip(zip([['users.json', '[]'], ['c/2024-02-01.json', '[{"user":"U1","ts":1706781600}]']]), { fileName: 'x' }))).toBe('bad_date');
    const bad = (bytes: Uint8Array) => reasonOf(() => readSlackZip(bytes, { fileName: 'x' }));
    expect(bad(strToU8('not a zip at all'))).toBe('bad_zip');
    expect(bad(zip(entries().filter(([k]) => k !== 'users.json')))).toBe('slack_no_users');
    expect(bad(zip([['users.json', JSON.stringify(users)], ['channels.json', JSON.stringify(channels)]]))).toBe('no_messages');
    expect(bad(zip([['users.json', '[{"id":']]))).toBe('truncated_json');
    expect(bad(zip([['users.json', '{}']]))).toBe('wrong_shape');
    expect(bad(zip([['users.json', '[]'], ['general/2024-02-01.json', '{}']]))).toBe('wrong_shape');
    expect(bad(zip([['users.json', '[]'], ['general/2024-02-01.json', '[{"user":"U1","ts":"yesterday"}]']]))).toBe('bad_date');
  });
});
