/**
 * CSV readers of the WeChat group-history exporters. Each takes already-decoded text and returns a `ChatExport`,
 * or throws a `ChatReadError` with a reason (missing columns, an unreadable time, a missing split part).
 *
 * - 留痕 / MemoTrace (LC044/WeChatMsg, `app/util/exporter/exporter_csv.py`, 2024-02 commit 43d6792 through
 *   2025-03 commit 9d59919): header `localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,
 *   Remark,NickName,Sender`, written as `utf-8-sig` (BOM). Time: `CreateTime`, Unix seconds. Rows come from
 *   `msg_db.get_messages`: `order by CreateTime` (ascending) in 2024, `ORDER BY CreateTime DESC` in 2025.
 *   In group chats `Sender` is the wxid parsed from BytesExtra (own rows: the exporter's own wxid, `IsSender=1`);
 *   system rows (`Type=10000`) have an empty Sender. No group id column: the file name stands for the group.
 * - PyWxDump (xaoyaoo/PyWxDump, `pywxdump/api/export/exportCSV.py`, 2024-04 to 2025-10; WeClone reads these):
 *   header `id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime`, UTF-8 without BOM, pages of
 *   5,000 rows written as `{room}_{start}_{start+5000}.csv`. Time: `CreateTime` as `%Y-%m-%d %H:%M:%S` in the
 *   exporting computer's local time. Own rows (`is_sender=1`): `talker` is `我` (the `my_wxid` default) or the
 *   exporter's wxid (the web API passes it); `系统`/`未知` when no sender can be read from BytesExtra.
 *   System rows by `type_name` (`common_utils.type_converter`, all Type 10000): 系统通知, 拍一拍, 邀请加群, 消息撤回N.
 * - chatlog (sjzar/chatlog, `internal/chatlog/http/route.go` + `model.Message.CSV`, 2025-08): header
 *   `Time,SenderName,Sender,TalkerName,Talker,Content`, no BOM. Time: `Time` as `2006-01-02 15:04:05` local
 *   time. System messages have Sender `系统消息` (`ParseMediaInfo`). No own-account marker.
 */
import Papa from 'papaparse';
import type { ChatExport, ChatGroup, ChatRecord } from '../chat';
import {
  ChatReadError,
  type PendingNotice,
  type ReadOptions,
  baseName,
  isObject,
  isQuestion,
  localTimeToMs,
  noteName,
  parseJson,
  resolveNotices,
  str,
  stripBom,
  unixToMs,
} from './wechat-common';

/** A cell of a row that may be shorter than the header (a ragged line): missing cells read as empty. */
const cellText = (row: readonly string[], i: number): string => row[i] ?? '';
const cell = (row: readonly string[], i: number): string => cellText(row, i).trim();

function rowsOf(text: string): string[][] {
  const parsed = Papa.parse<string[]>(stripBom(text), { skipEmptyLines: true });
  return parsed.data;
}

/** Column index by header name; throws `missing_columns` naming every absent one. */
function columns<K extends string>(header: readonly string[], wanted: readonly K[], fileName: string): Record<K, number> {
  const names = header.map((h) => h.trim());
  const missing = wanted.filter((w) => !names.includes(w));
  if (missing.length > 0) throw new ChatReadError('missing_columns', missing.join(', '), { fileName });
  return Object.fromEntries(wanted.map((w) => [w, names.indexOf(w)])) as Record<K, number>;
}

const badTime = (line: number, value: string, fileName: string) =>
  new ChatReadError('bad_date', `line ${line}: ${value.slice(0, 30)}`, { fileName });

const WECHATMSG_COLUMNS = ['Type', 'IsSender', 'CreateTime', 'StrContent', 'Remark', 'NickName', 'Sender'] as const;

