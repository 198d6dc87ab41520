/**
 * Community health from a real activity export: members, MAU, average DAU, stickiness, monthly join
 * cohorts, 5/20/75 tiers by 90-day activity, and the at-risk list (contract: calculators.md, "Health check").
 *
 * Dates are calendar days with no time zone, handled as whole day numbers so that no local clock can move
 * them. Events after `asOf` are ignored. Every member is counted once per day however many events they have.
 */
import * as z from 'zod/mini';
import { isoDate } from './dates';
import { InputError, type InputIssue } from './errors';
import { SOURCE_DEFAULTS } from './defaults';
import { tiers as splitTiers, type TierCounts } from './tiers';
import { validate } from './validate';

export interface ActivityEvent {
  member: string;
  date: string;
}

/**
 * A member known from outside the events: a roster entry or a join notice. `joined` is the join day,
 * YYYY-MM-DD, when the source gives one.
 */
export interface KnownMember {
  member: string;
  joined?: string;
}

/** Options of the analysis (the events themselves are checked by a fast loop, see `analyzeActivity`). */
export const activityOptionsSchema = z.object({
  /** Last day of the analysis, YYYY-MM-DD; default the latest event date. */
  asOf: z.optional(isoDate()),
  /** Days without any event that put a recently active member at risk. Source default 3. */
  inactiveDays: z._default(z.number().check(z.refine(Number.isInteger, { error: 'not_integer' }), z.minimum(1), z.maximum(365)), SOURCE_DEFAULTS.inactiveDays.value),
});
export type ActivityOptions = z.input<typeof activityOptionsSchema>;

export type Tier = 'core' | 'active' | 'silent';

export interface ActivityReport {
  asOf: string;
  members: number;
  mau: number;
  avgDau: number;
  stickiness: number | null;
  cohorts: { month: string; size: number; retention: number[] }[];
  tiers: TierCounts;
  tierOf: Record<string, Tier>;
  atRisk: { member: string; lastEvent: string }[];
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const digit = (c: number) => (c >= 48 && c <= 57 ? c - 48 : Number.NaN);

/**
 * Day number (days since 1970-01-01) of a YYYY-MM-DD string, or NaN when it is not a real calendar date.
 * Parsed by hand with Hinnant's days-from-civil formula: a million rows would spend most of their time
 * creating Date objects and running a regular expression otherwise.
 */
function dayOf(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(iso.charCodeAt(0)) * 1000 + digit(iso.charCodeAt(1)) * 100 + digit(iso.charCodeAt(2)) * 10 + digit(iso.charCodeAt(3));
  const m = digit(iso.charCodeAt(5)) * 10 + digit(iso.charCodeAt(6));
  const d = digit(iso.charCodeAt(8)) * 10 + digit(iso.charCodeAt(9));
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1)) return Number.NaN;
  if (d > (m === 2 && leap(y) ? 29 : DIM[m - 1]!)) return Number.NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
/** A real calendar date written as YYYY-MM-DD (years 0001–9999). */
export const isCalendarDate = (iso: string): boolean => !Number.isNaN(dayOf(iso));
/** Days from `a` to `b`, both YYYY-MM-DD calendar dates (NaN when either is not one). */
export const daysBetween = (a: string, b: string): number => dayOf(b) - dayOf(a);
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** Month index (year × 12 + month − 1) straight from the string, already validated by `dayOf`. */
const monthOfIso = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthOf = (day: number) => monthOfIso(isoOf(day));
const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** At most this many bad events are listed in one InputError. */
const MAX_LISTED = 20;

