/**
 * Tiers by presence — how many distinct days each member shows up — next to the relative 5/20/75 split.
 * A relative split always calls the top 5% "core", even in a community that is fading; presence milestones
 * are absolute, so when activity halves the core shrinks with it.
 *
 * The milestones are those of the Orbit Model's presence table (github.com/orbit-love/orbit-model,
 * pages/love/orbit-levels.mdx: Participating "2 days in a week", Contributing "7 days in a month", Leading
 * "30 days in a quarter"). The Model lets a member keep a level once reached within a year; here a tier is
 * the member's current presence instead, over trailing windows that end on `asOf` (days at `offsetMinutes`):
 * - leading: ≥ 30 distinct days with a message in the 90 days asOf−89 … asOf;
 * - contributing: otherwise ≥ 7 distinct days in the 30 days asOf−29 … asOf;
 * - participating: otherwise ≥ 2 distinct days in the 7 days asOf−6 … asOf;
 * - exploring: everyone else — spoke at some time on or before asOf but reached no milestone now, or is on
 *   a roster (`members`) and never spoke.
 * The highest milestone reached wins. Only `message` records count; many messages on one day are one day.
 *
 * Example: asOf 2026-03-31; a speaks every day of March (31 days in the 90) → leading;
 * b speaks 2, 8, 15, 22, 29, 30 and 31 Mar (7 days in asOf−29 … asOf = 2 … 31 Mar) → contributing; c speaks 30 and 31 Mar → participating;
 * d spoke once in January → exploring.
 */
import type { ChatRecord } from './chat';
import { checkOffset, dayAt, dayOfIso, isoOfDay } from './clock';

export type PresenceTier = 'leading' | 'contributing' | 'participating' | 'exploring';
export const PRESENCE_TIERS: readonly PresenceTier[] = ['leading', 'contributing', 'participating', 'exploring'];

/** Each milestone: at least `days` distinct active days in the trailing `window` days. */
export const PRESENCE_MILESTONES = {
  leading: { days: 30, window: 90 },
  contributing: { days: 7, window: 30 },
  participating: { days: 2, window: 7 },
} as const;

export interface PresenceOptions {
  /** Last day, YYYY-MM-DD (default: the latest message day). */
  asOf?: string;
  offsetMinutes?: number;
  /** Roster members: counted (as exploring unless they spoke) even when they never posted. */
  members?: Iterable<string>;
}

export interface PresenceReport {
  asOf: string | null;
  counts: Record<PresenceTier, number>;
  tierOf: Map<string, PresenceTier>;
}

export function presenceTiers(records: readonly ChatRecord[], options: PresenceOptions = {}): PresenceReport {
  const offset = checkOffset(options.offsetMinutes);
  let asOf = options.asOf === undefined ? -Infinity : dayOfIso(options.asOf);
  const days = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    days[i] = dayAt(records[i]!.at, offset);
    if (options.asOf === undefined && records[i]!.kind === 'message' && days[i]! > asOf) asOf = days[i]!;
  }
  const ids = new Map<string, number>();
  const names: string[] = [];
  const in90: number[] = [];
  const in30: number[] = [];
  const in7: number[] = [];
  const idOf = (member: string) => {
    let m = ids.get(member);
    if (m === undefined) {
      ids.set(member, (m = names.length));
      names.push(member);
      in90.push(0);
      in30.push(0);
      in7.push(0);
    }
    return m;
  };
  const seen = new Set<number>(); // member × 90 + days back, within the 90-day window
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.kind !== 'message' || !(days[i]! <= asOf)) continue;
    const m = idOf(r.member);
    const back = asOf - days[i]!;
    if (back >= 90 || seen.has(m * 90 + back)) continue;
    seen.add(m * 90 + back);
    in90[m]!++;
    if (back < 30) in30[m]!++;
    if (back < 7) in7[m]!++;
  }
  for (const member of options.members ?? []) idOf(member);
  const counts: Record<PresenceTier, number> = { leading: 0, contributing: 0, participating: 0, exploring: 0 };
  const tierOf = new Map<string, PresenceTier>();
  const { leading, contributing, participating } = PRESENCE_MILESTONES;
  for (let m = 0; m < names.length; m++) {
    const tier: PresenceTier =
      in90[m]! >= leading.days ? 'leading' : in30[m]! >= contributing.days ? 'contributing' : in7[m]! >= participating.days ? 'participating' : 'exploring';
    counts[tier]++;
    tierOf.set(names[m]!, tier);
  }
  return { asOf: Number.isFinite(asOf) ? isoOfDay(asOf) : null, counts, tierOf };
}
