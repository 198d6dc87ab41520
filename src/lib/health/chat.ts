/**
 * The common shape every chat-export reader produces (WeChat exporters, WeCom rosters, Discord, Telegram,
 * Slack) and every chat analysis reads. Readers live in `src/lib/health/readers/`, one file per format family;
 * analyses (lifecycle, weekday × hour, response, presence tiers) in `src/lib/health/`.
 *
 * Times are absolute instants (milliseconds since the Unix epoch). A format that writes zone-less local times
 * is converted with the offset the user chose (default UTC+8), and says so in `ChatExport.time`.
 */

/** What a row of an export is: only `message` is activity; the others are kept for join dates and counts. */
export type ChatRecordKind = 'message' | 'join' | 'leave' | 'system';

export interface ChatRecord {
  /** The sender's platform ID (wxid, Discord author id, Telegram `from_id`, Slack user id). Never a message number. */
  member: string;
  /** The sender's display name on this record, when the format has one. */
  name?: string;
  /** Platform ID of the group / channel / chat (or the file's name when the format has none). */
  group: string;
  /** Milliseconds since the Unix epoch. */
  at: number;
  kind: ChatRecordKind;
  /** Written by the exporting account itself (`IsSender=1`, `isSend`, `我`, `isSelf`). */
  self?: boolean;
  /** The platform marks the sender as a bot (Discord `isBot`, Slack `bot_id`/`is_bot`). */
  bot?: boolean;
  /** The record's own id, when replies can point at it. */
  id?: string;
  /** The id of the record this one replies to (Discord `reference.messageId`, Telegram `reply_to_message_id`). */
  replyTo?: string;
  /** The text asks something (ends in ? or ？), decided in the reader; the text itself is never kept. */
  question?: boolean;
}

/** A member as a roster lists them (WeCom `groupchat/get`): present in the group now, whether or not they speak. */
export interface RosterEntry {
  member: string;
  name?: string;
  group: string;
  /** Milliseconds since the Unix epoch, when the roster gives it. */
  joinedAt?: number;
  /** 1 = colleague (enterprise member), 2 = external contact, as WeCom writes it. */
  type?: number;
}

export interface ChatGroup {
  id: string;
  name?: string;
}

/** Which clock the times came from, so the page can say which field was used. */
export interface ChatTimeSource {
  /** The field read, as the format names it (e.g. `CreateTime`, `date_unixtime`, `timestamp`). */
  field: string;
  /** `unix`: epoch numbers; `zoned`: text with an offset; `local`: zone-less text read at `offsetMinutes`. */
  kind: 'unix' | 'zoned' | 'local';
  offsetMinutes?: number;
}

/** One file (or one zip / one set of split parts) read by a reader. */
export interface ChatExport {
  /** Stable id of the format, e.g. `wechatmsg-csv`, `pywxdump-csv`, `weflow-json`, `chatlab-json`. */
  format: string;
  groups: ChatGroup[];
  records: ChatRecord[];
  roster: RosterEntry[];
  time: ChatTimeSource | null;
}