/**
 * Health of a community from its activity events.
 *
 * mau = distinct members active in asOf−29 … asOf; avgDau = (Σ over those 30 days of distinct members that
 * day) ÷ 30; stickiness = avgDau ÷ mau. Cohorts by join month (first event), retention[k] = share of the
 * cohort active in calendar month join + k. Tiers: members ranked by events in asOf−89 … asOf (most first,
 * ties by id), split 5/20/75 by largest remainder. At risk: no event in the last `inactiveDays` days but at
 * least one in the 30 days before, latest first.
 *
 * Example: events a@2026-01-01, a@2026-01-02, b@2026-01-02, asOf 2026-01-02 → members 2, mau 2, avgDau 3/30
 * = 0.1, stickiness 0.05, one cohort 2026-01 of 2 with retention [1].
 *
 * `known` (optional): members listed by a roster or seen joining, with their join day where the source gives
 * one. A chat log only sees people who posted; with `known`:
 * - members = speakers ∪ listed members who joined on or before asOf (or whose join day is not known);
 * - a member's cohort is the month of the earlier of their join day and first event; a listed member with
 *   neither (no join day, never posted) is counted in `members` and the tiers but in no cohort, so cohort
 *   sizes sum to the members with a known month, and retention[0] can be below 1 (joined, never active);
 * - listed members who never posted rank below every speaker in the tiers (ties by id), are never in the
 *   MAU and never at risk (they have no last activity).
 * Without `known` (or with an empty list) the report is exactly the one above.
 *
 * Worked example: events a@2026-02-03, b@2026-02-10, asOf 2026-02-28, known [c joined 2026-01-15, d (no
 * date), a joined 2026-01-20] → members 4 (a, b, c, d), mau 2; cohorts 2026-01: a, c (size 2, retention
 * [0, 0.5]: nobody active in January, a in February), 2026-02: b (size 1, retention [1]); d is in no cohort;
 * tiers of 4 → core 0, active 1, silent 3, ranked a (active), b (1 event each, by id), then c, d (never posted,
 * by id); at risk (3 quiet days) b, a — never c or d.
 */
