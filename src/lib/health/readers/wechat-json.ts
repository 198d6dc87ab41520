/**
 * JSON readers of the WeChat-family exporters and the WeCom customer-group API. Already-decoded text in, a
 * `ChatExport` out, or a `ChatReadError` (truncated JSON, not JSON, not this shape, an API error response).
 *
 * - WeFlow / EchoTrace (hicccc77/WeFlow, `electron/services/export/formatters/JsonFormatter.ts`, 2026-07
 *   commit 46b49ef): `{ weflow, session: { wxid, displayName, type }, messages: [{ createTime, localType,
 *   isSend, senderUsername, senderDisplayName, content, platformMessageId?, replyToMessageId? }] }`; its
 *   `arkme-json` variant writes `senders[]` and `messages[].senderID` instead. Time: `createTime`, Unix seconds.
 *   System rows: `localType` whose low 32 bits are 10000 (the sub-type sits in the high 32 bits).
 * - ChatLab (hellodigua/ChatLab `docs/en/standard/chatlab-format.md` v0.0.1; WeFlow `ChatLabFormatter.ts` writes
 *   v0.0.2): `{ chatlab, meta: { name, groupId? }, members: [{ platformId, accountName, groupNickname? }],
 *   messages: [{ sender, accountName, groupNickname?, timestamp, type, content }] }`; JSONL has one object per
 *   line with `_type` header/member/message and `#` comment lines. Time: `timestamp`, Unix seconds. System rows:
 *   `type` 80 (SYSTEM: join/leave/notice) and 81 (RECALL). The format marks no own account.
 * - WeCom `externalcontact/groupchat/get` (developer.work.weixin.qq.com/document/path/92122, mirrored at 96338):
 *   `{ errcode, errmsg, group_chat: { chat_id, name, member_list: [{ userid, type, join_time, join_scene,
 *   invitor, group_nickname, name? }] } }`, one response, an array of them, or JSONL. Roster only (no activity);
 *   `join_time` is Unix seconds.
 */
import type { ChatExport, ChatGroup, ChatRecord, RosterEntry } from '../chat';
import {
  ChatReadError,
  type PendingNotice,
  type ReadOptions,
  baseName,
  isObject,
  isQuestion,
  noteName,
  parseJson,
  resolveNotices,
  str,
  stripBom,
  unixToMs,
} from './wechat-common';

const badTime = (index: number, value: unknown, fileName: string) =>
  new ChatReadError('bad_date', `message ${index + 1}: ${String(value).slice(0, 30)}`, { fileName });

/** The message type in the low 32 bits of WeChat's `localType` (the sub-type is shifted into the high 32). */
export function baseLocalType(localType: unknown): number {
  const n = Number(localType);
  if (!Number.isFinite(n)) return NaN;
  return Number(BigInt.asUintN(32, BigInt(Math.trunc(n))));
}

/** What one exported message says, in the terms every WeChat-family JSON shares. */
interface MessageFields {
  member: string;
  /** The display name to show; the other names the sender went by only help match join notices. */
  name: string;
  otherNames?: string[];
  /** Unix seconds (or ms) as written. */
  time: unknown;
  system: boolean;
  self?: boolean;
  /** Only a text message can be a question. */
  text: boolean;
}

/**
 * Messages → records, the same way for WeFlow and ChatLab: system rows and sender-less rows become notices
 * (resolved against the names seen, for join dates), the rest are messages with name, own-account flag,
 * reply ids and the question mark. One bad time refuses the file: a half-read file would give wrong figures.
 */
function messageRecords(messages: unknown[], group: string, fileName: string, fields: (m: Record<string, unknown>) => MessageFields, names = new Map<string, Set<string>>()): ChatRecord[] {
  const records: ChatRecord[] = [];
  const notices: PendingNotice[] = [];
  messages.forEach((m, i) => {
    if (!isObject(m)) throw new ChatReadError('wrong_shape', `message ${i + 1}`, { fileName });
    const f = fields(m);
    const at = unixToMs(f.time);
    if (at === null) throw badTime(i, f.time, fileName);
    if (f.system || f.member === '') {
      notices.push({ record: { member: f.member, group, at, kind: 'system' }, text: str(m.content) });
      return;
    }
    for (const n of [f.name, ...(f.otherNames ?? [])]) noteName(names, n, f.member);
    const rec: ChatRecord = { member: f.member, group, at, kind: 'message' };
    if (f.name && f.name !== f.member) rec.name = f.name;
    if (f.self) rec.self = true;
    const id = str(m.platformMessageId);
    if (id) rec.id = id;
    const replyTo = str(m.replyToMessageId);
    if (replyTo) rec.replyTo = replyTo;
    if (f.text && isQuestion(m.content)) rec.question = true;
    records.push(rec);
  });
  records.push(...resolveNotices(notices, names));
  return records.sort((a, b) => a.at - b.at);
}

/** WeFlow / EchoTrace JSON (and its arkme-json variant) → records. */
export function readWeflowJson(text: string, { fileName }: ReadOptions): ChatExport {
  const data = parseJson(text, fileName);
  if (!isObject(data) || !Array.isArray(data.messages)) throw new ChatReadError('wrong_shape', 'messages[]', { fileName });
  const session = isObject(data.session) ? data.session : {};
  const groupId = str(session.wxid) || str(session.username) || baseName(fileName);
  const groupName = str(session.displayName) || str(session.nickname);
  const senders = new Map<string, { wxid: string; name: string }>();
  if (Array.isArray(data.senders)) {
    for (const s of data.senders) if (isObject(s)) senders.set(str(s.senderID), { wxid: str(s.wxid), name: str(s.displayName) || str(s.nickname) });
  }
  const records = messageRecords(data.messages, groupId, fileName, (m) => {
    const viaId = m.senderID !== undefined ? senders.get(str(m.senderID)) : undefined;
    const type = baseLocalType(m.localType);
    return {
      member: str(m.senderUsername) || viaId?.wxid || '',
      name: str(m.senderDisplayName) || viaId?.name || '',
      time: m.createTime,
      system: type === 10000,
      self: Number(m.isSend) === 1 || m.isSend === true,
      text: type === 1,
    };
  });
  const group: ChatGroup = groupName ? { id: groupId, name: groupName } : { id: groupId };
  return { format: 'weflow-json', groups: [group], records, roster: [], time: { field: 'createTime', kind: 'unix' } };
}

