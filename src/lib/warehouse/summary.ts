/**
 * The warehouse query's summary, read back into the health check's figures.
 *
 * Shape (one row per figure; columns `scope, grp, metric, label, period, k, val`, as CSV with a header, as a
 * JSON array of objects or as JSON Lines — what DuckDB, psql, BigQuery and ClickHouse export as they are):
 * - scope `all` (grp empty) is everyone; scope `group` repeats every figure for the group `grp`.
 * - `as_of`: period = the as-of day as YYYYMMDD, val = its day number; `inactive_days`, `offset_minutes`: val.
 * - `members`, `mau`: val. `dau`: period = day YYYYMMDD, k = days before asOf (0–29), val = members that day.
 * - `cohort_size`: period = join month YYYYMM, val = members; `cohort`: period = join month, k = months since
 *   joining, val = members of the cohort active in that month.
 * - `lifecycle_new`, `_returning`, `_resurrecting`, `_dormant`: period = month YYYYMM, val = members.
 * - `tier`, `tier_events90`, `tier_active90`: label = core / active / silent; val = members, their events in
 *   the 90 days, and those of them with any.
 * - `at_risk`: label = member ID, period = last event day YYYYMMDD, val = days since.
 * Figures that are zero have no row; they are filled in here.
 */
import { addDaysIso } from '../dates';
import { InputError, type InputIssue } from '../errors';
import type { LifecycleMonth } from '../health/lifecycle';
import type { TierProfile } from '../health';
import type { Tier } from '../activity';
import type { TierCounts } from '../tiers';
import { SUMMARY_COLUMNS, SUMMARY_METRICS } from './columns';

export interface SummaryRow {
  scope: string;
  grp: string;
  metric: string;
  label: string;
  period: number;
  k: number;
  val: number;
}

/** The health check's figures for everyone or one group; shares keep their numerator and denominator. */
export interface ScopeReport {
  members: number;
  mau: number;
  /** Σ over the 30 days of members active that day; avgDau = dauSum ÷ 30. */
  dauSum: number;
  avgDau: number;
  stickiness: number | null;
  /** The 30 days asOf−29 … asOf, oldest first. */
  dau: { date: string; members: number }[];
  /** `active[k]` members of the cohort active in month join + k; retention[k] = active[k] ÷ size. */
  cohorts: { month: string; size: number; active: number[]; retention: number[] }[];
  lifecycle: LifecycleMonth[];
  tiers: TierCounts;
  tierProfile: Record<Tier, TierProfile>;
  /** Latest first, then by ID. */
  atRisk: { member: string; lastEvent: string }[];
}

export interface WarehouseReport {
  asOf: string;
  inactiveDays: number;
  offsetMinutes: number;
  all: ScopeReport;
  /** Per group, in the order of their IDs; empty when the query had no group column. */
  groups: { group: string; report: ScopeReport }[];
}

/** Rows of a CSV text with a header (RFC 4180 quoting), each as a record of strings. */
function csvRecords(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  const [head, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const names = (head ?? []).map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
}

function records(text: string): Record<string, unknown>[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    return JSON.parse(trimmed) as Record<string, unknown>[];
  }
  if (trimmed.startsWith('{')) return trimmed.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  return csvRecords(trimmed);
}