export function analyzeActivity(events: readonly ActivityEvent[], options: ActivityOptions = {}, known?: readonly KnownMember[]): ActivityReport {
  const opts = validate(activityOptionsSchema, options);
  // A schema per event would cost seconds on a million rows; this loop checks the same two fields.
  const issues: InputIssue[] = [];
  const days = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (typeof e?.member !== 'string' || e.member.trim() === '') issues.length < MAX_LISTED && issues.push({ path: `events.${i}.member`, code: 'required' });
    const day = typeof e?.date === 'string' ? dayOf(e.date) : Number.NaN;
    if (Number.isNaN(day)) issues.length < MAX_LISTED && issues.push({ path: `events.${i}.date`, code: 'invalid_date' });
    days[i] = day;
  }
  const knownDays = known === undefined ? null : new Float64Array(known.length);
  if (known !== undefined) {
    for (let i = 0; i < known.length; i++) {
      const k = known[i]!;
      if (typeof k?.member !== 'string' || k.member.trim() === '') issues.length < MAX_LISTED && issues.push({ path: `known.${i}.member`, code: 'required' });
      const day = k?.joined === undefined ? Number.NaN : typeof k.joined === 'string' ? dayOf(k.joined) : Number.NaN;
      if (k?.joined !== undefined && Number.isNaN(day)) issues.length < MAX_LISTED && issues.push({ path: `known.${i}.joined`, code: 'invalid_date' });
      knownDays![i] = day;
    }
  }
  if (issues.length) throw new InputError(issues);

  let asOf = opts.asOf === undefined ? -Infinity : dayOf(opts.asOf);
  if (opts.asOf === undefined) for (const d of days) if (d > asOf) asOf = d;
  const empty: ActivityReport = { asOf: opts.asOf ?? '', members: 0, mau: 0, avgDau: 0, stickiness: null, cohorts: [], tiers: { core: 0, active: 0, silent: 0 }, tierOf: {}, atRisk: [] };
  if (!Number.isFinite(asOf)) return empty;

  const index = new Map<string, number>();
  const names: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const recent: number[] = []; // events in the 90-day window
  const seenDay = new Set<number>(); // member × day, within the 30-day window
  const perDay = new Float64Array(30);
  // member × month with an event; months are taken modulo 4096 (341 years), far beyond any export's span.
  const activeMonths = new Set<number>();
  const MONTHS = 4096;
  for (let i = 0; i < events.length; i++) {
    const day = days[i]!;
    if (day > asOf) continue;
    const name = events[i]!.member;
    let m = index.get(name);
    if (m === undefined) {
      m = names.length;
      index.set(name, m);
      names.push(name);
      first.push(day);
      last.push(day);
      recent.push(0);
    } else {
      if (day < first[m]!) first[m] = day;
      if (day > last[m]!) last[m] = day;
    }
    if (day > asOf - 90) recent[m]!++;
    const back = asOf - day;
    if (back < 30) {
      const key = m * 30 + back;
      if (!seenDay.has(key)) {
        seenDay.add(key);
        perDay[back]!++;
      }
    }
    activeMonths.add(m * MONTHS + (monthOfIso(events[i]!.date) % MONTHS));
  }

  const speakers = names.length;
  // Listed members: their join day (NaN when unknown) and, for those who never posted, a place in the lists.
  // A member who never posted gets first = NaN and last = −∞, so they are never in the MAU nor at risk.
  const joinedDay: number[] | null = known && known.length > 0 ? first.map(() => Number.NaN) : null;
  if (knownDays && joinedDay) {
    for (let i = 0; i < known!.length; i++) {
      const day = knownDays[i]!;
      const name = known![i]!.member;
      let m = index.get(name);
      if (m === undefined) {
        if (day > asOf) continue; // joined after asOf: not yet a member (another entry may still list them earlier)
        m = names.length;
        index.set(name, m);
        names.push(name);
        first.push(Number.NaN);
        last.push(-Infinity);
        recent.push(0);
        joinedDay.push(Number.NaN);
      }
      if (day <= asOf && !(day >= joinedDay[m]!)) joinedDay[m] = day;
    }
  }

  const n = names.length;
  let mau = 0;
  for (let m = 0; m < n; m++) if (last[m]! > asOf - 30) mau++;
  const avgDau = perDay.reduce((a, b) => a + b, 0) / 30;

  const asOfMonth = monthOf(asOf);
  const cohortMembers = new Map<number, number[]>();
  for (let m = 0; m < n; m++) {
    // The earlier of the join day and the first event; NaN when neither is known (listed, no date, silent).
    const start = joinedDay === null ? first[m]! : Number.isNaN(joinedDay[m]!) ? first[m]! : Number.isNaN(first[m]!) ? joinedDay[m]! : Math.min(first[m]!, joinedDay[m]!);
    if (Number.isNaN(start)) continue;
    const joined = monthOf(start);
    const list = cohortMembers.get(joined);
    if (list) list.push(m);
    else cohortMembers.set(joined, [m]);
  }
  const cohorts = [...cohortMembers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([joined, members]) => ({
      month: monthLabel(joined),
      size: members.length,
      retention: Array.from({ length: asOfMonth - joined + 1 }, (_, k) => members.filter((m) => activeMonths.has(m * MONTHS + ((joined + k) % MONTHS))).length / members.length),
    }));

  // Members who never posted (indices from `speakers` on) rank below every speaker.
  const ranked = names.map((_, m) => m).sort((a, b) => recent[b]! - recent[a]! || Number(a >= speakers) - Number(b >= speakers) || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const counts = splitTiers(n);
  const tierOf: Record<string, Tier> = {};
  ranked.forEach((m, i) => (tierOf[names[m]!] = i < counts.core ? 'core' : i < counts.core + counts.active ? 'active' : 'silent'));

  const quiet = asOf - opts.inactiveDays; // last day before the inactive window
  const atRisk = names
    .map((name, m) => ({ name, m }))
    .filter(({ m }) => last[m]! <= quiet && last[m]! > quiet - 30)
    .sort((a, b) => last[b.m]! - last[a.m]! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, m }) => ({ member: name, lastEvent: isoOf(last[m]!) }));

  return { asOf: isoOf(asOf), members: n, mau, avgDau, stickiness: mau === 0 ? null : avgDau / mau, cohorts, tiers: counts, tierOf, atRisk };
}
