import { describe, expect, it } from 'vitest';
import { analyzeActivity } from '../../src/lib/activity';
import { summarizeChat } from '../../src/lib/health/chat-summary';
import { ALL_GROUPS } from '../../src/lib/health/groups';
import { detectFormat } from '../../src/lib/health/readers/detect';
import { isTextChatFormat, readChatText } from '../../src/lib/health/readers/read-chat';
import { exportFixture } from './health-helpers';

const read = (path: string) => {
  const text = exportFixture(path);
  const name = path.split('/').at(-1)!;
  const format = detectFormat(name, text.slice(0, 4096));
  if (!isTextChatFormat(format)) throw new Error(`not a text chat format: ${format}`);
  return readChatText(format, text, { fileName: name, offsetMinutes: 480 });
};

describe('summarizeChat', () => {
  it('the 留痕 fixture: own account and notices left out, four members, one group (hand count)', () => {
    // Rows (see health-readers-wechat.test.ts): owner 1, 阿杉 2, 木子 2, 陈晨 1, a leaver 1 message; 2 notices + 1 join.
    const { summary, events, names } = summarizeChat([read('wechatmsg/产品交流群_utf8.csv')], { offsetMinutes: 480 });
    expect(summary.format).toEqual(['wechatmsg-csv']);
    // Latest nickname per kept ID; the owner's is not among them.
    expect(names.get('wxid_bob02')).toBeTruthy();
    expect(names.has('wxid_owner01')).toBe(false);
    expect(summary.messages).toBe(6);
    expect(summary.speakers).toBe(4);
    expect(summary.left).toEqual({ self: 1, bots: 0, staff: 0, notMessages: 3 });
    expect(summary.silentMembers).toBe(0);
    expect(summary.groups.map((g) => [g.group, g.speakers, g.messages])).toEqual([
      [ALL_GROUPS, 4, 6],
      ['产品交流群', 4, 6],
    ]);
    // The events feed the existing analysis: one per member and day, the owner nowhere.
    const report = analyzeActivity(events);
    expect(report.members).toBe(4);
    expect(events.some((e) => e.member === 'wxid_owner01')).toBe(false);
  });

  it('a WeCom roster with the 留痕 chat: silent members count once everywhere, each in the cohort of their join month (hand count)', () => {
    // Roster groupchat-get.json (UTC+8 join days): 读书会 zhangsan 2019-10-31, ext01 2024-01-01, ext02 2024-02-01;
    // 跑步 zhangsan 2024-01-01, ext01 2024-03-01. None of them posts in the 留痕 file (4 speakers, 5–6 Mar 2024;
    // 陈晨 (wxid_chen03) joins by notice on 5 Mar and posts the same day).
    const { summary, events, known } = summarizeChat([read('wechatmsg/产品交流群_utf8.csv'), readChatText('wecom-groupchat-json', exportFixture('wecom/groupchat-get.json'), { fileName: 'groupchat-get.json', offsetMinutes: 480 })], { offsetMinutes: 480 });
    expect(summary.speakers).toBe(4);
    expect(summary.silentMembers).toBe(3);
    expect(known.filter((k) => !k.roster)).toEqual([{ member: 'wxid_chen03', joined: '2024-03-05', roster: false }]);
    const r = analyzeActivity(events, {}, known);
    expect(r.asOf).toBe('2024-03-06');
    // One number for members: speakers + silent roster members = the all-groups row of the group table.
    expect(r.members).toBe(7);
    expect(summary.groups[0]!.members).toBe(7);
    // Earliest join day per member: zhangsan 2019-10, ext01 2024-01, ext02 2024-02; the four speakers 2024-03.
    expect(r.cohorts.map((c) => [c.month, c.size, c.retention[0]])).toEqual([
      ['2019-10', 1, 0],
      ['2024-01', 1, 0],
      ['2024-02', 1, 0],
      ['2024-03', 4, 1],
    ]);
    expect(r.cohorts.reduce((n, c) => n + c.size, 0)).toBe(r.members);
    expect(r.mau).toBe(4);
    expect(['zhangsan', 'wmOgQhDgAAext01', 'wmOgQhDgAAext02'].map((m) => r.tierOf[m])).toEqual(['silent', 'silent', 'silent']);
  });

  it('a Telegram join_group_by_link a month before the first message puts the member in the join month', () => {
    // tg-single.json with Dana's join (#1) moved from 6 May 2023 to 20 Apr 2023 (08:00 UTC+8 = 00:00 UTC).
    const text = exportFixture('tg-single.json').replace('"date": "2023-05-06T08:00:00",\n   "date_unixtime": "1683331200"', '"date": "2023-04-20T08:00:00",\n   "date_unixtime": "1681948800"');
    expect(text).toContain('1681948800');
    const { events, known } = summarizeChat([readChatText('telegram-json', text, { fileName: 'result.json', offsetMinutes: 480 })], { offsetMinutes: 480 });
    expect(known).toContainEqual({ member: 'user2001', joined: '2023-04-20', roster: false });
    expect(analyzeActivity(events).cohorts).toEqual([{ month: '2023-05', size: 3, retention: [1] }]);
    // Dana (user2001) now joined in April and first posted in May; Eve and Frank stay in May.
    expect(analyzeActivity(events, {}, known).cohorts).toEqual([
      { month: '2023-04', size: 1, retention: [0, 1] },
      { month: '2023-05', size: 2, retention: [1] },
    ]);
  });

  it('a ticked staff ID is left out of every figure', () => {
    const { summary } = summarizeChat([read('wechatmsg/产品交流群_utf8.csv')], { offsetMinutes: 480, exclude: new Set(['wxid_bob02']) });
    expect(summary.speakers).toBe(3);
    expect(summary.messages).toBe(4);
    expect(summary.left.staff).toBe(2);
  });

  it('every text format of the fixtures is read through readChatText', () => {
    for (const path of ['dce-channel.json', 'tg-single.json', 'dce-iso.csv']) expect(read(path).records.length).toBeGreaterThan(0);
  });

  it('the analytics of tests/fixtures/exports/tg-analytics.json match a hand count (two groups, replies marked)', () => {
    // The fixture (Telegram full export, exporter user1000 = Oli, left out): Ann, Ben, Cy and Dee write 15
    // messages between Jan and Mar 2025 at UTC+8; counted by hand from the file:
    // Jan Ann, Ben, Cy; Feb Ann, Ben; Mar Ann, Cy, Dee. Mondays 20:xx hold 10 messages, Sunday 21:xx 2.
    const { summary } = summarizeChat([read('tg-analytics.json')], { offsetMinutes: 480 });
    expect(summary.left).toEqual({ self: 1, bots: 0, staff: 0, notMessages: 1 });
    expect(summary.lifecycle.map((m) => [m.month, m.new, m.returning, m.resurrecting, m.dormant])).toEqual([
      ['2025-01', 3, 0, 0, 0],
      ['2025-02', 0, 2, 0, 1], // Cy went quiet
      ['2025-03', 1, 1, 1, 1], // Dee new, Ann returning, Cy back, Ben quiet
    ]);
    expect(summary.rhythm.total).toBe(15);
    expect(summary.rhythm.busiest).toEqual([
      { weekday: 0, hour: 20, messages: 10 },
      { weekday: 6, hour: 21, messages: 2 },
      { weekday: 0, hour: 22, messages: 1 }, // ties with Wed 09 and Fri 12: the earliest in the week
    ]);
    expect(summary.rhythm.levels[0]![20]).toBe(5);
    expect(summary.rhythm.levels[6]![21]).toBe(1);
    expect(summary.rhythm.levels[1]![20]).toBe(0);
    // Questions: Ann 6 Jan (answered by Ben in 30 min), Cy 8 Jan (none), Ann 3 Feb (none), Cy 3 Mar (Dee, 2 h),
    // Ann 31 Mar (Dee, 45 min, too young to judge) → median 45 min; judged 4, unanswered 2.
    expect(summary.response).toMatchObject({ available: true, questions: 5, answered: 3, medianFirstReplyMs: 45 * 60_000, judged: 4, unanswered: 2, unansweredShare: 0.5, formatsWithoutReplies: [] });
    // Dee: 7 days in 2–31 Mar → contributing; Ann: 30 and 31 Mar → participating; Ben and Cy exploring.
    expect(summary.presence).toEqual({
      asOf: '2025-03-31',
      counts: { leading: 0, contributing: 1, participating: 1, exploring: 2 },
      members: 4,
      shares: { leading: 0, contributing: 0.25, participating: 0.25, exploring: 0.5 },
    });
  });

  it('moving the time zone moves the busiest hour; a format without reply marks says so', () => {
    const utc = summarizeChat([read('tg-analytics.json')], { offsetMinutes: 0 }).summary;
    expect(utc.rhythm.busiest[0]).toEqual({ weekday: 0, hour: 12, messages: 10 });
    const wechat = summarizeChat([read('wechatmsg/产品交流群_utf8.csv')], { offsetMinutes: 480 }).summary;
    expect(wechat.response).toMatchObject({ available: false, reason: 'no-reply-marks', medianFirstReplyMs: null, unansweredShare: null, formatsWithoutReplies: ['wechatmsg-csv'] });
    expect(wechat.lifecycle.length).toBeGreaterThan(0);
    expect(wechat.presence.counts.leading + wechat.presence.counts.contributing + wechat.presence.counts.participating + wechat.presence.counts.exploring).toBe(4);
  });
});
