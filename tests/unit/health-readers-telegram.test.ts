import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonOf, iso, exportFixture as fixture } from './health-helpers';
import type { ChatExport } from '../../src/lib/health/chat';
import { readTelegramJson, telegramText } from '../../src/lib/health/readers/telegram';

const tally = (x: ChatExport) => {
  const t: Record<string, number> = {};
  for (const r of x.records) t[`${r.member}:${r.kind}`] = (t[`${r.member}:${r.kind}`] ?? 0) + 1;
  return t;
};

describe('Telegram Desktop result.json, one chat (2023, date_unixtime)', () => {
  const x = readTelegramJson(fixture('tg-single.json'), { fileName: 'result.json', offsetMinutes: 0 });

  it('gives the hand count of tg-single.json: joins, the leave, the pin, messages per member', () => {
    expect(x.format).toBe('telegram-json');
    expect(x.groups).toEqual([{ id: '1987654321', name: 'Riverside Runners' }]);
    // By hand: #1 Dana joins by link; #2 Dana; #3 Eve; #4 Eve invites Frank (who posts later as user2003) and Gina
    // (never posts); #5 Frank; #6 Eve pins; #7 unsupported, skipped; #8 Eve; #9 Dana removes herself.
    expect(tally(x)).toEqual({
      'user2001:join': 1,
      'user2001:message': 1,
      'user2001:leave': 1,
      'user2002:message': 2,
      'user2002:system': 1,
      'user2003:join': 1,
      'user2003:message': 1,
      'name:Gina Ruiz:join': 1,
    });
    expect(x.records.find((r) => r.member === 'name:Gina Ruiz')?.name).toBe('Gina Ruiz');
    expect(x.records.some((r) => r.self || r.bot)).toBe(false);
    expect(x.roster).toEqual([]);
  });

  it('takes date_unixtime, not the zone-less date, whatever offset is chosen', () => {
    expect(x.time).toEqual({ field: 'date_unixtime', kind: 'unix' });
    // The file's `date` is UTC+8 wall clock; date_unixtime is the instant.
    expect(iso(x.records[1]!.at)).toBe('2023-05-06T00:01:10.000Z');
    expect(iso(x.records[x.records.length - 1]!.at)).toBe('2023-05-08T13:45:00.000Z');
  });

  it('links replies inside the chat and flags questions in string and entity-array text', () => {
    const msgs = x.records.filter((r) => r.kind === 'message');
    expect(msgs.map((r) => r.id)).toEqual(['1987654321:2', '1987654321:3', '1987654321:5', '1987654321:8']);
    expect(msgs.filter((r) => r.replyTo).map((r) => `${r.id}→${r.replyTo}`)).toEqual(['1987654321:3→1987654321:2', '1987654321:5→1987654321:3']);
    expect(msgs.filter((r) => r.question).map((r) => r.id)).toEqual(['1987654321:2', '1987654321:5']);
    expect(JSON.stringify(x)).not.toContain('turnout');
  });
});

describe('Telegram Desktop result.json, whole account', () => {
  const x = readTelegramJson(fixture('tg-full.json'), { fileName: 'result.json' });

  it('reads groups and left supergroups, skips the personal chat, marks the exporting account as self', () => {
    expect(x.groups).toEqual([
      { id: '555001', name: 'Board Games Night' },
      { id: '1555002', name: 'City Cyclists' },
      { id: '1555003', name: 'Old Swap Market' },
    ]);
    // By hand: Board Games: Eve creates (system), Eve asks, Hugo replies. Cyclists: Ivy adds herself (join), Ivy,
    // Eve replies with a full-width question. Swap market: Jack. Hugo's private chat is not read.
    expect(tally(x)).toEqual({ 'user2002:system': 1, 'user2002:message': 2, 'user2004:message': 1, 'user2005:join': 1, 'user2005:message': 1, 'user2006:message': 1 });
    expect(x.records.filter((r) => r.self).map((r) => r.kind)).toEqual(['system', 'message', 'message']);
    expect(x.records.filter((r) => r.self).every((r) => r.member === 'user2002')).toBe(true);
    expect(x.records.filter((r) => r.question).map((r) => r.id)).toEqual(['555001:22', '1555002:33']);
    expect(x.records.filter((r) => r.replyTo).map((r) => r.replyTo)).toEqual(['555001:22', '1555002:32']);
    expect(iso(x.records.find((r) => r.member === 'user2006')!.at)).toBe('2023-01-10T02:00:00.000Z');
  });
});

