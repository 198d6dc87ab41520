/**
 * Monthly lifecycle of the community's members: who is new, returning, resurrecting and dormant each month.
 *
 * Definitions follow PostHog's lifecycle insight (buckets as written in PostHog's own reference,
 * github.com/PostHog/posthog, products/data_modeling/skills/modeling-product-usage-metrics/references/
 * usage-metric-definitions.md, "Lifecycle"). A member is active in a calendar month (at `offsetMinutes`) when
 * they posted at least one `message` in it; months run from the first active month to the month of `asOf`.
 * - new: active this month, and this is their first active month ever;
 * - returning: active this month and the month before (and not new);
 * - resurrecting: active this month, not the month before, but in some earlier month;
 * - dormant: active the month before, not this month. PostHog plots dormant below the axis as a negative
 *   number; here it is a positive count, and the chart shows it below the axis.
 * PostHog counts "new" by the person's creation date; a chat export has no such date, so the first message
 * stands in for it — the same fallback PostHog's own dbt recipe uses when no creation date exists. Someone who
 * joined in January and first spoke in March is therefore new in March.
 * Identities: new + returning + resurrecting = active(m); returning(m) + dormant(m) = active(m − 1).
 *
 * Example: a posts in Jan and Mar, b in Jan and Feb, c in Mar; asOf in March →
 * Jan: new 2 (a, b); Feb: returning 1 (b), dormant 1 (a); Mar: new 1 (c), resurrecting 1 (a), dormant 1 (b).
 * Edge cases: no message → no months; records after asOf are ignored; a month with no activity between two
 * active ones still gets its row (all dormant from the month before).
 */
import type { ChatRecord } from './chat';
import { checkOffset, dayAt, dayOfIso, monthLabel, monthOfDay } from './clock';

export interface LifecycleMonth {
  /** YYYY-MM. */
  month: string;
  active: number;
  new: number;
  returning: number;
  resurrecting: number;
  /** Positive count (PostHog shows it as negative). */
  dormant: number;
}

export interface LifecycleOptions {
  /** Last day considered, YYYY-MM-DD (default: the latest message day). */
  asOf?: string;
  offsetMinutes?: number;
}

export function lifecycle(records: readonly ChatRecord[], options: LifecycleOptions = {}): LifecycleMonth[] {
  const offset = checkOffset(options.offsetMinutes);
  const asOfDay = options.asOf === undefined ? Infinity : dayOfIso(options.asOf);
  let lo = Infinity;
  let hi = -Infinity;
  const months = new Float64Array(records.length).fill(Number.NaN);
  // Day → month is computed once per distinct day, not per record.
  const monthCache = new Map<number, number>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.kind !== 'message') continue;
    const day = dayAt(r.at, offset);
    if (day > asOfDay) continue;
    let m = monthCache.get(day);
    if (m === undefined) monthCache.set(day, (m = monthOfDay(day)));
    months[i] = m;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  if (!Number.isFinite(lo)) return [];
  if (Number.isFinite(asOfDay)) hi = Math.max(hi, monthOfDay(asOfDay));
  const span = hi - lo + 1;
  const ids = new Map<string, number>();
  const active = new Set<number>(); // member × span + month offset
  const first: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const m = months[i]!;
    if (Number.isNaN(m)) continue;
    const member = records[i]!.member;
    let id = ids.get(member);
    if (id === undefined) {
      ids.set(member, (id = first.length));
      first.push(m - lo);
    } else if (m - lo < first[id]!) first[id] = m - lo;
    active.add(id * span + (m - lo));
  }
  const rows = Array.from({ length: span }, (_, k) => ({ month: monthLabel(lo + k), active: 0, new: 0, returning: 0, resurrecting: 0, dormant: 0 }));
  for (const key of active) {
    const id = Math.floor(key / span);
    const k = key - id * span;
    const row = rows[k]!;
    row.active++;
    if (first[id] === k) row.new++;
    else if (active.has(key - 1)) row.returning++;
    else row.resurrecting++;
    if (k + 1 < span && !active.has(key + 1)) rows[k + 1]!.dormant++;
  }
  return rows;
}
