import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatExport, ChatRecord } from '../../src/lib/health/chat';
import {
  ChatReadError,
  baseLocalType,
  joinPywxdumpParts,
  joinedNames,
  readChatlabJson,
  readChatlabJsonl,
  readChatlogCsv,
  readPywxdumpCsv,
  readWechatMsgCsv,
  readWecomGroupchatJson,
  readWeflowJson,
} from '../../src/lib/health/readers/wechat';

const DIR = 'tests/fixtures/exports/';
const fixture = (path: string) => readFileSync(DIR + path, 'utf8');
const CST = 480;
const opts = (fileName: string, offsetMinutes = CST) => ({ fileName, offsetMinutes });
const iso = (ms: number) => new Date(ms).toISOString();

/** Tallies a reader's output the way the hand counts below are written. */
function tally(x: ChatExport) {
  const perMember: Record<string, number> = {};
  for (const r of x.records) if (r.kind === 'message') perMember[r.member] = (perMember[r.member] ?? 0) + 1;
  return {
    perMember,
    messages: x.records.filter((r) => r.kind === 'message').length,
    self: x.records.filter((r) => r.self).length,
    system: x.records.filter((r) => r.kind === 'system').length,
    joins: x.records.filter((r) => r.kind === 'join').map((r) => ({ member: r.member, at: iso(r.at) })),
    questions: x.records.filter((r) => r.question).length,
  };
}

/** What error a reader threw (reason + detail), or null. */
function failure(run: () => unknown): { reason: string; detail: string } | null {
  try {
    run();
    return null;
  } catch (e) {
    if (e instanceof ChatReadError) return { reason: e.reason, detail: e.detail };
    throw e;
  }
}

const byTime = (rs: readonly ChatRecord[]) => [...rs].sort((a, b) => a.at - b.at || a.member.localeCompare(b.member) || a.kind.localeCompare(b.kind));

