/**
 * Slack's workspace export, a `.zip` (layout as Slack's help page "How to read Slack data exports" describes it):
 * `users.json` (`id`, `name`, `real_name`, `is_bot`, `profile.display_name/real_name`), `channels.json` (and
 * `groups.json`, `mpims.json`, `dms.json` when private data is included: `id`, `name`, `members[]`), and one
 * folder per conversation, named after it, holding a `YYYY-MM-DD.json` array of messages per day.
 *
 * Time: `ts`, Unix seconds with microseconds as a string (`"1614556800.000200"`; kind `unix`).
 *
 * Rows: `channel_join`/`group_join` → `join`, `channel_leave`/`group_leave` → `leave`; no subtype, `bot_message`,
 * `thread_broadcast`, `file_share`, `me_message` → `message`; any other subtype (topic, purpose, rename, pins,
 * archive, tombstone…) → `system`. Bots: `users.json` `is_bot` (and Slackbot `USLACKBOT`), or a message's
 * `bot_id`; a bot message without `user` is sent by its `bot_id`. Names: `profile.display_name || real_name ||
 * name`, else the message's `user_profile`. Thread replies (`thread_ts` ≠ `ts`) point at the thread's first
 * message; `id`/`replyTo` are `<channel id>:<ts>`. Channel `members[]` fill the roster (who is in it now).
 * Entries are read in name order, so the same zip always gives the same records whatever its entry order.
 */
import { unzipSync } from 'fflate';
import type { ChatExport, ChatGroup, ChatRecord, ChatRecordKind, RosterEntry } from '../chat';
import { ChatReadError, isObject, isQuestion, parseJsonText, str, type ReadOptions } from './intl-common';

const F = 'slack-zip';
const DAY_FILE = /^(.*\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
const MESSAGE_SUBTYPES = new Set(['bot_message', 'thread_broadcast', 'file_share', 'me_message', 'reply_broadcast']);
const KIND: Record<string, ChatRecordKind> = { channel_join: 'join', group_join: 'join', channel_leave: 'leave', group_leave: 'leave' };

/** `"1614556800.000200"` → epoch milliseconds, digit by digit so no float rounding creeps in. */
function tsMs(ts: unknown): number | null {
  const m = typeof ts === 'string' ? /^(\d+)(?:\.(\d+))?$/.exec(ts) : null;
  return m ? Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3)) : null;
}

const decoder = new TextDecoder('utf-8');

export function readSlackZip(bytes: Uint8Array, _options: ReadOptions): ChatExport {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ChatReadError('bad_zip', '', { format: F });
  }
  const names = Object.keys(files)
    .filter((n) => !n.startsWith('__MACOSX/'))
    .sort();
  // A zip re-made from the unpacked folder puts everything one folder down: take users.json's folder as the root.
  const usersPath = names.filter((n) => /^([^/]+\/)?users\.json$/.test(n)).sort((a, b) => a.length - b.length)[0];
  if (usersPath === undefined) throw new ChatReadError('slack_no_users', '', { format: F });
  const root = usersPath.slice(0, -'users.json'.length);
  const json = (path: string): unknown => parseJsonText(decoder.decode(files[path]!), F);
  const list = (path: string): Record<string, unknown>[] => {
    if (files[root + path] === undefined) return [];
    const v = json(root + path);
    if (!Array.isArray(v)) throw new ChatReadError('wrong_shape', path, { format: F });
    return v.filter(isObject);
  };

  const nameOf = new Map<string, string>();
  const bots = new Set<string>(['USLACKBOT']);
  for (const u of list('users.json')) {
    const id = str(u.id);
    if (id === undefined) continue;
    const p = isObject(u.profile) ? u.profile : {};
    const name = str(p.display_name) ?? str(p.real_name) ?? str(u.real_name) ?? str(u.name);
    if (name !== undefined) nameOf.set(id, name);
    if (u.is_bot === true) bots.add(id);
  }

  // Conversation folders are named by `name` (channels, private channels, group DMs) or by `id` (DMs).
  const channelByFolder = new Map<string, { id: string; name?: string; members: string[] }>();
  for (const file of ['channels.json', 'groups.json', 'mpims.json', 'dms.json'])
    for (const c of list(file)) {
      const id = str(c.id);
      if (id === undefined) continue;
      const name = str(c.name);
      const members = Array.isArray(c.members) ? c.members.filter((m): m is string => typeof m === 'string') : [];
      channelByFolder.set(name ?? id, name === undefined ? { id, members } : { id, name, members });
    }

  const groups = new Map<string, ChatGroup>();
  const records: ChatRecord[] = [];
  for (const path of names) {
    const m = DAY_FILE.exec(path);
    if (!m || (m[1] ?? '') !== root) continue;
    const folder = m[2]!;
    const channel = channelByFolder.get(folder);
    const group = channel?.id ?? folder;
    if (!groups.has(group)) groups.set(group, channel?.name ? { id: group, name: channel.name } : { id: group, name: folder });
    const day = json(path);
    if (!Array.isArray(day)) throw new ChatReadError('wrong_shape', path, { format: F });
    for (const msg of day) {
      if (!isObject(msg)) continue;
      const at = tsMs(msg.ts);
      if (at === null) throw new ChatReadError('bad_date', path, { format: F });
      const subtype = str(msg.subtype);
      const botId = str(msg.bot_id);
      const member = str(msg.user) ?? botId;
      if (member === undefined) continue; // nobody sent it (e.g. a deleted-message tombstone without user)
      const kind: ChatRecordKind = subtype === undefined || MESSAGE_SUBTYPES.has(subtype) ? 'message' : (KIND[subtype] ?? 'system');
      const r: ChatRecord = { member, group, at, kind };
      const profile = isObject(msg.user_profile) ? msg.user_profile : {};
      const botProfile = isObject(msg.bot_profile) ? msg.bot_profile : {};
      const name = nameOf.get(member) ?? str(profile.display_name) ?? str(profile.real_name) ?? str(msg.username) ?? str(botProfile.name);
      if (name !== undefined) r.name = name;
      if (bots.has(member) || botId !== undefined || subtype === 'bot_message') r.bot = true;
      const ts = str(msg.ts)!;
      r.id = `${group}:${ts}`;
      const thread = str(msg.thread_ts);
      if (thread !== undefined && thread !== ts) r.replyTo = `${group}:${thread}`;
      if (kind === 'message' && typeof msg.text === 'string' && isQuestion(msg.text)) r.question = true;
      records.push(r);
    }
  }
  if (records.length === 0) throw new ChatReadError('no_messages', '', { format: F });
  const roster: RosterEntry[] = [];
  for (const c of channelByFolder.values())
    if (groups.has(c.id))
      for (const member of c.members) {
        const name = nameOf.get(member);
        roster.push(name === undefined ? { member, group: c.id } : { member, group: c.id, name });
      }
  return { format: F, groups: [...groups.values()], records, roster, time: { field: 'ts', kind: 'unix' } };
}
