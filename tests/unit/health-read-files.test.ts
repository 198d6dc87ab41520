import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/lib/health/readers/detect';
import { readChatFiles, zipKind, type ChatFileInput } from '../../src/lib/health/readers/read-files';
import { summarizeChat } from '../../src/lib/health/chat-summary';
import { exportFixture } from './health-helpers';

const CST = 480;
/** A fixture as the worker hands it over: name, detected format, text, and the file's date. */
const input = (path: string, lastModified = 0, name = path.split('/').at(-1)!): ChatFileInput => {
  const text = exportFixture(path);
  return { name, format: detectFormat(name, text.slice(0, 4096)), text, lastModified };
};
const ROOM = '12345678901@chatroom';

/** A full first PyWxDump part (5,000 rows, all wxid_sp01…04 text messages), as the exporter writes it. */
function firstPart(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = ['id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime'];
  for (let i = 0; i < 5000; i++) {
    lines.push(`${i + 1},7${i},文本,0,wxid_sp0${(i % 4) + 1},${ROOM},好,,2024-05-${pad(1 + Math.floor(i / 1440))} ${pad(Math.floor((i % 1440) / 60))}:${pad(i % 60)}:00`);
  }
  return lines.join('\n') + '\n';
}

describe('readChatFiles', () => {
  it('reads mixed formats, refusing only the file it cannot read, and says why', () => {
    const read = readChatFiles(
      [
        input('wechatmsg/产品交流群_utf8.csv'),
        input('dce-channel.json'),
        { name: 'notes.json', format: 'unknown', text: '{"a":1}' },
        { name: 'members.csv', format: 'generic', text: 'member,date\nu1,2024-01-01\n' },
        { name: 'cut.json', format: 'dce-json', text: exportFixture('dce-channel.json').slice(0, 900) },
      ],
      { offsetMinutes: CST },
    );
    expect(read.exports.map((x) => x.format)).toEqual(['wechatmsg-csv', 'dce-json']);
    expect(read.files.map((f) => [f.name, f.records > 0, f.refused?.reason])).toEqual([
      ['产品交流群_utf8.csv', true, undefined],
      ['dce-channel.json', true, undefined],
      ['notes.json', false, 'unknown_format'],
      ['members.csv', false, 'generic_with_others'],
      ['cut.json', false, 'truncated_json'],
    ]);
    // Hand counts of the two fixtures: 6 + 5 counted messages, 4 + 3 speakers, no ID shared.
    const { summary } = summarizeChat(read.exports, { offsetMinutes: CST });
    expect(summary.format).toEqual(['wechatmsg-csv', 'dce-json']);
    expect([summary.messages, summary.speakers]).toEqual([11, 7]);
  });

  it('reads PyWxDump parts of one room as a set and names a missing part; users.json alone is refused', () => {
    const part0 = { name: `${ROOM}_0_5000.csv`, format: 'pywxdump-csv' as const, text: firstPart() };
    const part1 = input(`pywxdump/split/${ROOM}_5000_10000.csv`);
    const users = input('pywxdump/split/users.json');
    const ok = readChatFiles([part1, users, part0], { offsetMinutes: CST });
    expect(ok.files.map((f) => f.refused)).toEqual([undefined, undefined, undefined]);
    expect(ok.files[0]!.parts).toBe(2);
    expect(ok.exports).toHaveLength(1);
    expect(ok.exports[0]!.records.find((r) => r.member === 'wxid_sp03')?.name).toBe('北辰');
    const gap = readChatFiles([part0, input(`pywxdump/missing/${ROOM}_10000_15000.csv`), input('wechatmsg/产品交流群_utf8.csv')], { offsetMinutes: CST });
    expect(gap.files.map((f) => f.refused)).toEqual([
      { reason: 'missing_part', detail: `${ROOM}_5000_10000.csv` },
      { reason: 'missing_part', detail: `${ROOM}_5000_10000.csv` },
      undefined,
    ]);
    expect(gap.exports.map((x) => x.format)).toEqual(['wechatmsg-csv']);
    expect(readChatFiles([users], { offsetMinutes: CST }).files[0]!.refused).toEqual({ reason: 'users_json_alone', detail: '' });
  });

  it('two rosters of one group: the newer is the group now, the older gives the leavers', () => {
    const older = input('wecom/groupchat-get.json', 1_000);
    const newer = input('wecom/groupchat-get-later.json', 2_000);
    // Given newest first, the file dates still decide.
    const read = readChatFiles([newer, older, input('wechatmsg/产品交流群_utf8.csv')], { offsetMinutes: CST });
    expect(read.rosters).toHaveLength(1);
    const [book] = read.rosters;
    expect([book!.group, book!.groupName, book!.before, book!.after]).toEqual(['wrOgQhDgAAbook01', '读书会客户群', 'groupchat-get.json', 'groupchat-get-later.json']);
    expect(book!.left.map((e) => e.member)).toEqual(['wmOgQhDgAAext02']);
    expect(book!.arrived.map((e) => e.member)).toEqual(['wmOgQhDgAAext03']);
    // Silent now: the book group per the newer file (zhangsan, ext01, ext03) and the run group per the older
    // (zhangsan, ext01) → 3 distinct IDs; the leaver ext02 is no silent member (it would be with both rosters kept).
    const { summary } = summarizeChat(read.exports, { offsetMinutes: CST });
    expect(summary.silentMembers).toBe(3);
    expect(summary.groups.find((g) => g.group === 'wrOgQhDgAAbook01')?.members).toBe(3);
    expect(summary.groups.find((g) => g.group === 'wrOgQhDgAArun02')?.members).toBe(2);
  });
});