describe('留痕 / MemoTrace (WeChatMsg) CSV', () => {
  const NAME = '产品交流群_utf8.csv';
  const asc = fixture(`wechatmsg/${NAME}`);
  const desc = fixture(`wechatmsg/descending/${NAME}`);

  it('reads the 2024 (ascending, BOM) file: figures of a hand count', () => {
    expect(asc.charCodeAt(0)).toBe(0xfeff); // the writer's utf-8-sig
    const x = readWechatMsgCsv(asc, opts(NAME));
    // Hand count of the 10 rows: owner 1 (IsSender=1), 阿杉 2 (text + image), 木子 2, 陈晨 1, a leaver 1 → 7 messages;
    // Type=10000: the invite of 陈晨 (who speaks later, so a join), a recall and a QR join of 路人甲 (never speaks) → 2 system.
    expect(tally(x)).toEqual({
      perMember: { wxid_owner01: 1, wxid_alice01: 2, wxid_bob02: 2, wxid_chen03: 1, wxid_gone09: 1 },
      messages: 7,
      self: 1,
      system: 2,
      joins: [{ member: 'wxid_chen03', at: '2024-03-05T00:56:20.000Z' }],
      questions: 2,
    });
    expect(x.format).toBe('wechatmsg-csv');
    expect(x.groups).toEqual([{ id: '产品交流群' }]);
    expect(x.time).toEqual({ field: 'CreateTime', kind: 'unix' });
    // Row 1: CreateTime 1709600000 (StrTime 2024-03-05 08:53:20 at UTC+8); row 10: 1709690000.
    expect(iso(x.records[0]!.at)).toBe('2024-03-05T00:53:20.000Z');
    expect(iso(x.records.at(-1)!.at)).toBe('2024-03-06T01:53:20.000Z');
    // NickName is the name; a leaver written with the wxid in every name column has none.
    expect(x.records.find((r) => r.member === 'wxid_bob02')?.name).toBe('木子');
    expect(x.records.find((r) => r.member === 'wxid_gone09')?.name).toBeUndefined();
  });

  it('keeps no message text', () => {
    const json = JSON.stringify(readWechatMsgCsv(asc, opts(NAME)));
    for (const text of ['周末', '欢迎', 'venue', '撤回', '<msg>']) expect(json).not.toContain(text);
  });

  it('the 2025 descending file gives the same records', () => {
    expect(readWechatMsgCsv(desc, opts(NAME))).toEqual(readWechatMsgCsv(asc, opts(NAME)));
  });

  it('any row order gives the same records (property)', () => {
    const [header, ...rows] = asc.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const expected = byTime(readWechatMsgCsv(asc, opts(NAME)).records);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        const text = [header, ...shuffled].join('\r\n');
        expect(byTime(readWechatMsgCsv(text, opts(NAME)).records)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('a file without the Sender column is refused, naming the columns', () => {
    const text = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime\n1,7,1,0,0,1709600000,2,hi,2024-03-05 08:53:20\n';
    expect(failure(() => readWechatMsgCsv(text, opts('old.csv')))).toEqual({ reason: 'missing_columns', detail: 'Remark, NickName, Sender' });
  });

  it('rows written without their Sender cells (pre-2024-02 private chats) are refused, not read as system rows', () => {
    const [header] = asc.split('\r\n');
    const text = `${header}\r\n1,7,1,0,0,1709600000,2,hi,2024-03-05 08:53:20\r\n`;
    expect(failure(() => readWechatMsgCsv(text, opts(NAME)))).toEqual({ reason: 'missing_columns', detail: 'Sender (line 2)' });
  });

  it('an unreadable CreateTime is refused with its line', () => {
    const text = asc.replace('1709600060', 'yesterday');
    expect(failure(() => readWechatMsgCsv(text, opts(NAME)))).toEqual({ reason: 'bad_date', detail: 'line 3: yesterday' });
  });
});

describe('WeChat join notices', () => {
  it('names the invited, scanned and joined people', () => {
    expect(joinedNames('"张三"邀请"李四、王五"加入了群聊')).toEqual(['李四', '王五']);
    expect(joinedNames('你邀请“小周”加入了群聊')).toEqual(['小周']);
    expect(joinedNames('"路人甲"通过扫描"运营小林"分享的二维码加入群聊')).toEqual(['路人甲']);
    expect(joinedNames('"木子" 撤回了一条消息')).toEqual([]);
  });
});

const PYW = 'pywxdump/single/44556677@chatroom_0_9.csv';
const SPLIT_ROOM = '12345678901@chatroom';

/**
 * A full first part in the writer's shape (5,000 rows, `{room}_0_5000.csv`), built here so the committed
 * fixtures stay small. Row i (0-based): talker wxid_sp0{i % 4 + 1}; rows 999, 1999, …, 4999 are 系统通知 from 未知;
 * one row a minute from 2024-05-01 00:00 local time.
 */
function firstPart(rows = 5000): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = ['id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime'];
  for (let i = 0; i < rows; i++) {
    const system = i % 1000 === 999;
    const day = 1 + Math.floor(i / 1440);
    const time = `2024-05-${pad(day)} ${pad(Math.floor((i % 1440) / 60))}:${pad(i % 60)}:00`;
    lines.push(`${i + 1},71000000000${String(i).padStart(8, '0')},${system ? '系统通知' : '文本'},0,${system ? '未知' : `wxid_sp0${(i % 4) + 1}`},${SPLIT_ROOM},${system ? '"""阿青""加入了群聊"' : '好'},,${time}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('PyWxDump / WeClone CSV', () => {
  it('reads a whole export: figures of a hand count', () => {
    const text = fixture(PYW);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const x = readPywxdumpCsv(text, opts(PYW));
    // 8 rows: wxid_pa01 2 (text, image), 我 1, wxid_pa02 1, wxid_pa03 1; 邀请加群, 拍一拍, 消息撤回1 → 3 system.
    expect(tally(x)).toEqual({ perMember: { wxid_pa01: 2, 我: 1, wxid_pa02: 1, wxid_pa03: 1 }, messages: 5, self: 1, system: 3, joins: [], questions: 1 });
    expect(x.groups).toEqual([{ id: '44556677@chatroom' }]);
    expect(x.time).toEqual({ field: 'CreateTime', kind: 'local', offsetMinutes: 480 });
    // 2024-04-01 09:00:00 and 2024-04-02 23:59:59 at UTC+8.
    expect(iso(x.records[0]!.at)).toBe('2024-04-01T01:00:00.000Z');
    expect(iso(x.records.at(-1)!.at)).toBe('2024-04-02T15:59:59.000Z');
    // The chosen offset is used: at UTC the first row is 09:00Z.
    expect(iso(readPywxdumpCsv(text, opts(PYW, 0)).records[0]!.at)).toBe('2024-04-01T09:00:00.000Z');
  });

  const part0 = { name: `export/${SPLIT_ROOM}_0_5000.csv`, text: firstPart() };
  const part1 = { name: `${SPLIT_ROOM}_5000_10000.csv`, text: fixture(`pywxdump/split/${SPLIT_ROOM}_5000_10000.csv`) };

  it('joins split parts: figures of a hand count', () => {
    const x = joinPywxdumpParts([part1, part0], CST);
    // Part 0: 1,250 rows per i % 4; the 5 system rows (i = 999 … 4999, all i % 4 = 3) come off wxid_sp04.
    // Part 1: wxid_sp01 1, 我 1, one 系统通知.
    expect(tally(x)).toEqual({
      perMember: { wxid_sp01: 1251, wxid_sp02: 1250, wxid_sp03: 1250, wxid_sp04: 1245, 我: 1 },
      messages: 4997,
      self: 1,
      system: 6,
      joins: [],
      questions: 0,
    });
    expect(x.records).toHaveLength(5003);
    expect(x.groups).toEqual([{ id: SPLIT_ROOM }]);
    // First row 2024-05-01 00:00 local; last row of the set 2024-05-20 10:02:00 local.
    expect(iso(x.records[0]!.at)).toBe('2024-04-30T16:00:00.000Z');
    expect(iso(x.records.at(-1)!.at)).toBe('2024-05-20T02:02:00.000Z');
  });

  it('parts of two rooms in any file order give the same result (property)', () => {
    const other = { name: PYW, text: fixture(PYW) };
    const files = [part0, part1, other];
    const expected = joinPywxdumpParts(files, CST);
    expect(expected.records).toHaveLength(5003 + 8);
    expect(expected.groups.map((g) => g.id).sort()).toEqual(['12345678901@chatroom', '44556677@chatroom']);
    fc.assert(
      fc.property(fc.shuffledSubarray(files, { minLength: 3, maxLength: 3 }), (order) => {
        const got = joinPywxdumpParts(order, CST);
        expect(got.groups).toEqual(expected.groups);
        expect(byTime(got.records)).toEqual(byTime(expected.records));
      }),
      { numRuns: 8 },
    );
  }, 30_000);

  it('with users.json: nicknames, the room name, and join notices naming a known member', () => {
    const users = { name: 'users.json', text: fixture('pywxdump/split/users.json') };
    const x = joinPywxdumpParts([part1, users, part0], CST);
    // The 6 系统通知 rows all say "阿青" joined; users.json gives 阿青 = wxid_sp01, so they are 6 joins, no system rows.
    expect(tally(x)).toMatchObject({ messages: 4997, system: 0, joins: expect.arrayContaining([{ member: 'wxid_sp01', at: '2024-05-20T02:02:00.000Z' }]) });
    expect(tally(x).joins).toHaveLength(6);
    expect(x.groups).toEqual([{ id: SPLIT_ROOM, name: '摄影交流群' }]);
    expect(x.records.find((r) => r.member === 'wxid_sp03')?.name).toBe('北辰');
    const single = joinPywxdumpParts([{ name: PYW, text: fixture(PYW) }, { name: 'single/users.json', text: fixture('pywxdump/single/users.json') }], CST);
    // 小吴 (invited) never spoke, so users.json does not list them: the notice stays a system row.
    expect(tally(single)).toMatchObject({ messages: 5, system: 3, joins: [] });
    expect(single.records.find((r) => r.member === 'wxid_pa02')?.name).toBe('小周');
    expect(failure(() => joinPywxdumpParts([{ name: 'users.json', text: '[1, 2]' }, part1], CST))?.reason).toBe('wrong_shape');
  });

  it('a set with a missing part is refused, naming the missing file', () => {
    const part2 = { name: `${SPLIT_ROOM}_10000_15000.csv`, text: fixture(`pywxdump/missing/${SPLIT_ROOM}_10000_15000.csv`) };
    expect(failure(() => joinPywxdumpParts([part2, part0], CST))).toEqual({ reason: 'missing_part', detail: `${SPLIT_ROOM}_5000_10000.csv` });
    // Without its first part, too.
    expect(failure(() => joinPywxdumpParts([part1], CST))).toEqual({ reason: 'missing_part', detail: `${SPLIT_ROOM}_0_5000.csv` });
  });

  it('a first part with fewer rows than its name says is refused', () => {
    const cut = { ...part0, text: firstPart(4999) };
    expect(failure(() => joinPywxdumpParts([cut, part1], CST))).toEqual({ reason: 'short_part', detail: '4999 / 5000' });
  });
});

describe('chatlog CSV', () => {
  const NAME = '98765432@chatroom_2024-05-01_2024-05-31.csv';
  it('reads the file: figures of a hand count', () => {
    const x = readChatlogCsv(fixture(`chatlog/${NAME}`), opts(NAME));
    // 6 rows: 小满 2, 阿哲 1, 青禾 1; 系统消息: invite of 青禾 (a join), a recall (system).
    expect(tally(x)).toEqual({
      perMember: { wxid_cl01: 2, wxid_cl02: 1, wxid_cl03: 1 },
      messages: 4,
      self: 0,
      system: 1,
      joins: [{ member: 'wxid_cl03', at: '2024-05-01T02:06:00.000Z' }],
      questions: 1,
    });
    expect(x.groups).toEqual([{ id: '98765432@chatroom', name: '读书会' }]);
    expect(x.time).toEqual({ field: 'Time', kind: 'local', offsetMinutes: 480 });
    expect(iso(x.records[0]!.at)).toBe('2024-05-01T02:00:00.000Z');
    expect(iso(x.records.at(-1)!.at)).toBe('2024-05-03T00:00:00.000Z');
    expect(x.records[0]!.name).toBe('小满');
  });
});

describe('WeFlow / EchoTrace JSON', () => {
  const NAME = '晨跑群.json';
  const text = fixture(`weflow/${NAME}`);

  it('masks the sub-type in the high 32 bits of localType', () => {
    expect(baseLocalType(34359748368)).toBe(10000); // 10000 | 8 << 32
    expect(baseLocalType(4294977296)).toBe(10000); // 10000 | 1 << 32
    expect(baseLocalType(244813135921)).toBe(49); // a quote reply: 49 | 57 << 32
    expect(baseLocalType(1)).toBe(1);
  });

  it('reads the file: figures of a hand count', () => {
    const x = readWeflowJson(text, opts(NAME));
    // 8 messages: 晨跑侠 2 (text, image), 跑团助理 1 (isSend), 慢跑龟 2 (text, quote reply with high bits), 风一样 1;
    // localType 10000 (+ sub-types 8 and 1): the invite of 慢跑龟 → join, a recall → system.
    expect(tally(x)).toEqual({
      perMember: { wxid_wf01: 2, wxid_me: 1, wxid_wf02: 2, wxid_wf03: 1 },
      messages: 6,
      self: 1,
      system: 1,
      joins: [{ member: 'wxid_wf02', at: '2024-06-01T00:02:00.000Z' }],
      questions: 1,
    });
    expect(x.groups).toEqual([{ id: '55501234@chatroom', name: '晨跑群' }]);
    expect(x.time).toEqual({ field: 'createTime', kind: 'unix' });
    // createTime 1717203600 (慢跑龟's first) and 1717207300 (the quote reply).
    expect(x.records.filter((r) => r.member === 'wxid_wf02' && r.kind === 'message').map((r) => iso(r.at))).toEqual([
      '2024-06-01T01:00:00.000Z',
      '2024-06-01T02:01:40.000Z',
    ]);
    const reply = x.records.find((r) => r.member === 'wxid_me');
    expect(reply).toMatchObject({ id: '880002', replyTo: '880001', self: true, name: '跑团助理' });
  });

  it('a file cut off mid-way is refused as truncated, broken JSON as not JSON', () => {
    expect(failure(() => readWeflowJson(text.slice(0, Math.floor(text.length / 2)), opts(NAME)))?.reason).toBe('truncated_json');
    expect(failure(() => readWeflowJson('{"messages": [}]', opts(NAME)))?.reason).toBe('bad_json');
    expect(failure(() => readWeflowJson('{"session": {}}', opts(NAME)))?.reason).toBe('wrong_shape');
  });
});

describe('ChatLab JSON and JSONL', () => {
  it('reads the JSON file: figures of a hand count', () => {
    const x = readChatlabJson(fixture('chatlab/城市徒步群.json'), opts('城市徒步群.json'));
    // 5 messages: 青柠 1 text, 山雀 2 (image, text); type 80 invite of 石头 (a member without messages) → join;
    // type 81 recall → system.
    expect(tally(x)).toEqual({
      perMember: { wxid_ck01: 1, wxid_ck02: 2 },
      messages: 3,
      self: 0,
      system: 1,
      joins: [{ member: 'wxid_ck03', at: '2024-07-01T00:02:00.000Z' }],
      questions: 1,
    });
    expect(x.groups).toEqual([{ id: '66601234@chatroom', name: '城市徒步群' }]);
    expect(x.time).toEqual({ field: 'timestamp', kind: 'unix' });
    expect(iso(x.records[0]!.at)).toBe('2024-07-01T00:00:00.000Z');
    expect(iso(x.records.at(-1)!.at)).toBe('2024-07-01T01:01:40.000Z');
    expect(x.records[0]!.name).toBe('青柠-北京');
  });

  it('the JSONL file gives the same records', () => {
    const json = readChatlabJson(fixture('chatlab/城市徒步群.json'), opts('城市徒步群.json'));
    const jsonl = readChatlabJsonl(fixture('chatlab/城市徒步群.jsonl'), opts('城市徒步群.jsonl'));
    expect(jsonl.format).toBe('chatlab-jsonl');
    expect(jsonl.records).toEqual(json.records);
    expect(jsonl.groups).toEqual(json.groups);
  });

  it('a JSONL file whose last line is cut off is refused as truncated', () => {
    const text = fixture('chatlab/城市徒步群.jsonl').trimEnd();
    expect(failure(() => readChatlabJsonl(text.slice(0, -10), opts('x.jsonl')))).toEqual({ reason: 'truncated_json', detail: 'line 9' });
  });
});

describe('WeCom groupchat/get JSON', () => {
  const text = fixture('wecom/groupchat-get.json');
  it('reads two groups into a roster: figures of a hand count', () => {
    const x = readWecomGroupchatJson(text, opts('groupchat-get.json'));
    // 读书会客户群: zhangsan (colleague), ext01, ext02; 跑步客户群: zhangsan, ext01 → 5 entries, 3 people, 3 external.
    expect(x.records).toEqual([]);
    expect(x.groups).toEqual([
      { id: 'wrOgQhDgAAbook01', name: '读书会客户群' },
      { id: 'wrOgQhDgAArun02', name: '跑步客户群' },
    ]);
    expect(x.roster).toHaveLength(5);
    expect(new Set(x.roster.map((r) => r.member)).size).toBe(3);
    expect(x.roster.filter((r) => r.type === 2)).toHaveLength(3);
    const ext01 = x.roster.filter((r) => r.member === 'wmOgQhDgAAext01').map((r) => ({ group: r.group, name: r.name, at: iso(r.joinedAt!) }));
    // join_time 1704067200 and 1709251200; group_nickname when set, else the need_name `name`.
    expect(ext01).toEqual([
      { group: 'wrOgQhDgAAbook01', name: '王小二', at: '2024-01-01T00:00:00.000Z' },
      { group: 'wrOgQhDgAArun02', name: '二哥', at: '2024-03-01T00:00:00.000Z' },
    ]);
    expect(iso(x.roster[0]!.joinedAt!)).toBe('2019-10-31T07:04:51.000Z'); // join_time 1572505491
    expect(x.roster.find((r) => r.member === 'wmOgQhDgAAext02')?.name).toBeUndefined();
  });

  it('one response per line (JSONL) or a single response read the same', () => {
    const responses = JSON.parse(text) as unknown[];
    const jsonl = responses.map((r) => JSON.stringify(r)).join('\n');
    expect(readWecomGroupchatJson(jsonl, opts('x.jsonl'))).toEqual(readWecomGroupchatJson(text, opts('x.json')));
    expect(readWecomGroupchatJson(JSON.stringify(responses[1]), opts('one.json')).roster).toHaveLength(2);
  });

  it('an API error response is refused with its code', () => {
    expect(failure(() => readWecomGroupchatJson('{"errcode":40003,"errmsg":"invalid userid"}', opts('e.json')))).toEqual({
      reason: 'api_error',
      detail: '40003 invalid userid',
    });
  });
});