describe('Telegram Desktop result.json before 2022 (no date_unixtime, numeric from_id)', () => {
  const x = readTelegramJson(fixture('tg-old.json'), { fileName: 'result.json', offsetMinutes: 60 });

  it('reads `date` at the chosen offset, writes numeric ids as user<n>, keeps a deleted account without a name', () => {
    expect(x.time).toEqual({ field: 'date', kind: 'local', offsetMinutes: 60 });
    expect(tally(x)).toEqual({ 'user3001:join': 1, 'user3001:message': 1, 'user3002:message': 1, 'user3003:message': 1 });
    expect(iso(x.records[0]!.at)).toBe('2020-11-05T19:15:00.000Z');
    expect(iso(x.records[3]!.at)).toBe('2020-11-06T07:00:00.000Z');
    expect(x.records[3]!.name).toBeUndefined();
    expect(x.records[0]!.name).toBe('Kim Ro');
    expect(x.records[2]).toMatchObject({ replyTo: '1444001:2', member: 'user3002' });
    expect(x.records.filter((r) => r.question).map((r) => r.id)).toEqual(['1444001:2']);
  });
});

describe('Telegram reading rules', () => {
  const chat = (messages: unknown[]) => JSON.stringify({ name: 'G', type: 'private_group', id: 7, messages });
  const msg = (text: unknown) => ({ id: 1, type: 'message', date: '2024-01-01T00:00:00', date_unixtime: '1704067200', from: 'A', from_id: 'user1', text });

  it('gives the same question flag for a text as a string and as an entity array of the same characters', () => {
    const part = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('?', '？', ' ', '!'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), (parts, asEntity) => {
        const plain = parts.join('');
        const entities = parts.map((p, i) => (asEntity[i] ? { type: i % 2 ? 'bold' : 'link', text: p } : p));
        const a = readTelegramJson(chat([msg(plain)]), { fileName: 'x' }).records[0]!;
        const b = readTelegramJson(chat([msg(entities)]), { fileName: 'x' }).records[0]!;
        expect(b.question).toBe(a.question);
        expect(telegramText(entities)).toBe(plain);
      }),
    );
    expect(telegramText(undefined)).toBe('');
    expect(telegramText([{ type: 'custom_emoji' }, 5, '?'])).toBe('?');
  });

  it('does not link a reply into another chat, skips sender-less messages, and counts other actions as system', () => {
    const x = readTelegramJson(
      chat([
        { ...msg('hi'), reply_to_message_id: 9, reply_to_peer_id: 'channel5' },
        { id: 2, type: 'message', date_unixtime: '1704067201', text: 'no sender' },
        { id: 3, type: 'service', date_unixtime: '1704067202', action: 'send_payment', text: '' },
        { id: 4, type: 'service', date_unixtime: '1704067203', actor: 'A', actor_id: 'user1', action: 'invite_members', members: [null, 'A'], text: '' },
      ]),
      { fileName: 'x' },
    );
    expect(x.records.map((r) => `${r.member}:${r.kind}`)).toEqual(['user1:message', 'chat:7:system', 'user1:join']);
    expect(x.records[0]!.replyTo).toBeUndefined();
  });

  it('falls back to the file name for a chat without id and leaves a message without id unlinked', () => {
    const x = readTelegramJson(JSON.stringify({ type: 'private_group', messages: [{ type: 'message', date_unixtime: '1704067200', from_id: 'user1', text: 'hi' }] }), { fileName: 'f.json' });
    expect(x.groups).toEqual([{ id: 'f.json' }]);
    expect(x.records).toEqual([{ member: 'user1', group: 'f.json', at: 1704067200000, kind: 'message' }]);
  });

  it('refuses bad files with a reason code', () => {
    const bad = (text: string) => reasonOf(() => readTelegramJson(text, { fileName: 'x' }));
    expect(bad(chat([{ ...msg('x'), date_unixtime: undefined, date: 1704067200 }]))).toBe('bad_date');
    expect(bad(fixture('tg-single.json').slice(0, 700))).toBe('truncated_json');
    expect(bad('[1,2]')).toBe('wrong_shape');
    expect(bad('{"about":"x"}')).toBe('wrong_shape');
    expect(bad('{"chats":{"list":{}}}')).toBe('wrong_shape');
    expect(bad(chat([]))).toBe('no_messages');
    expect(bad(JSON.stringify({ chats: { list: [{ type: 'personal_chat', id: 1, messages: [msg('x')] }] } }))).toBe('no_messages');
    expect(bad(chat([{ ...msg('x'), date_unixtime: undefined, date: 'soon' }]))).toBe('bad_date');
    expect(bad(chat([5]))).toBe('wrong_shape');
  });
});
