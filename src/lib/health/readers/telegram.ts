/**
 * Telegram Desktop's JSON export, `result.json` (github.com/telegramdesktop/tdesktop,
 * `Telegram/SourceFiles/export/output/export_output_json.cpp`, 2018–2025).
 *
 * Shapes: one chat (`name`, `type`, `id`, `messages[]` at the top) or the whole account (`personal_information`,
 * `chats.list[]` and `left_chats.list[]`, each a chat as above). Of a whole-account export only groups and
 * channels are read (`*_group`, `*_supergroup`, `*_channel`), and messages from `personal_information.user_id`
 * are marked `self`.
 *
 * Time: `date_unixtime` (Unix seconds as a string, written since 2022-06; kind `unix`). Older files have only
 * `date`, the exporting machine's local time without a zone (`2021-03-05T14:30:00`), read at `offsetMinutes`.
 *
 * Senders: `from_id` is `"user123"` / `"channel123"` since 2021-04, a bare number (a user id) before; numbers are
 * written `user<n>` so old and new files merge. Records' `id` and `replyTo` are `<chat id>:<message id>` (message
 * ids repeat across chats); a reply into another chat (`reply_to_peer_id`) is not linked.
 *
 * System rows: `type: "service"` with `action`. `join_group_by_link` → `join` of the `actor`; `invite_members` →
 * a `join` per name in `members[]`, `remove_members` → a `leave` per name (the writer gives names, not ids: a name
 * is matched to the id it sends under anywhere in the file, and one never seen sending is kept as `name:<name>`;
 * deleted accounts, written `null`, are skipped). Every other action is `system`. `unsupported` entries (no sender,
 * no date) and messages without `from_id` are skipped. `text` is a string or an array of strings and
 * `{type, text}` parts; both are read for the question test and dropped.
 */
import type { ChatExport, ChatGroup, ChatRecord, ChatRecordKind } from '../chat';
import { ChatReadError, isObject, isQuestion, offsetOf, parseIsoTime, parseJsonText, str, type ReadOptions } from './intl-common';

const F = 'telegram-json';
type Obj = Record<string, unknown>;

/** `from_id` / `actor_id`: `"user123"` as written since 2021, a bare number before. */
const peerId = (v: unknown): string | undefined => (typeof v === 'number' ? `user${v}` : str(v));

/** The text of `text`, whether a plain string or an array of strings and `{type, text}` entity parts. */
export function telegramText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) return '';
  return v.map((p) => (typeof p === 'string' ? p : isObject(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

function chatsOf(data: Obj): Obj[] {
  if (Array.isArray(data.messages)) return [data];
  const lists = [data.chats, data.left_chats].filter(isObject).map((l) => l.list);
  if (lists.length === 0 || !lists.every(Array.isArray)) throw new ChatReadError('wrong_shape', '', { format: F });
  return (lists as unknown[][])
    .flat()
    .filter(isObject)
    .filter((c) => Array.isArray(c.messages) && /group|channel/.test(String(c.type)));
}

export function readTelegramJson(text: string, options: ReadOptions): ChatExport {
  const data = parseJsonText(text, F);
  if (!isObject(data)) throw new ChatReadError('wrong_shape', '', { format: F });
  const chats = chatsOf(data);
  const offset = offsetOf(options);
  const me = isObject(data.personal_information) ? str(data.personal_information.user_id) : undefined;
  const selfId = me === undefined ? undefined : `user${me}`;

  // Names → ids, from every sender and actor in the file, so invitees named in `members[]` find their id.
  const idByName = new Map<string, string>();
  for (const chat of chats)
    for (const m of chat.messages as unknown[]) {
      if (!isObject(m)) continue;
      for (const [nameKey, idKey] of [['from', 'from_id'], ['actor', 'actor_id']] as const) {
        const name = str(m[nameKey]);
        const id = peerId(m[idKey]);
        if (name !== undefined && id !== undefined) idByName.set(name, id);
      }
    }

  let unix = 0;
  let local = 0;
  const groups: ChatGroup[] = [];
  const records: ChatRecord[] = [];
  for (const chat of chats) {
    const group = str(chat.id) ?? options.fileName;
    const name = str(chat.name);
    groups.push(name === undefined ? { id: group } : { id: group, name });
    (chat.messages as unknown[]).forEach((m, i) => {
      if (!isObject(m)) throw new ChatReadError('wrong_shape', `${group} messages[${i}]`, { format: F });
      if (m.type === 'unsupported') return;
      let at: number | undefined;
      const raw = str(m.date_unixtime);
      if (raw !== undefined && /^\d+$/.test(raw)) {
        at = Number(raw) * 1000;
        unix++;
      } else {
        const t = typeof m.date === 'string' ? parseIsoTime(m.date, offset) : null;
        if (t !== null) {
          at = t.ms;
          local++;
        }
      }
      if (at === undefined) throw new ChatReadError('bad_date', `${group} messages[${i}]`, { format: F });
      const push = (member: string, kind: ChatRecordKind, who?: string) => {
        const r: ChatRecord = { member, group, at: at!, kind };
        if (who !== undefined) r.name = who;
        if (selfId !== undefined && member === selfId) r.self = true;
        records.push(r);
        return r;
      };
      if (m.type === 'service') {
        const actor = peerId(m.actor_id);
        const actorName = str(m.actor);
        const action = str(m.action);
        if ((action === 'invite_members' || action === 'remove_members') && Array.isArray(m.members)) {
          const kind = action === 'invite_members' ? 'join' : 'leave';
          for (const who of m.members) {
            if (typeof who !== 'string' || who === '') continue;
            push((who === actorName ? actor : undefined) ?? idByName.get(who) ?? `name:${who}`, kind, who);
          }
        } else if (action === 'join_group_by_link' && actor !== undefined) push(actor, 'join', actorName);
        else push(actor ?? `chat:${group}`, 'system', actorName);
        return;
      }
      const from = peerId(m.from_id);
      if (from === undefined) return;
      const r = push(from, 'message', str(m.from));
      const id = str(m.id);
      if (id !== undefined) r.id = `${group}:${id}`;
      const reply = str(m.reply_to_message_id);
      if (reply !== undefined && m.reply_to_peer_id === undefined) r.replyTo = `${group}:${reply}`;
      if (isQuestion(telegramText(m.text))) r.question = true;
    });
  }
  if (records.length === 0) throw new ChatReadError('no_messages', '', { format: F });
  const time = local === 0 ? { field: 'date_unixtime', kind: 'unix' as const } : { field: 'date', kind: 'local' as const, offsetMinutes: offset };
  return { format: F, groups, records, roster: [], time };
}
