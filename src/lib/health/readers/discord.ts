/**
 * DiscordChatExporter (github.com/Tyrrrz/DiscordChatExporter) exports, JSON and CSV.
 *
 * JSON — `JsonMessageWriter.cs` (2020–2026): `guild {id,name}`, `channel {id,name,…}`, `messages[]` with `id`,
 * `type` (the `MessageKind` name), `timestamp` (ISO 8601 with offset; time kind `zoned`), `content`,
 * `author {id,name,nickname,isBot}` and, on replies, `reference {messageId}`. `Default`/`Reply` are messages,
 * `GuildMemberJoin` is the author joining, every other type (pins, thread created, calls, renames…) is `system`.
 * A reply points at `reference.messageId` only when its type is `Reply` (pins and forwards carry references too).
 *
 * CSV — `CsvMessageWriter.cs`: header `AuthorID,Author,Date,Content,Attachments,Reactions` since 2019-12
 * (`AuthorID;Author;…;` with semicolons 2019-09..12, `Author;Date;…` before), every field quoted. `Date` has had
 * these styles: `dd-MMM-yy hh:mm tt` (default until 2023-02, InvariantCulture), `MM/dd/yyyy h:mm tt`
 * (2023-02..09), the chosen locale's "g" pattern (2023-09..11, e.g. `3/5/2023 2:30 PM`, `05/03/2023 14:30`,
 * `05.03.2023 14:30`, `2023/3/5 14:30`), `unix`/`unixms` when asked for (2020-10..2023-09), and ISO 8601 "o"
 * with offset since 2023-11. Zone-less styles were written in the exporting machine's time zone: they are read
 * at `offsetMinutes` (kind `local`). The CSV carries no message type, bot flag or reply link: every row is a message.
 */
import Papa from 'papaparse';
import type { ChatExport, ChatRecord, ChatTimeSource } from '../chat';
import { ChatReadError, isObject, isQuestion, offsetOf, parseIsoTime, parseJsonText, str, wallClockMs, type ReadOptions } from './intl-common';

const MESSAGE_TYPES = new Set(['Default', 'Reply']);

export function readDiscordJson(text: string, options: ReadOptions): ChatExport {
  const F = 'dce-json';
  const data = parseJsonText(text, F);
  if (!isObject(data) || !Array.isArray(data.messages) || !isObject(data.channel)) throw new ChatReadError('wrong_shape', '', { format: F });
  if (data.messages.length === 0) throw new ChatReadError('no_messages', '', { format: F });
  const channel = data.channel;
  const guild = isObject(data.guild) ? data.guild : {};
  const group = str(channel.id) ?? options.fileName;
  const channelName = str(channel.name);
  const guildName = str(guild.name);
  const offset = offsetOf(options);
  let zoned = true;
  const records: ChatRecord[] = [];
  data.messages.forEach((m: unknown, i: number) => {
    if (!isObject(m) || !isObject(m.author)) throw new ChatReadError('wrong_shape', `messages[${i}]`, { format: F });
    const time = typeof m.timestamp === 'string' ? parseIsoTime(m.timestamp, offset) : null;
    if (time === null) throw new ChatReadError('bad_date', `messages[${i}]`, { format: F });
    zoned &&= time.zoned;
    const member = str(m.author.id);
    if (member === undefined) throw new ChatReadError('wrong_shape', `messages[${i}].author`, { format: F });
    const type = str(m.type) ?? 'Default';
    const kind = MESSAGE_TYPES.has(type) ? 'message' : type === 'GuildMemberJoin' ? 'join' : 'system';
    const record: ChatRecord = { member, group, at: time.ms, kind };
    const name = str(m.author.nickname) ?? str(m.author.name);
    if (name !== undefined) record.name = name;
    if (m.author.isBot === true) record.bot = true;
    const id = str(m.id);
    if (id !== undefined) record.id = id;
    const replyTo = type === 'Reply' && isObject(m.reference) ? str(m.reference.messageId) : undefined;
    if (replyTo !== undefined) record.replyTo = replyTo;
    if (kind === 'message' && typeof m.content === 'string' && isQuestion(m.content)) record.question = true;
    records.push(record);
  });
  const time: ChatTimeSource = zoned ? { field: 'timestamp', kind: 'zoned' } : { field: 'timestamp', kind: 'local', offsetMinutes: offset };
  const groupName = guildName && channelName ? `${guildName} #${channelName}` : (channelName ?? guildName);
  return { format: F, groups: [groupName ? { id: group, name: groupName } : { id: group }], records, roster: [], time };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `dd-MMM-yy hh:mm tt`, DCE's default until February 2023: `05-Mar-21 02:30 PM`. */
const DD_MMM_YY = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])$/;
/** Numeric day, month and year in some order, then a 24- or 12-hour time: the `MM/dd/yyyy` default and locale "g". */
const NUMERIC = /^(\d{1,4})([./-])\s?(\d{1,2})\2\s?(\d{1,4})\.?,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp]\.?[Mm]\.?))?$/;

const hour12 = (h: number, tt: string | undefined) => (tt === undefined ? h : (h % 12) + (/^p/i.test(tt) ? 12 : 0));
const fullYear = (y: string) => (y.length <= 2 ? 2000 + Number(y) : Number(y));

