/**
 * The training data pack (public/training-data/, issue #19) is read by the health check's own readers, so a
 * change to a reader or to the pack that would break week one's tasks fails here. The figures are the ones
 * the trainer's guide gives as the answer key (scripts/generate-training-data.mjs writes the pack).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/lib/health/readers/detect';
import { readChatText } from '../../src/lib/health/readers/read-chat';

const pack = (name: string) => readFileSync(`public/training-data/${name}`, 'utf8');
const options = (fileName: string) => ({ offsetMinutes: 480, fileName });
/** The member list: one row per seat (group, member_id, nickname, role, joined). */
const seats = pack('members.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const idsWithRole = (role: string) => new Set(seats.filter((s) => s[3] === role).map((s) => s[1]!));

describe('training data pack', () => {
  it('the member list has 78 seats and 60 real members once duplicates, staff and the bot are removed', () => {
    expect(seats).toHaveLength(78);
    expect(idsWithRole('member').size).toBe(60);
    expect(idsWithRole('staff').size).toBe(2);
    expect(idsWithRole('bot').size).toBe(1);
  });

  it('the chat export is detected as chatlog CSV and read with every seat-holder as a speaking member', () => {
    const text = pack('chat-export.csv');
    expect(detectFormat('chat-export.csv', text.slice(0, 4096))).toBe('chatlog-csv');
    const chat = readChatText('chatlog-csv', text, options('chat-export.csv'));
    expect(chat.groups.map((g) => g.name)).toEqual(['青岚茶友 1 群', '青岚茶友 2 群', '青岚新人群']);
    const messages = chat.records.filter((r) => r.kind === 'message');
    const speakers = new Set(messages.map((r) => r.member));
    expect(speakers.size).toBe(63);
    const notMembers = new Set([...idsWithRole('staff'), ...idsWithRole('bot')]);
    expect(new Set([...speakers].filter((id) => !notMembers.has(id)))).toEqual(idsWithRole('member'));
    // The answer key of task w1-t4: operators' messages and how many are promotions.
    const byStaff = chat.records.filter((r) => idsWithRole('staff').has(r.member));
    expect(byStaff).toHaveLength(79);
    const promotions = text.split('\n').filter((l) => l.includes(',【优惠】'));
    expect(promotions).toHaveLength(18);
    expect(messages.filter((r) => idsWithRole('member').has(r.member))).toHaveLength(484);
    // The 16 newcomers' join notices are read as joins of the right members.
    const joins = chat.records.filter((r) => r.kind === 'join');
    expect(joins).toHaveLength(16);
    expect(joins.every((j) => idsWithRole('member').has(j.member))).toBe(true);
  });

  it('the roster is detected as WeCom groupchat/get and lists the same 60 external members', () => {
    const text = pack('wecom-roster.json');
    expect(detectFormat('wecom-roster.json', text.slice(0, 4096))).toBe('wecom-groupchat-json');
    const roster = readChatText('wecom-groupchat-json', text, options('wecom-roster.json')).roster;
    expect(roster).toHaveLength(78);
    expect(new Set(roster.filter((r) => r.type === 2).map((r) => r.member)).size).toBe(60);
    expect(new Set(roster.filter((r) => r.type === 2).map((r) => r.name))).toEqual(new Set(seats.filter((s) => s[3] === 'member').map((s) => s[2])));
  });
});
