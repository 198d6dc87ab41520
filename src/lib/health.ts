/**
 * What the health check reads out of an `analyzeActivity` report beyond the report itself: the cohorts'
 * average retention curve for the sBG fit, the constant monthly churn that fit implies, and how activity is
 * spread over the 5/20/75 tiers.
 */
import type { ActivityEvent, ActivityReport, Tier } from './activity';
import { daysBetween } from './activity';
import { SBG_POINTS, sbgSurvival } from './sbg';

export interface AverageRetention {
  /** Weighted mean retention by month since joining, made non-increasing; curve[0] = 1. */
  curve: number[];
  /** Members in the cohorts that contributed to month 1 (0 when no month is complete). */
  members: number;
}

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const lastDayOfMonth = (iso: string) => {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === Number(iso.slice(8, 10));
};

/**
 * Average retention of the join cohorts, weighted by cohort size: curve[k] = Σ size·retention[k] ÷ Σ size
 * over the cohorts whose month k is complete (the month of `asOf` counts only when asOf is its last day, so
 * a half-observed month does not look like churn). The sBG model describes survival, which cannot rise,
 * so each point is capped at the one before (a running minimum); at most 37 points (month 0 … 36) are kept.
 *
 * Example: cohorts 2026-01 (100 members, [1, .6, .5]) and 2026-02 (50, [1, .4]), asOf 2026-03-31 →
 * curve [1, (60 + 20) / 150 = 0.5333…, 0.5], members 150.
 */
export function averageRetention(report: Pick<ActivityReport, 'cohorts' | 'asOf'>): AverageRetention {
  if (report.cohorts.length === 0) return { curve: [], members: 0 };
  const complete = monthIndex(report.asOf) - (lastDayOfMonth(report.asOf) ? 0 : 1);
  const curve: number[] = [];
  let members = 0;
  for (let k = 0; k < SBG_POINTS.max; k++) {
    let weight = 0;
    let sum = 0;
    for (const c of report.cohorts) {
      if (monthIndex(c.month) + k > complete || c.retention[k] === undefined) continue;
      weight += c.size;
      sum += c.size * c.retention[k]!;
    }
    if (weight === 0) break;
    if (k === 1) members = weight;
    curve.push(Math.min(sum / weight, curve[k - 1] ?? 1));
  }
  if (curve.length > 0) curve[0] = 1;
  return { curve, members };
}

/**
 * The constant monthly churn that leaves the same share after `months` as the fitted sBG curve:
 * 1 − S(months)^(1/months). It is what the LTV/CAC calculator, which assumes one churn rate, can use.
 * Example: α = 0.704, β = 1.182 → S(12) = Π_{i<12} (β+i)/(α+β+i) ≈ 0.1701, churn ≈ 13.7% a month.
 */
export function equivalentMonthlyChurn(alpha: number, beta: number, months = 12): number {
  const s = sbgSurvival(alpha, beta, months)[months]!;
  return 1 - s ** (1 / months);
}

export interface TierProfile {
  members: number;
  /** Members of the tier with at least one event in the 90 days `asOf−89 … asOf`. */
  active90: number;
  /** Events of the tier in those 90 days. */
  events90: number;
}

/**
 * Members, members active in the last 90 days and their events, per tier, summed from `memberTiers` (which
 * has already counted each member's 90-day events, so the events are not walked a second time). The tiers
 * themselves are 5/20/75 by construction; what tells the health is how much of the activity the top
 * quarter carries and how many of the "active" 20% did anything at all.
 */
export function tierProfile(members: readonly MemberTier[]): Record<Tier, TierProfile> {
  const out: Record<Tier, TierProfile> = {
    core: { members: 0, active90: 0, events90: 0 },
    active: { members: 0, active90: 0, events90: 0 },
    silent: { members: 0, active90: 0, events90: 0 },
  };
  for (const m of members) {
    const p = out[m.tier];
    p.members++;
    p.events90 += m.events90;
    if (m.events90 > 0) p.active90++;
  }
  return out;
}

export interface TierActivityShares {
  /** Share of all members in each tier (5/20/75 up to rounding) and share of the 90-day events it made. */
  tiers: Record<Tier, { memberShare: number; eventShare: number; activeShare: number }>;
  /** Share of members with any event in the last 90 days: the benchmark expects the top 25% to be engaged. */
  engagedShare: number;
  /** Share of the 90-day events made by the core and active tiers together. */
  topQuarterEventShare: number;
}