interface ChatlabParts {
  meta: Record<string, unknown>;
  members: unknown[];
  messages: unknown[];
}

function chatlabExport(format: string, { meta, members, messages }: ChatlabParts, fileName: string): ChatExport {
  const groupId = str(meta.groupId) || str(meta.name) || baseName(fileName);
  const groupName = str(meta.name);
  const names = new Map<string, Set<string>>();
  const memberName = new Map<string, string>();
  for (const m of members) {
    if (!isObject(m)) continue;
    const id = str(m.platformId);
    const name = str(m.groupNickname) || str(m.accountName);
    if (id && name) memberName.set(id, name);
    noteName(names, str(m.groupNickname), id);
    noteName(names, str(m.accountName), id);
  }
  const records = messageRecords(
    messages,
    groupId,
    fileName,
    (m) => {
      const member = str(m.sender);
      const type = Number(m.type);
      return {
        member,
        name: str(m.groupNickname) || str(m.accountName) || memberName.get(member) || '',
        otherNames: [str(m.groupNickname), str(m.accountName)],
        time: m.timestamp,
        system: type === 80 || type === 81,
        text: type === 0,
      };
    },
    names,
  );
  const group: ChatGroup = groupName && groupName !== groupId ? { id: groupId, name: groupName } : { id: groupId };
  return { format, groups: [group], records, roster: [], time: { field: 'timestamp', kind: 'unix' } };
}

/** ChatLab JSON → records. */
export function readChatlabJson(text: string, { fileName }: ReadOptions): ChatExport {
  const data = parseJson(text, fileName);
  if (!isObject(data) || !isObject(data.chatlab) || !Array.isArray(data.messages)) throw new ChatReadError('wrong_shape', 'chatlab, messages[]', { fileName });
  return chatlabExport(
    'chatlab-json',
    { meta: isObject(data.meta) ? data.meta : {}, members: Array.isArray(data.members) ? data.members : [], messages: data.messages },
    fileName,
  );
}

/** One JSON value per line; `#` lines and blank lines skipped. A bad last line means the file was cut off. */
function jsonLines(text: string, fileName: string): unknown[] {
  const lines = stripBom(text).split(/\r?\n/);
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  const out: unknown[] = [];
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      throw new ChatReadError(i === last ? 'truncated_json' : 'bad_json', `line ${i + 1}`, { fileName });
    }
  }
  return out;
}

/** ChatLab JSONL → records. The first line must be the `header`. */
export function readChatlabJsonl(text: string, { fileName }: ReadOptions): ChatExport {
  const items = jsonLines(text, fileName);
  const head = items[0];
  if (!isObject(head) || head._type !== 'header') throw new ChatReadError('wrong_shape', '_type: header', { fileName });
  const members: unknown[] = [];
  const messages: unknown[] = [];
  for (const it of items) {
    if (!isObject(it)) continue;
    if (it._type === 'member') members.push(it);
    else if (it._type === 'message') messages.push(it);
  }
  return chatlabExport('chatlab-jsonl', { meta: isObject(head.meta) ? head.meta : {}, members, messages }, fileName);
}

/** WeCom `externalcontact/groupchat/get` response(s) → roster entries (one per member per group). */
export function readWecomGroupchatJson(text: string, { fileName }: ReadOptions): ChatExport {
  const t = stripBom(text).trim();
  let values: unknown[];
  if (t.startsWith('[')) {
    const data = parseJson(t, fileName);
    values = Array.isArray(data) ? data : [data];
  } else {
    try {
      values = [JSON.parse(t)];
    } catch {
      values = jsonLines(t, fileName); // JSONL: one response per line
    }
  }
  const groups: ChatGroup[] = [];
  const roster: RosterEntry[] = [];
  values.forEach((v, i) => {
    if (!isObject(v)) throw new ChatReadError('wrong_shape', `response ${i + 1}`, { fileName });
    if (v.errcode !== undefined && Number(v.errcode) !== 0) throw new ChatReadError('api_error', `${str(v.errcode)} ${str(v.errmsg)}`.trim(), { fileName });
    const chat = v.group_chat;
    if (!isObject(chat) || !Array.isArray(chat.member_list)) throw new ChatReadError('wrong_shape', 'group_chat.member_list[]', { fileName });
    const group = str(chat.chat_id) || `${baseName(fileName)}#${i + 1}`;
    const name = str(chat.name);
    groups.push(name ? { id: group, name } : { id: group });
    for (const m of chat.member_list) {
      if (!isObject(m) || !str(m.userid)) continue;
      const entry: RosterEntry = { member: str(m.userid), group };
      const display = str(m.group_nickname) || str(m.name);
      if (display) entry.name = display;
      const joinedAt = unixToMs(m.join_time);
      if (joinedAt !== null) entry.joinedAt = joinedAt;
      if (m.type === 1 || m.type === 2) entry.type = m.type;
      roster.push(entry);
    }
  });
  return { format: 'wecom-groupchat-json', groups, records: [], roster, time: { field: 'join_time', kind: 'unix' } };
}