/** 留痕 / MemoTrace (WeChatMsg) CSV → records (ascending or descending rows give the same records, sorted by time). */
export function readWechatMsgCsv(text: string, { fileName }: ReadOptions): ChatExport {
  const [header = [], ...body] = rowsOf(text);
  const c = columns(header, WECHATMSG_COLUMNS, fileName);
  const group = baseName(fileName).replace(/_utf8$/, '');
  const records: ChatRecord[] = [];
  const notices: PendingNotice[] = [];
  const names = new Map<string, Set<string>>();
  body.forEach((row, i) => {
    const line = i + 2;
    // Before 2024-02 (commit 43d6792) private chats were written without the last three cells: no sender at all.
    if (row.length <= c.Sender) throw new ChatReadError('missing_columns', `Sender (line ${line})`, { fileName });
    const raw = cellText(row, c.CreateTime);
    const at = unixToMs(raw);
    if (at === null) throw badTime(line, raw, fileName);
    const member = cell(row, c.Sender);
    const nick = cell(row, c.NickName);
    const remark = cell(row, c.Remark);
    // A member who left is written with wxid in every name column: that is no name.
    const name = nick && nick !== member ? nick : remark && remark !== member ? remark : undefined;
    const content = cellText(row, c.StrContent);
    const type = cell(row, c.Type);
    if (type === '10000' || member === '') {
      notices.push({ record: { member, group, at, kind: 'system' }, text: content });
      return;
    }
    noteName(names, nick, member);
    noteName(names, remark, member);
    const rec: ChatRecord = { member, group, at, kind: 'message' };
    if (name) rec.name = name;
    if (cell(row, c.IsSender) === '1') rec.self = true;
    if (type === '1' && isQuestion(content)) rec.question = true;
    records.push(rec);
  });
  records.push(...resolveNotices(notices, names));
  records.sort((a, b) => a.at - b.at);
  return { format: 'wechatmsg-csv', groups: [{ id: group }], records, roster: [], time: { field: 'CreateTime', kind: 'unix' } };
}

const PYWXDUMP_COLUMNS = ['type_name', 'is_sender', 'talker', 'room_name', 'msg', 'CreateTime'] as const;
const PYWXDUMP_SYSTEM = new Set(['系统通知', '拍一拍', '邀请加群']);
const isPywxdumpSystem = (typeName: string) => PYWXDUMP_SYSTEM.has(typeName) || typeName.startsWith('消息撤回');

/** The `users.json` PyWxDump writes beside the parts: `{ wxid: { wxid, nickname, remark, … } }` (dbMicro.get_user_list). */
export type PywxdumpUsers = Record<string, { nickname?: unknown; remark?: unknown }>;

/** Reads a `users.json` into the map `readPywxdumpCsv` takes; a file of another shape is refused. */
export function readPywxdumpUsers(text: string, fileName = 'users.json'): PywxdumpUsers {
  const data = parseJson(text, fileName);
  if (!isObject(data) || !Object.values(data).every(isObject)) throw new ChatReadError('wrong_shape', '{ wxid: { nickname } }', { fileName });
  return data as PywxdumpUsers;
}

const userName = (users: PywxdumpUsers | undefined, id: string) => {
  const u = users?.[id];
  return u ? str(u.nickname) || str(u.remark) : '';
};

/**
 * PyWxDump / WeClone CSV (one part) → records at `offsetMinutes`. Use `joinPywxdumpParts` for a set of parts.
 * With the `users.json` of the same export, members get their nicknames, the room its name, and join notices
 * naming a known person become join records.
 */
export function readPywxdumpCsv(text: string, { offsetMinutes, fileName }: ReadOptions, users?: PywxdumpUsers): ChatExport {
  const [header = [], ...body] = rowsOf(text);
  const c = columns(header, PYWXDUMP_COLUMNS, fileName);
  const groups = new Map<string, ChatGroup>();
  const records: ChatRecord[] = [];
  const notices: PendingNotice[] = [];
  const names = new Map<string, Set<string>>();
  for (const [id, u] of Object.entries(users ?? {})) {
    if (id.endsWith('@chatroom')) continue; // the rooms themselves are listed too
    noteName(names, str(u.nickname), id);
    noteName(names, str(u.remark), id);
  }
  body.forEach((row, i) => {
    const line = i + 2;
    const raw = cellText(row, c.CreateTime);
    const at = localTimeToMs(raw, offsetMinutes);
    if (at === null) throw badTime(line, raw, fileName);
    const group = cell(row, c.room_name) || baseName(fileName);
    const groupName = userName(users, group);
    if (!groups.has(group)) groups.set(group, groupName ? { id: group, name: groupName } : { id: group });
    const typeName = cell(row, c.type_name);
    const talker = cell(row, c.talker);
    const self = cell(row, c.is_sender) === '1';
    // Join notices carry display names only: they become joins when users.json names that person.
    if (isPywxdumpSystem(typeName) || (!self && (talker === '系统' || talker === '未知' || talker === ''))) {
      notices.push({ record: { member: self ? talker : '', group, at, kind: 'system' }, text: cellText(row, c.msg) });
      return;
    }
    const rec: ChatRecord = { member: talker, group, at, kind: 'message' };
    const name = userName(users, talker);
    if (name) rec.name = name;
    if (self) rec.self = true;
    if (typeName === '文本' && isQuestion(row[c.msg])) rec.question = true;
    records.push(rec);
  });
  records.push(...resolveNotices(notices, names));
  records.sort((a, b) => a.at - b.at);
  return { format: 'pywxdump-csv', groups: [...groups.values()], records, roster: [], time: { field: 'CreateTime', kind: 'local', offsetMinutes } };
}

