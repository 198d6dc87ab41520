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

  it('a ticked staff ID is left out of every figure', () => {
    const { summary } = summarizeChat([read('wechatmsg/产品交流群_utf8.csv')], { offsetMinutes: 480, exclude: new Set(['wxid_bob02']) });
    expect(summary.speakers).toBe(3);
    expect(summary.messages).toBe(4);
    expect(summary.left.staff).toBe(2);
  });

  it('every text format of the fixtures is read through readChatText', () => {
    for (const path of ['dce-channel.json', 'tg-single.json', 'dce-iso.csv']) expect(read(path).records.length).toBeGreaterThan(0);
  });
});
