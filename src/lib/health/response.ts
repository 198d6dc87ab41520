/**
 * Do questions get answered, and how fast: median time to first reply and the share of questions left
 * without a reply, in the style of the response metrics of Common Room and Discourse (not their exact code).
 *
 * Only formats that mark replies can answer this (Discord `reference`, Telegram `reply_to_message_id`): when no
 * record carries `replyTo`, the result is `available: false` with every figure null, never a made-up 0.
 * - A question is a `message` record with `question: true` and an `id`, posted on or before the end.
 * - Its first reply is the earliest `message` of the same group whose `replyTo` is the question's `id`, written
 *   by someone other than the asker, at or after the question (replies only via the reply mark; a plain
 *   message that follows is not counted, since nothing says it answers).
 * - `medianFirstReplyMs` = median over answered questions of (first reply − question), in milliseconds (mean
 *   of the two middle values for an even count); null when no question was answered.
 * - `unansweredShare` = among questions asked at least `withinDays` days before the end (younger ones cannot
 *   be judged yet), the share with no reply within `withinDays` × 24 h; null when none can be judged.
 * - The end is the last instant of `asOf` at `offsetMinutes`, or by default the latest record's time.
 *
 * Example: q1 at 10:00 answered by b at 10:30 and 11:00; q2 at 12:00 answered only by its asker; q3 at 13:00
 * answered by c at 15:00; end 20 days later, withinDays 7 → questions 3, answered 2, median (30 + 120) / 2 =
 * 75 min, judged 3, unanswered 1 → share 1/3.
 */
import type { ChatExport, ChatRecord } from './chat';
import { checkOffset, DAY_MS, dayOfIso } from './clock';
import { InputError } from '../errors';

export interface ResponseOptions {
  /** Days a question may wait before it counts as unanswered (default 7). */
  withinDays?: number;
  asOf?: string;
  offsetMinutes?: number;
}

export interface ResponseReport {
  available: boolean;
  /** Why the figures are null: the records have no reply marks, or none is marked as a question. */
  reason: 'no-reply-marks' | 'no-questions' | null;
  questions: number;
  answered: number;
  medianFirstReplyMs: number | null;
  /** Questions old enough to judge. */
  judged: number;
  unanswered: number;
  unansweredShare: number | null;
  withinDays: number;
}

const SEP = '\u0000';

export function responseTimes(records: readonly ChatRecord[], options: ResponseOptions = {}): ResponseReport {
  const withinDays = options.withinDays ?? 7;
  if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > 365) throw new InputError([{ path: 'withinDays', code: 'out_of_range' }]);
  const offset = checkOffset(options.offsetMinutes);
  let end = -Infinity;
  if (options.asOf !== undefined) end = (dayOfIso(options.asOf) + 1) * DAY_MS - offset * 60_000 - 1;
  let marked = false;
  for (const r of records) {
    if (r.replyTo !== undefined) marked = true;
    if (options.asOf === undefined && r.at > end) end = r.at;
  }
  const base = { questions: 0, answered: 0, medianFirstReplyMs: null, judged: 0, unanswered: 0, unansweredShare: null, withinDays };
  if (!marked) return { available: false, reason: 'no-reply-marks', ...base };

  const asked = new Map<string, number>(); // group + id → question index
  const at: number[] = [];
  const asker: string[] = [];
  for (const r of records) {
    if (r.kind !== 'message' || !r.question || r.id === undefined || r.at > end) continue;
    const key = r.group + SEP + r.id;
    if (asked.has(key)) continue; // the same message read twice
    asked.set(key, at.length);
    at.push(r.at);
    asker.push(r.member);
  }
  if (at.length === 0) return { available: false, reason: 'no-questions', ...base };
  const first = new Float64Array(at.length).fill(Infinity);
  for (const r of records) {
    if (r.kind !== 'message' || r.replyTo === undefined || r.at > end) continue;
    const q = asked.get(r.group + SEP + r.replyTo);
    if (q === undefined || r.member === asker[q] || r.at < at[q]!) continue;
    if (r.at < first[q]!) first[q] = r.at;
  }
  const waits: number[] = [];
  let judged = 0;
  let unanswered = 0;
  const window = withinDays * DAY_MS;
  for (let q = 0; q < at.length; q++) {
    if (first[q]! !== Infinity) waits.push(first[q]! - at[q]!);
    if (at[q]! + window <= end) {
      judged++;
      if (!(first[q]! - at[q]! <= window)) unanswered++;
    }
  }
  waits.sort((a, b) => a - b);
  const mid = waits.length >> 1;
  const median = waits.length === 0 ? null : waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;
  return { available: true, reason: null, questions: at.length, answered: waits.length, medianFirstReplyMs: median, judged, unanswered, unansweredShare: judged === 0 ? null : unanswered / judged, withinDays };
}

/** Formats (deduplicated, in order) of exports that hold messages but no reply mark, to name on the page. */
export function formatsWithoutReplies(exports: readonly ChatExport[]): string[] {
  const out = new Set<string>();
  for (const ex of exports) {
    if (ex.records.some((r) => r.kind === 'message') && !ex.records.some((r) => r.replyTo !== undefined)) out.add(ex.format);
  }
  return [...out];
}

/**
 * A wait as the page shows it: whole minutes under an hour, hours (one decimal) under two days, days (one
 * decimal) beyond. Example: 45 min → { value: 45, unit: 'minute' }; 8 h 47.5 min → { value: 8.8, unit:
 * 'hour' }; 60 h → { value: 2.5, unit: 'day' }. Null stays null (no answered question).
 */
export function waitShown(ms: number | null): { value: number; unit: 'minute' | 'hour' | 'day' } | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  const minutes = ms / 60_000;
  if (minutes < 59.5) return { value: Math.round(minutes), unit: 'minute' };
  if (minutes < 48 * 60) return { value: Math.round(minutes / 6) / 10, unit: 'hour' };
  return { value: Math.round(minutes / 144) / 10, unit: 'day' };
}
