/**
 * From the rows of an activity export to `analyzeActivity` events: which columns hold the member and the
 * date, how a date or date-time cell becomes a calendar day, and which rows are skipped and why.
 *
 * Dates: `2026-03-05`, `2026/3/5`, `2026.3.5` and `2026年3月5日`, each optionally followed by a time
 * (`14:03`, `14:03:27`, `T14:03:27.120`), and Unix timestamps in seconds or milliseconds. A time with a zone
 * (`Z`, `+08:00`, `+0800`) and a timestamp are instants: they are turned into the calendar day of the chosen
 * UTC offset (default +08:00, China Standard Time). A time without a zone is taken as written: its day is the
 * day in the file.
 *
 * Example: `parseEventDate("2026/3/5 23:30")` → `"2026-03-05"`; `parseEventDate("2026-03-05T16:30:00Z")` →
 * `"2026-03-06"` (00:30 the next day at UTC+8); `parseEventDate("3月5日")` → `null` (no year).
 */
import type { ActivityEvent } from './activity';
import { isCalendarDate } from './activity';

/** Minutes east of UTC used for zoned times and timestamps unless the planner picks another. */
export const DEFAULT_UTC_OFFSET_MINUTES = 8 * 60;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const isoFromMs = (ms: number, offsetMinutes: number) => new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);

const DATE_TIME =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** 10-digit seconds or 13-digit milliseconds since 1970 (2001–2286 in seconds). */
const TIMESTAMP = /^\d{10}(?:\d{3})?$/;

export function parseEventDate(text: string, offsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): string | null {
  const s = text.trim();
  // Fast path: most exports write plain ISO dates, and a million rows should not each run a regex.
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) return isCalendarDate(s) ? s : null;
  if (TIMESTAMP.test(s)) {
    const n = Number(s);
    return isoFromMs(s.length === 10 ? n * 1000 : n, offsetMinutes);
  }
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss, zone] = m;
  const day = `${y}-${pad2(Number(mo))}-${pad2(Number(d))}`;
  if (!isCalendarDate(day)) return null;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return null;
  if (zone === undefined) return day;
  const zoneMinutes =
    zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(':', '').slice(3, 5) || 0));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss ?? 0)) - zoneMinutes * 60_000;
  return isoFromMs(utc, offsetMinutes);
}

/** The day "today" is at a UTC offset, as YYYY-MM-DD. */
export const todayAt = (offsetMinutes: number, now: Date = new Date()): string => isoFromMs(now.getTime(), offsetMinutes);

export interface ColumnGuess {
  member: number | null;
  date: number | null;
  /** The first row names the columns (its date cell is not a date while the next rows' are). */
  hasHeader: boolean;
  /**
   * `member_unique`: the chosen member column differs on ≥ 95% of the sampled rows (at least
   * `UNIQUE_SAMPLE_MIN` of them), like a message number: the figures would be one "member" per row.
   */
  warning?: 'member_unique';
}

/** Rows needed before a column may be called unique on almost every row (two rows prove nothing). */
export const UNIQUE_SAMPLE_MIN = 20;
const UNIQUE_SHARE = 0.95;

// Most specific first: an ID column beats a nickname, which people change.
// Chat exports name the sender's ID Sender / wxid / AuthorID / from_id; a bare `id` (or `localId`) is often a message number.
const MEMBER_NAMES = [
  '成员id', '用户id', '客户id', 'userid', 'user_id', 'memberid', 'member_id', 'authorid', 'author_id', 'senderid', 'sender_id',
  'senderusername', 'from_id', 'wxid', 'sender', 'unionid', 'openid', 'author', 'talker', '发送者', '发送人', 'id',
  '成员', '用户', '客户', 'member', 'user', '昵称', '姓名', 'nickname', 'name',
];
const DATE_NAMES = ['日期', '时间', 'date', 'time', 'day', 'timestamp', '时刻'];
const norm = (s: string) => s.trim().toLowerCase().replace(/[\s\uFEFF]/g, '');

/**
 * Which columns are probably the member and the date, from the first rows of the file. The date column is
 * the one whose cells mostly parse as dates (a header naming it wins ties); the member column is the best
 * header match among the others (Sender, wxid, 成员ID, user, author … before a bare id; never a 0/1 flag),
 * else the first column that is neither a date nor a number. A column whose values differ on almost every
 * sampled row (a message number such as `localId`) is passed over while another candidate repeats; when
 * the one chosen is such a column anyway, `warning: 'member_unique'` says so.
 */