/** The tier profile as shares (0 when there is nothing to divide by). */
export function tierShares(profile: Record<Tier, TierProfile>): TierActivityShares {
  const tiersList = ['core', 'active', 'silent'] as const;
  const members = tiersList.reduce((n, k) => n + profile[k].members, 0);
  const events = tiersList.reduce((n, k) => n + profile[k].events90, 0);
  const active = tiersList.reduce((n, k) => n + profile[k].active90, 0);
  const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const tiers = Object.fromEntries(
    tiersList.map((k) => [k, { memberShare: share(profile[k].members, members), eventShare: share(profile[k].events90, events), activeShare: share(profile[k].active90, profile[k].members) }]),
  ) as TierActivityShares['tiers'];
  return { tiers, engagedShare: share(active, members), topQuarterEventShare: share(profile.core.events90 + profile.active.events90, events) };
}

/**
 * Where the fitted curve goes next. The retention calculator's cohort tab takes the observed curve as
 * percentages in its `survival` field; the LTV/CAC calculator takes one monthly churn in `churn` (percent).
 * Both read these query parameters on load (see `src/lib/calc-state.ts`), so the hand-over is a link.
 * Percentages keep two decimals: enough for the fit, short enough to read in the address bar.
 *
 * Example: curve [1, 0.6, 0.45], α = 1, β = 2 → retention `?tab=cohort&survival=100%2C+60%2C+45`, churn
 * 1 − S(12)^(1/12) with S(12) = 2/14 → `?churn=14.97`.
 */
export function handOffQueries(curve: readonly number[], fit: { alpha: number; beta: number }): { retention: string; ltvCac: string; churn: number } {
  const pct = (x: number) => String(Number((x * 100).toFixed(2)));
  const churn = equivalentMonthlyChurn(fit.alpha, fit.beta);
  return {
    retention: `?${new URLSearchParams({ tab: 'cohort', survival: curve.map(pct).join(', ') })}`,
    ltvCac: `?${new URLSearchParams({ churn: pct(churn) })}`,
    churn,
  };
}

export interface MemberTier {
  member: string;
  tier: Tier;
  /** Events in the 90 days `asOf−89 … asOf` (the ranking's measure). */
  events90: number;
  /** Latest event on or before asOf, YYYY-MM-DD; null for a listed member (roster) who never posted. */
  lastEvent: string | null;
}

/**
 * Every member with their tier, in the ranking's order (most events in 90 days first, ties by member id),
 * for the operators who act on the tiers. Events after asOf are ignored, as in `analyzeActivity`. Members of
 * `tierOf` with no event (roster members who never posted, see `analyzeActivity`'s `known`) come last, by id,
 * with 0 events and no last event.
 * Example: a@01-01, a@01-02, b@01-02, asOf 01-02 → [a (2 events, last 01-02), b (1, 01-02)].
 */
export function memberTiers(events: readonly ActivityEvent[], report: Pick<ActivityReport, 'asOf' | 'tierOf'>): MemberTier[] {
  const stats = new Map<string, { events90: number; lastEvent: string }>();
  for (const e of events) {
    const back = daysBetween(e.date, report.asOf);
    if (!(back >= 0)) continue;
    const s = stats.get(e.member);
    if (s === undefined) stats.set(e.member, { events90: back < 90 ? 1 : 0, lastEvent: e.date });
    else {
      if (back < 90) s.events90++;
      if (e.date > s.lastEvent) s.lastEvent = e.date;
    }
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const list: MemberTier[] = [...stats.entries()].map(([member, s]) => ({ member, tier: report.tierOf[member]!, ...s })).sort((a, b) => b.events90 - a.events90 || byId(a.member, b.member));
  // Listed members who never posted (in the tiers, not in the events) come last, as they rank last.
  if (Object.keys(report.tierOf).length > list.length) {
    const silent = Object.keys(report.tierOf).filter((m) => !stats.has(m)).sort(byId);
    for (const member of silent) list.push({ member, tier: report.tierOf[member]!, events90: 0, lastEvent: null });
  }
  return list;
}
