/**
 * When the community talks: messages counted by weekday × hour of day in a chosen time zone — the answer to
 * "when should we post".
 *
 * `cells[w][h]` = number of `message` records whose local time at `offsetMinutes` east of UTC falls on
 * weekday w (Monday = 0 … Sunday = 6) between h:00 and h:59. Joins, leaves and system rows are not counted.
 * The cells add up to `total`. Moving the offset 60 minutes east moves every message one hour later: the 168
 * cells, read Monday 00:00 → Sunday 23:00, rotate by one (Sunday 23:00 wraps to Monday 00:00).
 *
 * Example: a message at 2026-03-01T16:30Z (a Sunday) at UTC+8 is Monday 00:30 → cells[0][0]; at UTC it is
 * Sunday 16:30 → cells[6][16].
 * Edge cases: no message → all zeros and `peak` null; ties for the peak go to the earliest cell of the week.
 */
import type { ChatRecord } from './chat';
import { checkOffset, HOUR_MS } from './clock';

export interface Rhythm {
  /** 7 rows (Monday first) × 24 hours. */
  cells: number[][];
  total: number;
  /** The busiest cell, or null when there is no message. */
  peak: { weekday: number; hour: number; messages: number } | null;
  offsetMinutes: number;
}

const WEEK_HOURS = 168;
/** 1970-01-01 00:00 UTC was a Thursday, 3 days after Monday: hour-of-week 72. */
const EPOCH_HOUR_OF_WEEK = 72;

export function rhythm(records: readonly ChatRecord[], options: { offsetMinutes?: number } = {}): Rhythm {
  const offsetMinutes = checkOffset(options.offsetMinutes);
  const counts = new Float64Array(WEEK_HOURS);
  const shift = offsetMinutes * 60_000;
  let total = 0;
  for (const r of records) {
    if (r.kind !== 'message') continue;
    // Hours since the epoch at local time, then hour of the week; floor and a positive modulo keep pre-1970 right.
    const hour = Math.floor((r.at + shift) / HOUR_MS) + EPOCH_HOUR_OF_WEEK;
    counts[((hour % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS]!++;
    total++;
  }
  const cells = Array.from({ length: 7 }, (_, w) => Array.from(counts.subarray(w * 24, w * 24 + 24)));
  let peak: Rhythm['peak'] = null;
  for (let i = 0; i < WEEK_HOURS; i++) {
    if (counts[i]! > 0 && (peak === null || counts[i]! > peak.messages)) peak = { weekday: Math.floor(i / 24), hour: i % 24, messages: counts[i]! };
  }
  return { cells, total, peak, offsetMinutes };
}

export interface RhythmSlot {
  weekday: number;
  hour: number;
  messages: number;
}

/**
 * The `n` busiest hours of the week (most messages first; ties to the earliest cell of the week, Monday
 * 00:00 first), empty cells left out — the slots to name when someone asks "when should we post".
 * Example: cells Mon 20 → 10, Sun 21 → 2, Mon 22 → 1, Wed 9 → 1 → n = 3 gives Mon 20, Sun 21, Mon 22.
 */
export function busiestSlots(r: Pick<Rhythm, 'cells'>, n = 3): RhythmSlot[] {
  const slots: RhythmSlot[] = [];
  r.cells.forEach((row, weekday) => row.forEach((messages, hour) => messages > 0 && slots.push({ weekday, hour, messages })));
  // Array sort is stable: equal counts keep their week order.
  return slots.sort((a, b) => b.messages - a.messages).slice(0, Math.max(0, Math.floor(n)));
}

/** Shading steps of the weekday × hour table: 0 for an empty cell, else 1–5 by share of the busiest cell. */
export const RHYTHM_LEVELS = 5;

/**
 * Each cell's shading step: 0 when empty, otherwise ⌈5 × cell ÷ busiest cell⌉ (1…5), so the busiest cell
 * is always 5 and any message at all shows. Example: busiest 10 → 1 message is 1, 2 is 1, 3 is 2, 10 is 5.
 */
export function rhythmLevels(r: Pick<Rhythm, 'cells'>): number[][] {
  const max = Math.max(0, ...r.cells.flat());
  return r.cells.map((row) => row.map((x) => (x <= 0 || max <= 0 ? 0 : Math.min(RHYTHM_LEVELS, Math.ceil((RHYTHM_LEVELS * x) / max)))));
}