const PART_NAME = /^(.*)_(\d+)_(\d+)\.csv$/i;

/** The room id and row range PyWxDump writes into a part's file name (`{room}_{start}_{end}.csv`), or null. */
export function pywxdumpPart(fileName: string): { room: string; start: number; end: number } | null {
  const m = PART_NAME.exec(fileName.replace(/^.*[\\/]/, ''));
  return m ? { room: m[1]!, start: Number(m[2]), end: Number(m[3]) } : null;
}

/**
 * Reads PyWxDump parts that belong together (any order), ordered by the row range in their names. Throws
 * `missing_part` naming the first gap as the missing file (e.g. `{room}_5000_10000.csv`), or `short_part` when a part that is not the
 * last of its set holds fewer rows than its name says. Parts of several rooms may be mixed; a `users.json` among
 * the files names the members (see `readPywxdumpCsv`).
 */
export function joinPywxdumpParts(files: readonly { name: string; text: string }[], offsetMinutes: number): ChatExport {
  const isUsers = (name: string) => /(^|[\\/])users\.json$/i.test(name);
  const usersFile = files.find((f) => isUsers(f.name));
  const users = usersFile ? readPywxdumpUsers(usersFile.text, usersFile.name) : undefined;
  const parts = files.filter((f) => !isUsers(f.name)).map((f) => ({ ...f, part: pywxdumpPart(f.name) }));
  const rooms = new Map<string, typeof parts>();
  for (const p of parts) {
    const key = p.part ? p.part.room : `\u0000${p.name}`;
    rooms.set(key, [...(rooms.get(key) ?? []), p]);
  }
  const out: ChatExport = { format: 'pywxdump-csv', groups: [], records: [], roster: [], time: { field: 'CreateTime', kind: 'local', offsetMinutes } };
  const seenGroups = new Set<string>();
  for (const set of rooms.values()) {
    set.sort((a, b) => (a.part?.start ?? 0) - (b.part?.start ?? 0));
    // Every gap is named before any part is read: a missing part is the clearer message than a short one.
    let expected = 0;
    for (const p of set) {
      if (!p.part) continue;
      if (p.part.start !== expected) throw new ChatReadError('missing_part', `${p.part.room}_${expected}_${p.part.start}.csv`, { fileName: p.name });
      expected = p.part.end;
    }
    set.forEach((p, i) => {
      const read = readPywxdumpCsv(p.text, { offsetMinutes, fileName: p.name }, users);
      if (p.part && i < set.length - 1 && read.records.length < p.part.end - p.part.start) {
        throw new ChatReadError('short_part', `${read.records.length} / ${p.part.end - p.part.start}`, { fileName: p.name });
      }
      out.records.push(...read.records);
      for (const g of read.groups) if (!seenGroups.has(g.id)) seenGroups.add(g.id), out.groups.push(g);
    });
  }
  out.records.sort((a, b) => a.at - b.at);
  out.groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

const CHATLOG_COLUMNS = ['Time', 'SenderName', 'Sender', 'TalkerName', 'Talker', 'Content'] as const;

/** chatlog CSV → records at `offsetMinutes`; `系统消息` rows are system rows (joins when the name resolves). */
export function readChatlogCsv(text: string, { offsetMinutes, fileName }: ReadOptions): ChatExport {
  const [header = [], ...body] = rowsOf(text);
  const c = columns(header, CHATLOG_COLUMNS, fileName);
  const groups = new Map<string, ChatGroup>();
  const records: ChatRecord[] = [];
  const notices: PendingNotice[] = [];
  const names = new Map<string, Set<string>>();
  body.forEach((row, i) => {
    const line = i + 2;
    const raw = cellText(row, c.Time);
    const at = localTimeToMs(raw, offsetMinutes);
    if (at === null) throw badTime(line, raw, fileName);
    const group = cell(row, c.Talker) || baseName(fileName);
    const groupName = cell(row, c.TalkerName);
    if (!groups.has(group)) groups.set(group, groupName ? { id: group, name: groupName } : { id: group });
    const member = cell(row, c.Sender);
    const content = cellText(row, c.Content);
    if (member === '系统消息' || member === '') {
      notices.push({ record: { member: '', group, at, kind: 'system' }, text: content });
      return;
    }
    const name = cell(row, c.SenderName);
    noteName(names, name, member);
    const rec: ChatRecord = { member, group, at, kind: 'message' };
    if (name && name !== member) rec.name = name;
    if (isQuestion(content)) rec.question = true;
    records.push(rec);
  });
  records.push(...resolveNotices(notices, names));
  records.sort((a, b) => a.at - b.at);
  return { format: 'chatlog-csv', groups: [...groups.values()], records, roster: [], time: { field: 'Time', kind: 'local', offsetMinutes } };
}