describe('readChatFiles, edges', () => {
  it('a Slack zip among other files is read by readSlackZip; a damaged zip is refused on its own', () => {
    const slack = zipSync({
      'users.json': strToU8(JSON.stringify([{ id: 'U01', name: 'mia', profile: { display_name: 'mia' } }])),
      'channels.json': strToU8(JSON.stringify([{ id: 'C01', name: 'general', members: ['U01'] }])),
      'general/2024-02-01.json': strToU8(JSON.stringify([{ type: 'message', user: 'U01', ts: '1706774460.000200', text: 'hi' }])),
    });
    const read = readChatFiles(
      [
        { name: 'export.zip', format: 'slack-zip', bytes: slack },
        { name: 'broken.zip', format: 'slack-zip', bytes: new Uint8Array([1, 2, 3]) },
        { name: 'empty.zip', format: 'slack-zip' },
      ],
      { offsetMinutes: CST },
    );
    expect(read.files.map((f) => [f.records, f.roster, f.refused?.reason])).toEqual([
      [1, 1, undefined],
      [0, 0, 'bad_zip'],
      [0, 0, 'bad_zip'],
    ]);
  });

  it('an unreadable users.json is refused while the parts are read; a part without a range in its name is a set of its own', () => {
    const read = readChatFiles(
      [
        { name: 'users.json', format: 'pywxdump-users-json', text: '[1, 2]' },
        { name: 'other/users.json', format: 'pywxdump-users-json', text: exportFixture('pywxdump/single/users.json') },
        { name: 'more/users.json', format: 'pywxdump-users-json', text: exportFixture('pywxdump/split/users.json') },
        { name: 'room.csv', format: 'pywxdump-csv', text: exportFixture('pywxdump/single/44556677@chatroom_0_9.csv') },
        { name: 'no-text.csv', format: 'pywxdump-csv' },
        { name: 'no-text.json', format: 'dce-json' },
        { name: 'nothing/users.json', format: 'pywxdump-users-json' },
      ],
      { offsetMinutes: CST },
    );
    expect(read.files.map((f) => f.refused?.reason)).toEqual(['wrong_shape', undefined, undefined, undefined, 'missing_columns', 'not_json', 'bad_json']);
    // The first users.json that reads names the members (小周 = wxid_pa02 in the single export's list).
    expect(read.exports[0]!.records.find((r) => r.member === 'wxid_pa02')?.name).toBe('小周');
    expect(read.files[3]!.parts).toBeUndefined();
  });

  it('rosters saved at the same time are ordered by file name, and a file without a date counts as oldest', () => {
    const roster = (group: string, members: string[], name?: string) => ({
      format: 'wecom-groupchat-json' as const,
      text: JSON.stringify({ errcode: 0, group_chat: { chat_id: group, ...(name ? { name } : {}), member_list: members.map((userid) => ({ userid })) } }),
    });
    const same = readChatFiles(
      [
        { name: 'b.json', lastModified: 5, ...roster('g', ['x', 'y']) },
        { name: 'a.json', lastModified: 5, ...roster('g', ['x']) },
        { name: 'ab.json', lastModified: 5, ...roster('g', ['x']) },
      ],
      { offsetMinutes: CST },
    );
    expect(same.rosters).toEqual([{ group: 'g', before: 'a.json', after: 'b.json', left: [], arrived: [{ member: 'y', group: 'g' }] }]);
    const undated = readChatFiles([{ name: 'z.json', lastModified: 1, ...roster('g', ['x'], 'G') }, { name: 'y.json', ...roster('g', ['x', 'w']) }], { offsetMinutes: CST });
    expect(undated.rosters[0]).toMatchObject({ before: 'y.json', after: 'z.json', groupName: 'G', left: [{ member: 'w' }] });
  });
});

describe('zipKind', () => {
  it('tells an Excel workbook from a Slack export by the entry names', () => {
    expect(zipKind(zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'xl/workbook.xml': strToU8('<x/>') }))).toBe('xlsx');
    expect(zipKind(zipSync({ 'users.json': strToU8('[]'), 'channels.json': strToU8('[]'), 'general/2024-01-01.json': strToU8('[]') }))).toBe('slack');
    expect(zipKind(zipSync({ 'Acme export/channels.json': strToU8('[]') }))).toBe('slack');
    expect(zipKind(zipSync({ 'notes.txt': strToU8('hi') }))).toBe('other');
    expect(zipKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('other');
  });
});
