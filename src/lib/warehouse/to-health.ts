/**
 * A warehouse summary (`parseSummary`) as the health check's results, so that a summary opened on the
 * health-check page draws the same report as the raw rows would: the headline figures, the cohort heatmap,
 * the tiers' profile, the at-risk list, the average retention curve the sBG fit reads, and the monthly
 * lifecycle. Pure: the page's worker calls it and the page only renders what comes back.
 *
 * What a summary cannot carry is left out, not faked: each member's tier and 90-day count (the summary holds
 * the tiers' totals only), so there is no per-member tier list, and the at-risk rows carry no tier.
 */
import { InputError } from '../errors';
import { averageRetention, type AverageRetention, type TierProfile } from '../health';
import type { LifecycleMonth } from '../health/lifecycle';
import type { ActivityReport, Tier } from '../activity';
import { parseSummary, summaryRows, type ScopeReport } from './summary';

/** The health-check figures of one scope; `report` has exactly the keys of `analyzeActivity`'s report without the per-member parts. */
export interface SummaryHealth {
  report: Omit<ActivityReport, 'tierOf' | 'atRisk'>;
  atRisk: { member: string; lastEvent: string }[];
  profile: Record<Tier, TierProfile>;
  retention: AverageRetention;
  lifecycle: LifecycleMonth[];
}

/** One group's headline figures (scope `group`), for the per-group table. */
export interface SummaryGroup {
  group: string;
  members: number;
  mau: number;
  avgDau: number;
  stickiness: number | null;
  atRisk: number;
}

export interface SummaryView {
  asOf: string;
  inactiveDays: number;
  offsetMinutes: number;
  /** The offset as people write it: `UTC+8`, `UTC−5`, `UTC+5:30`, `UTC`. */
  zone: string;
  /** Rows in the summary file. */
  rows: number;
  all: SummaryHealth;
  /** Empty when the query had no group column. */
  groups: SummaryGroup[];
}

/** `UTC+8` for 480, `UTC−5` for −300 (a minus sign, not a hyphen), `UTC+5:30` for 330, `UTC` for 0. */
export function utcLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const m = abs % 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Math.floor(abs / 60)}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** One scope of the summary in the shape the health check builds from `analyzeActivity`. */
export function summaryHealth(scope: ScopeReport, asOf: string): SummaryHealth {
  const report = {
    asOf,
    members: scope.members,
    mau: scope.mau,
    avgDau: scope.avgDau,
    stickiness: scope.stickiness,
    cohorts: scope.cohorts.map(({ month, size, retention }) => ({ month, size, retention })),
    tiers: scope.tiers,
  };
  return { report, atRisk: scope.atRisk, profile: scope.tierProfile, retention: averageRetention(report), lifecycle: scope.lifecycle };
}

/**
 * The summary text (CSV with its header, a JSON array or JSON Lines) read and mapped. Throws `parseSummary`'s
 * `InputError` for a file that is not a valid summary (`summaryRefusal` says why in the page's terms).
 */
export function summaryView(text: string): SummaryView {
  const rows = summaryRows(text);
  const r = parseSummary(rows);
  return {
    asOf: r.asOf,
    inactiveDays: r.inactiveDays,
    offsetMinutes: r.offsetMinutes,
    zone: utcLabel(r.offsetMinutes),
    rows: rows.length,
    all: summaryHealth(r.all, r.asOf),
    groups: r.groups.map(({ group, report: g }) => ({ group, members: g.members, mau: g.mau, avgDau: g.avgDau, stickiness: g.stickiness, atRisk: g.atRisk.length })),
  };
}

export type SummaryRefusalReason = 'invalid' | 'empty' | 'columns' | 'number' | 'scope' | 'metric' | 'as_of';

/**
 * Why a summary was refused, for a message: the first problem's kind and what it concerns — the missing
 * column names, or the data rows (numbered from 1) with that problem. Example: issues `columns.val`,
 * `columns.k` → `{ reason: 'columns', items: ['val', 'k'] }`.
 */
export function summaryRefusal(error: InputError): { reason: SummaryRefusalReason; items: string[] } {
  const kind = (path: string): SummaryRefusalReason => {
    if (path.startsWith('columns.')) return 'columns';
    if (path === 'as_of') return 'as_of';
    if (path.endsWith('.scope')) return 'scope';
    if (path.endsWith('.metric')) return 'metric';
    if (path.startsWith('rows.')) return 'number';
    return error.issues.find((i) => i.path === path)?.code === 'empty' ? 'empty' : 'invalid';
  };
  const reason = kind(error.issues[0]?.path ?? '');
  const items = error.issues.filter((i) => kind(i.path) === reason).map((i) => (reason === 'columns' ? i.path.slice('columns.'.length) : (i.path.split('.')[1] ?? ''))).filter(Boolean);
  return { reason, items: [...new Set(items)] };
}

/** `summaryView`, or the refusal when the text is not a valid summary (any other error is a bug and is thrown). */
export function readSummary(text: string): { ok: true; view: SummaryView } | { ok: false; refusal: ReturnType<typeof summaryRefusal> } {
  try {
    return { ok: true, view: summaryView(text) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, refusal: summaryRefusal(e) };
    throw e;
  }
}
