/**
 * Edge cases of the WeChat-family readers and the detector: the files people actually end up with are often
 * partial (a session without names, a roster saved from the API console, a line cut off), and each such file
 * must give either the right records or a named reason, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/lib/health/readers/detect';
import { ChatReadError } from '../../src/lib/health/readers/read-error';
import { localTimeToMs, unixToMs } from '../../src/lib/health/readers/wechat-common';
import { baseLocalType, readChatlabJson, readChatlabJsonl, readChatlogCsv, readPywxdumpCsv, readWecomGroupchatJson, readWeflowJson } from '../../src/lib/health/readers/wechat';
import { iso } from './health-helpers';

const o = (fileName: string) => ({ fileName, offsetMinutes: 480 });
const failure = (read: () => unknown) => {
  try {
    read();
  } catch (e) {
    if (e instanceof ChatReadError) return `${e.reason}: ${e.detail}`;
    throw e;
  }
  return 'no error';
};
const json = (v: unknown) => JSON.stringify(v);

describe('times', () => {
  it.each([
    ['2024-03-05 21:07:09', '2024-03-05T13:07:09.000Z'],
    ['2024-3-5 8:07', '2024-03-05T00:07:00.000Z'],
    ['2024-02-30 08:00:00', null],
    ['2024-13-01 08:00:00', null],
    ['2024-03-05 24:00:00', null],
    ['yesterday', null],
  ])('local time %s at UTC+8', (text, want) => {
    const ms = localTimeToMs(text, 480);
    expect(ms === null ? null : iso(ms)).toBe(want);
  });
  it.each([
    [1709600000, '2024-03-05T00:53:20.000Z'],
    ['1709600000', '2024-03-05T00:53:20.000Z'],
    [1709600000123, '2024-03-05T00:53:20.123Z'],
    ['', null],
    [-5, null],
    [null, null],
  ])('unix value %s', (value, want) => {
    const ms = unixToMs(value);
    expect(ms === null ? null : iso(ms)).toBe(want);
  });
  it('localType keeps the low 32 bits; a non-number is NaN', () => {
    expect(baseLocalType(10000 + 2 ** 32 * 57)).toBe(10000);
    expect(baseLocalType('abc')).toBeNaN();
  });
});

describe('WeFlow', () => {
  it('a file without a session names the group after the file; senders[] supplies IDs and names', () => {
    const x = readWeflowJson(
      json({
        senders: [{ senderID: 7, wxid: 'wxid_a', displayName: '阿杉' }, 'junk'],
        messages: [
          { createTime: 1709600000, senderID: 7, localType: 1, content: '在吗？' },
          { createTime: '1709600060', senderUsername: 'wxid_b', localType: 3, isSend: true },
          { createTime: 1709600120, localType: 10000, content: '你撤回了一条消息' },
        ],
      }),
      o('群聊导出.json'),
    );
    expect(x.groups).toEqual([{ id: '群聊导出' }]);
    expect(x.records.map((r) => [r.member, r.kind, r.name ?? '', !!r.self, !!r.question])).toEqual([
      ['wxid_a', 'message', '阿杉', false, true],
      ['wxid_b', 'message', '', true, false],
      ['', 'system', '', false, false],
    ]);
  });
  it.each([
    [{ messages: [5] }, 'wrong_shape: message 1'],
    [{ messages: [{ createTime: 'soon' }] }, 'bad_date: message 1: soon'],
    [{ session: {} }, 'wrong_shape: messages[]'],
  ])('refuses %j', (data, reason) => expect(failure(() => readWeflowJson(json(data), o('w.json')))).toBe(reason));
  it('tells a cut-off file from a broken one', () => {
    expect(failure(() => readWeflowJson('{"messages": [{"createTime": 1', o('w.json')))).toMatch(/^truncated_json/);
    expect(failure(() => readWeflowJson('{"messages": [}', o('w.json')))).toMatch(/^bad_json/);
  });
});

describe('ChatLab', () => {
  const header = { _type: 'header', chatlab: { version: '0.0.1' }, meta: { name: '产品群' } };
  it('JSONL: comments and blank lines skipped, members name the senders, system types left out of activity', () => {
    const text = [
      json(header),
      '# exported for a test',
      '',
      json({ _type: 'member', platformId: 'u1', accountName: '木子' }),
      json({ _type: 'message', sender: 'u1', timestamp: 1709600000, type: 0, content: '周六几点？' }),
      json({ _type: 'message', sender: 'u2', groupNickname: '陈晨', timestamp: 1709600060, type: 0 }),
      json({ _type: 'message', sender: 'u1', timestamp: 1709600120, type: 80 }),
      json(['not', 'an', 'item']),
      '',
    ].join('\n');
    const x = readChatlabJsonl(text, o('c.jsonl'));
    expect(x.groups).toEqual([{ id: '产品群' }]);
    expect(x.records.map((r) => [r.member, r.kind, r.name ?? '', !!r.question])).toEqual([
      ['u1', 'message', '木子', true],
      ['u2', 'message', '陈晨', false],
      ['u1', 'system', '', false],
    ]);
  });
  it('JSONL: a bad line in the middle is broken, a bad last line is cut off, a missing header is the wrong shape', () => {
    expect(failure(() => readChatlabJsonl([json(header), '{oops', json({ _type: 'message' })].join('\n'), o('c.jsonl')))).toBe('bad_json: line 2');
    expect(failure(() => readChatlabJsonl([json(header), '{"_type": "mess'].join('\n'), o('c.jsonl')))).toBe('truncated_json: line 2');
    expect(failure(() => readChatlabJsonl(json({ _type: 'message' }), o('c.jsonl')))).toBe('wrong_shape: _type: header');
  });
  it('JSON: without meta or members the file name is the group; bad messages are refused', () => {
    const x = readChatlabJson(json({ chatlab: {}, messages: [{ sender: 'u9', timestamp: 1709600000, type: 1 }] }), o('导出.json'));
    expect(x.groups).toEqual([{ id: '导出' }]);
    expect(x.records).toHaveLength(1);
    expect(failure(() => readChatlabJson(json({ chatlab: {}, messages: [1] }), o('c.json')))).toBe('wrong_shape: message 1');
    expect(failure(() => readChatlabJson(json({ chatlab: {}, messages: [{ sender: 'u', timestamp: 'x' }] }), o('c.json')))).toBe('bad_date: message 1: x');
    expect(failure(() => readChatlabJson(json({ messages: [] }), o('c.json')))).toBe('wrong_shape: chatlab, messages[]');
  });
});

describe('WeCom groupchat/get', () => {
  const response = (chat: Record<string, unknown>) => ({ errcode: 0, errmsg: 'ok', group_chat: chat });
  it('an array of responses, and one response per line; members without a userid skipped', () => {
    const chats = [
      response({ chat_id: 'wrOgAA', name: '北京车友群', member_list: [{ userid: 'zhangsan', type: 1, join_time: 1709600000 }, { type: 2 }] }),
      response({ member_list: [{ userid: 'wmABC', type: 2, group_nickname: '李四', join_time: 'n/a' }] }),
    ];
    for (const text of [json(chats), chats.map(json).join('\n')]) {
      const x = readWecomGroupchatJson(text, o('groups.json'));
      expect(x.groups).toEqual([{ id: 'wrOgAA', name: '北京车友群' }, { id: 'groups#2' }]);
      expect(x.roster).toEqual([
        { member: 'zhangsan', group: 'wrOgAA', joinedAt: 1709600000000, type: 1 },
        { member: 'wmABC', group: 'groups#2', name: '李四', type: 2 },
      ]);
      expect(x.records).toEqual([]);
    }
  });
  it('an error response, a response without a member list and a non-object are refused by name', () => {
    expect(failure(() => readWecomGroupchatJson(json({ errcode: 40058, errmsg: 'invalid chat_id' }), o('g.json')))).toBe('api_error: 40058 invalid chat_id');
    expect(failure(() => readWecomGroupchatJson(json(response({ name: 'x' })), o('g.json')))).toBe('wrong_shape: group_chat.member_list[]');
    expect(failure(() => readWecomGroupchatJson('[1]', o('g.json')))).toBe('wrong_shape: response 1');
  });
});

describe('CSV exports with ragged or bad rows', () => {
  it('PyWxDump: a bad time names its line; a short row reads missing cells as empty', () => {
    const head = 'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime';
    expect(failure(() => readPywxdumpCsv(`${head}\r\n1,9,文本,0,wxid_a,r@chatroom,hi,,later\r\n`, o('r@chatroom_0_1.csv')))).toBe('bad_date: line 2: later');
    const x = readPywxdumpCsv(`${head}\r\n1,9,文本,0,wxid_a,,hi,,2024-03-05 08:00:00\r\n`, o('r@chatroom_0_1.csv'));
    expect(x.records.map((r) => [r.member, r.group, iso(r.at)])).toEqual([['wxid_a', 'r@chatroom_0_1', '2024-03-05T00:00:00.000Z']]);
  });
  it('chatlog: a bad time names its line; a row without a talker belongs to the file', () => {
    const head = 'Time,SenderName,Sender,TalkerName,Talker,Content';
    expect(failure(() => readChatlogCsv(`${head}\nsoon,阿杉,wxid_a,群,g@chatroom,hi\n`, o('chat.csv')))).toBe('bad_date: line 2: soon');
    const x = readChatlogCsv(`${head}\n2024-03-05 08:00:00,阿杉,wxid_a\n`, o('chat.csv'));
    expect(x.groups).toEqual([{ id: 'chat' }]);
    expect(x.records.map((r) => [r.member, r.name, r.group])).toEqual([['wxid_a', '阿杉', 'chat']]);
  });
});

describe('detectFormat: each JSON signature', () => {
  it.each([
    ['c.jsonl', json({ chatlab: {}, _type: 'meta' }), 'chatlab-jsonl'],
    ['c.json', json({ chatlab: {}, messages: [] }), 'chatlab-json'],
    ['g.json', json({ member_list: [], chat_id: 'x' }), 'wecom-groupchat-json'],
    ['u.json', json({ wxid_a: { wxid: 'wxid_a', nickname: 'A', headImgUrl: '' } }), 'pywxdump-users-json'],
    ['t.json', json({ personal_information: {} }), 'telegram-json'],
    ['t.json', json({ chats: { list: [] } }), 'telegram-json'],
    ['t.json', json({ name: 'x', type: 'private_supergroup' }), 'telegram-json'],
    ['w.json', json({ session: {}, isSend: 1 }), 'weflow-json'],
    ['x.json', json({ hello: 'world' }), 'unknown'],
    ['x.csv', '', 'generic'],
  ])('%s %s → %s', (name, head, want) => expect(detectFormat(name, head)).toBe(want));
});