export function guessColumns(rows: readonly (readonly string[])[]): ColumnGuess {
  const first = rows[0] ?? [];
  const body = rows.slice(1, 51);
  const width = Math.max(0, ...rows.slice(0, 51).map((r) => r.length));
  const dateShare = (c: number) => (body.length === 0 ? 0 : body.filter((r) => parseEventDate(r[c] ?? '') !== null).length / body.length);
  // An exact header match beats a partial one of the same name (`Sender` before `IsSender`).
  const rank = (names: readonly string[], c: number) => {
    const h = norm(first[c] ?? '');
    const exact = names.indexOf(h);
    if (exact !== -1) return exact * 2;
    const i = names.findIndex((n) => h.includes(n));
    return i === -1 ? Infinity : i * 2 + 1;
  };
  const filled = (c: number) => body.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
  const uniqueShare = (c: number) => {
    const v = filled(c);
    return v.length === 0 ? 0 : new Set(v).size / v.length;
  };
  const unique = (c: number) => body.length >= UNIQUE_SAMPLE_MIN && uniqueShare(c) >= UNIQUE_SHARE;
  // 0/1 flags (IsSender, is_sender) are never the member.
  const flag = (c: number) => {
    const v = filled(c);
    return v.length > 0 && v.every((x) => /^-?\d+$/.test(x)) && new Set(v).size <= 2;
  };
  // Header names listed before the bare `id` name a member ID and nothing else.
  const specific = (c: number) => hasHeader && rank(MEMBER_NAMES, c) < MEMBER_NAMES.indexOf('id') * 2;
  const columns = Array.from({ length: width }, (_, c) => c);
  const dates = columns.filter((c) => dateShare(c) >= 0.8).sort((a, b) => rank(DATE_NAMES, a) - rank(DATE_NAMES, b));
  const date = dates[0] ?? null;
  const hasHeader = date === null ? columns.some((c) => rank([...MEMBER_NAMES, ...DATE_NAMES], c) !== Infinity) : parseEventDate(first[date] ?? '') === null;
  const others = columns.filter((c) => c !== date);
  const named = hasHeader
    ? others.filter((c) => rank(MEMBER_NAMES, c) !== Infinity && !flag(c)).sort((a, b) => rank(MEMBER_NAMES, a) - rank(MEMBER_NAMES, b))
    : [];
  const plain = others.filter((c) => body.some((r) => (r[c] ?? '').trim() !== '' && !/^[\d.,:\-/ ]+$/.test((r[c] ?? '').trim())));
  // A column that repeats (people post more than once) beats one that differs on every row, unless its
  // header names a member ID outright (成员ID, userid, wxid, Sender …): a big community's first rows are
  // nearly all different people, and its ID column must not lose to a group name that repeats.
  const member =
    named.find((c) => specific(c) || !unique(c)) ?? plain.find((c) => !unique(c) && !flag(c)) ?? named[0] ?? plain[0] ?? others[0] ?? null;
  const guess: ColumnGuess = { member, date, hasHeader };
  if (member !== null && unique(member) && !specific(member)) guess.warning = 'member_unique';
  return guess;
}

export type BadRowReason = 'missing_member' | 'bad_date' | 'future_date';

export interface BadRow {
  /** 1-based row of the file as a spreadsheet shows it (the header, when there is one, is row 1). */
  line: number;
  reason: BadRowReason;
  /** The offending cell, shortened. */
  value: string;
  /** The file the row is in, when several files are read together. */
  file?: string;
}

/** How many bad rows are kept with their line numbers; all of them are counted. */
export const MAX_LISTED_BAD_ROWS = 200;

export interface CollectOptions {
  member: number;
  date: number;
  offsetMinutes?: number;
  /** Rows dated after this day are refused as future dates; YYYY-MM-DD. */
  today: string;
}

/**
 * Turns rows into events one at a time (rows arrive from a streaming parser). Bad rows are counted by
 * reason, the first `MAX_LISTED_BAD_ROWS` listed with their line, and skipped; they never stop the run.
 */
export class EventCollector {
  readonly events: ActivityEvent[] = [];
  readonly bad: BadRow[] = [];
  readonly badCounts: Record<BadRowReason, number> = { missing_member: 0, bad_date: 0, future_date: 0 };
  rows = 0;
  private readonly offset: number;

  constructor(private readonly options: CollectOptions) {
    this.offset = options.offsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  }

  add(row: readonly string[], line: number): void {
    this.rows++;
    const member = (row[this.options.member] ?? '').trim();
    const raw = row[this.options.date] ?? '';
    if (member === '') return this.refuse(line, 'missing_member', raw);
    const date = parseEventDate(raw, this.offset);
    if (date === null) return this.refuse(line, 'bad_date', raw);
    if (date > this.options.today) return this.refuse(line, 'future_date', raw);
    this.events.push({ member, date });
  }

  get badTotal(): number {
    return this.badCounts.missing_member + this.badCounts.bad_date + this.badCounts.future_date;
  }

  private refuse(line: number, reason: BadRowReason, value: string) {
    this.badCounts[reason]++;
    if (this.bad.length < MAX_LISTED_BAD_ROWS) this.bad.push({ line, reason, value: value.length > 40 ? `${value.slice(0, 40)}…` : value });
  }
}