const isoOfYmd = (ymd: number) => `${String(Math.floor(ymd / 10000)).padStart(4, '0')}-${String(Math.floor(ymd / 100) % 100).padStart(2, '0')}-${String(ymd % 100).padStart(2, '0')}`;
const monthOfYm = (ym: number) => `${String(Math.floor(ym / 100)).padStart(4, '0')}-${String(ym % 100).padStart(2, '0')}`;
const monthIndex = (yyyymm: number) => Math.floor(yyyymm / 100) * 12 + (yyyymm % 100) - 1;
const labelOfIndex = (m: number) => `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;

/**
 * The summary rows of a CSV / JSON / JSON Lines text. Throws an `InputError`: `''` `invalid` when the text is
 * neither, `''` `empty` when it has no row, `columns.NAME` `required` for each missing column, and for a bad
 * row (N counts data rows from 1; at most 20 listed) `rows.N.period|k|val` `not_integer` when a number is not
 * a whole number, `rows.N.scope` `invalid_option` for a scope other than all / group, `rows.N.metric`
 * `invalid_option` for a metric the query never writes.
 */
export function summaryRows(text: string): SummaryRow[] {
  let recs: Record<string, unknown>[];
  try {
    recs = records(text);
  } catch {
    throw new InputError([{ path: '', code: 'invalid' }]);
  }
  if (recs.length === 0) throw new InputError([{ path: '', code: 'empty' }]);
  const lower = recs.map((r) => Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k.toLowerCase(), v])));
  const missing = SUMMARY_COLUMNS.filter((c) => !(c in lower[0]!));
  if (missing.length) throw new InputError(missing.map((c) => ({ path: `columns.${c}`, code: 'required' as const })));
  const out: SummaryRow[] = [];
  const bad: InputIssue[] = [];
  const metrics: readonly string[] = SUMMARY_METRICS;
  lower.forEach((r, i) => {
    const num = (v: unknown) => (v === null || v === undefined || v === '' ? 0 : Number(v));
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const row = { scope: text(r.scope), grp: text(r.grp), metric: text(r.metric), label: text(r.label), period: num(r.period), k: num(r.k), val: num(r.val) };
    const notInteger = (['period', 'k', 'val'] as const).find((f) => !Number.isSafeInteger(row[f]));
    const issue: InputIssue | null = notInteger
      ? { path: `rows.${i + 1}.${notInteger}`, code: 'not_integer' }
      : row.scope !== 'all' && row.scope !== 'group'
        ? { path: `rows.${i + 1}.scope`, code: 'invalid_option' }
        : !metrics.includes(row.metric)
          ? { path: `rows.${i + 1}.metric`, code: 'invalid_option' }
          : null;
    if (issue) {
      if (bad.length < 20) bad.push(issue);
    } else out.push(row);
  });
  if (bad.length) throw new InputError(bad);
  return out;
}

const TIERS: readonly Tier[] = ['core', 'active', 'silent'];

function scopeReport(rows: readonly SummaryRow[], asOf: string, asOfMonth: number): ScopeReport {
  const sum = (metric: string) => rows.filter((r) => r.metric === metric).reduce((n, r) => n + r.val, 0);
  const members = sum('members');
  const mau = sum('mau');
  const dau = Array.from({ length: 30 }, (_, i) => {
    const k = 29 - i;
    return { date: addDaysIso(asOf, -k), members: rows.find((r) => r.metric === 'dau' && r.k === k)?.val ?? 0 };
  });
  const dauSum = dau.reduce((n, d) => n + d.members, 0);
  const avgDau = dauSum / 30;
  const cohorts = rows
    .filter((r) => r.metric === 'cohort_size')
    .sort((a, b) => a.period - b.period)
    .map((c) => {
      const span = asOfMonth - monthIndex(c.period) + 1;
      const active = Array.from({ length: Math.max(span, 0) }, (_, k) => rows.find((r) => r.metric === 'cohort' && r.period === c.period && r.k === k)?.val ?? 0);
      return { month: monthOfYm(c.period), size: c.val, active, retention: active.map((a) => a / c.val) };
    });
  const lifecycle: LifecycleMonth[] = [];
  if (cohorts.length) {
    const lo = monthIndex(rows.filter((r) => r.metric === 'cohort_size').reduce((m, r) => Math.min(m, r.period), Infinity));
    const get = (metric: string, m: number) => rows.find((r) => r.metric === metric && monthIndex(r.period) === m)?.val ?? 0;
    for (let m = lo; m <= asOfMonth; m++) {
      const row = { month: labelOfIndex(m), active: 0, new: get('lifecycle_new', m), returning: get('lifecycle_returning', m), resurrecting: get('lifecycle_resurrecting', m), dormant: get('lifecycle_dormant', m) };
      row.active = row.new + row.returning + row.resurrecting;
      lifecycle.push(row);
    }
  }
  const tierVal = (metric: string, tier: Tier) => rows.find((r) => r.metric === metric && r.label === tier)?.val ?? 0;
  const tiers = Object.fromEntries(TIERS.map((t) => [t, tierVal('tier', t)])) as TierCounts;
  const tierProfile = Object.fromEntries(TIERS.map((t) => [t, { members: tierVal('tier', t), active90: tierVal('tier_active90', t), events90: tierVal('tier_events90', t) }])) as Record<Tier, TierProfile>;
  const atRisk = rows
    .filter((r) => r.metric === 'at_risk')
    .sort((a, b) => b.period - a.period || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .map((r) => ({ member: r.label, lastEvent: isoOfYmd(r.period) }));
  return { members, mau, dauSum, avgDau, stickiness: mau === 0 ? null : avgDau / mau, dau, cohorts, lifecycle, tiers, tierProfile, atRisk };
}

/** The summary (CSV or JSON text, or rows already read) as the health check's figures. */
export function parseSummary(input: string | readonly SummaryRow[]): WarehouseReport {
  const rows = typeof input === 'string' ? summaryRows(input) : input;
  const meta = (metric: string) => rows.find((r) => r.scope === 'all' && r.metric === metric);
  const asOfRow = meta('as_of');
  if (!asOfRow || asOfRow.period < 10_000_101) throw new InputError([{ path: 'as_of', code: 'required' }]);
  const asOf = isoOfYmd(asOfRow.period);
  const asOfMonth = Math.floor(asOfRow.period / 10000) * 12 + (Math.floor(asOfRow.period / 100) % 100) - 1;
  const byGroup = new Map<string, SummaryRow[]>();
  for (const r of rows) {
    if (r.scope !== 'group') continue;
    const list = byGroup.get(r.grp);
    if (list) list.push(r);
    else byGroup.set(r.grp, [r]);
  }
  return {
    asOf,
    inactiveDays: meta('inactive_days')?.val ?? 0,
    offsetMinutes: meta('offset_minutes')?.val ?? 0,
    all: scopeReport(rows.filter((r) => r.scope === 'all'), asOf, asOfMonth),
    groups: [...byGroup.keys()].sort().map((group) => ({ group, report: scopeReport(byGroup.get(group)!, asOf, asOfMonth) })),
  };
}