type Order = 'ymd' | 'dmy' | 'mdy';

/** Which order a file's numeric dates use: the values themselves decide when a part exceeds 12, else the style. */
function numericOrder(values: readonly RegExpExecArray[]): Order | 'conflict' {
  const first = values[0]!;
  if (first[1]!.length === 4) return 'ymd';
  const dayFirst = values.some((m) => Number(m[1]) > 12);
  const monthFirst = values.some((m) => Number(m[3]) > 12);
  if (dayFirst && monthFirst) return 'conflict';
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  // en-US writes "AM"/"PM" with slashes; en-AU/en-GB-style 12-hour locales write "am"/"pm"; 24-hour ones are day-first.
  return first[2] === '/' && first[8] !== undefined && /^[AP]/.test(first[8]) ? 'mdy' : 'dmy';
}

/** Reads every `Date` cell of one CSV with the one style the file uses; null when a cell fits none. */
function csvTimes(cells: readonly string[], offset: number): { ms: number[]; time: ChatTimeSource } | 'conflict' | null {
  const sample = cells[0]!.trim();
  const local: ChatTimeSource = { field: 'Date', kind: 'local', offsetMinutes: offset };
  if (/^\d{10}(\d{3})?$/.test(sample)) {
    const ms = cells.map((c) => (/^\d{10}$/.test(c.trim()) ? Number(c) * 1000 : /^\d{13}$/.test(c.trim()) ? Number(c) : NaN));
    return ms.some(Number.isNaN) ? null : { ms, time: { field: 'Date', kind: 'unix' } };
  }
  if (parseIsoTime(sample, offset) !== null) {
    let zoned = true;
    const ms: number[] = [];
    for (const c of cells) {
      const t = parseIsoTime(c, offset);
      if (t === null) return null;
      zoned &&= t.zoned;
      ms.push(t.ms);
    }
    return { ms, time: zoned ? { field: 'Date', kind: 'zoned' } : local };
  }
  if (DD_MMM_YY.test(sample)) {
    const ms: number[] = [];
    for (const c of cells) {
      const m = DD_MMM_YY.exec(c.trim());
      const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
      const t = m && month > 0 ? wallClockMs(fullYear(m[3]!), month, +m[1]!, hour12(+m[4]!, m[7]), +m[5]!, +(m[6] ?? 0), offset) : null;
      if (t === null) return null;
      ms.push(t);
    }
    return { ms, time: local };
  }
  const parts = cells.map((c) => NUMERIC.exec(c.trim()));
  if (parts.some((m) => m === null)) return null;
  const matched = parts as RegExpExecArray[];
  const order = numericOrder(matched);
  if (order === 'conflict') return 'conflict';
  const ms: number[] = [];
  for (const m of matched) {
    const [a, b, c] = [m[1]!, m[3]!, m[4]!];
    const [y, mo, d] = order === 'ymd' ? [Number(a), +b, +c] : order === 'dmy' ? [fullYear(c), +b, +a] : [fullYear(c), +a, +b];
    const h = +m[5]!;
    if (m[8] !== undefined && (h < 1 || h > 12)) return null;
    const t = wallClockMs(y, mo, d, hour12(h, m[8]?.replace(/\./g, '')), +m[6]!, +(m[7] ?? 0), offset);
    if (t === null) return null;
    ms.push(t);
  }
  return { ms, time: local };
}

export function readDiscordCsv(text: string, options: ReadOptions): ChatExport {
  const F = 'dce-csv';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const author = header.indexOf('author');
  const date = header.indexOf('date');
  const authorId = header.indexOf('authorid');
  const content = header.indexOf('content');
  if (author === -1 || date === -1) throw new ChatReadError('missing_columns', '', { format: F });
  const body2 = rows.slice(1);
  if (body2.length === 0) throw new ChatReadError('no_messages', '', { format: F });
  const read = csvTimes(
    body2.map((r) => r[date] ?? ''),
    offsetOf(options),
  );
  if (read === 'conflict') throw new ChatReadError('ambiguous_dates', '', { format: F });
  if (read === null) throw new ChatReadError('bad_date', '', { format: F });
  // DCE names files "Guild - category - channel [channelId] (date range) [part N].csv" (`ExportRequest`,
  // `MessageExporter`): that id lets a CSV, its parts and a JSON of the same channel merge.
  const named = /^(.*?)\s*\[(\d{5,})\](?: \([^)]*\))?(?: \[part \d+\])?\.[^.]*$/.exec(options.fileName);
  const group = named ? named[2]! : options.fileName;
  const records = body2.map((r, i): ChatRecord => {
    const name = (r[author] ?? '').trim();
    const member = authorId === -1 ? name : (r[authorId] ?? '').trim();
    // A row without its sender is not a row DCE writes: refuse the file rather than count a blank member.
    if (member === '') throw new ChatReadError('wrong_shape', `row ${i + 1}`, { format: F });
    const record: ChatRecord = { member, group, at: read.ms[i]!, kind: 'message' };
    if (name !== '') record.name = name;
    if (content !== -1 && isQuestion(r[content] ?? '')) record.question = true;
    return record;
  });
  return { format: F, groups: [named && named[1] ? { id: group, name: named[1] } : { id: group }], records, roster: [], time: read.time };
}
