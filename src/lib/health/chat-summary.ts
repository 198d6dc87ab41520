/**
 * A chat export reduced to what the health check shows: the `{member, date}` events the existing analysis
 * (`analyzeActivity`) reads, the per-group table, and what was left out and why, so the page can say it.
 *
 * Left out of every figure: the exporting account's own records, members the platform marks as bots, and
 * IDs the user ticked as staff (`mergeExports`); only `message` records are activity (joins, leaves, recalls
 * and notices are not). A chat log sees only people who posted: `silentMembers` counts roster members
 * who never did, and is 0 when no roster was read.
 *
 * Example: the 留痕 fixture `产品交流群_utf8.csv` (10 rows: 7 messages, 1 of them the owner's, 2 notices…)
 * → 6 counted messages from 4 members, 1 own message and 3 non-message rows left out, one group row.
 */
import type { ActivityEvent, KnownMember } from '../activity';
import type { ChatExport, ChatTimeSource } from './chat';
import { dayAt, isoOfDay } from './clock';
import { groupTable, type GroupRow } from './groups';
import { lifecycle, type LifecycleMonth } from './lifecycle';
import { joinDates, mergeExports, toActivityEvents } from './merge';
import { PRESENCE_TIERS, presenceTiers, type PresenceTier } from './presence';
import { formatsWithoutReplies, responseTimes, type ResponseReport } from './response';
import { busiestSlots, rhythm, rhythmLevels, type Rhythm, type RhythmSlot } from './rhythm';

export interface ChatSummary {
  /** The format ids of the exports read, each once, in file order. */
  format: string[];
  time: ChatTimeSource | null;
  /** Records in the file(s), of every kind. */
  records: number;
  /** Messages counted as activity. */
  messages: number;
  /** Records left out, by why. */
  left: { self: number; bots: number; staff: number; notMessages: number };
  /** Members who posted at least one counted message. */
  speakers: number;
  /** Roster members who never posted (0 without a roster). */
  silentMembers: number;
  /** Per group, with the all-groups row first. */
  groups: GroupRow[];
  /** New / returning / resurrecting / dormant members per month (`lifecycle`), first active month first. */
  lifecycle: LifecycleMonth[];
  /** Counted messages by weekday × hour at the chosen offset (`rhythm`), each cell's shading step 0–5, and the three busiest hours. */
  rhythm: Rhythm & { levels: number[][]; busiest: RhythmSlot[] };
  /** Time to first reply and unanswered questions (`responseTimes`), and the formats read that mark no reply. */
  response: ResponseReport & { formatsWithoutReplies: string[] };
  /** Members by presence milestone (`presenceTiers`; roster members who never spoke count as exploring). */
  presence: { asOf: string | null; counts: Record<PresenceTier, number>; members: number; shares: Record<PresenceTier, number | null> };
}

export interface ChatSummaryOptions {
  offsetMinutes: number;
  /** IDs the user ticked as staff or bots. */
  exclude?: ReadonlySet<string>;
}

/** A member `analyzeActivity` should know of beyond the speakers; `roster` when a roster lists them. */
export type ChatKnownMember = KnownMember & { roster: boolean };

/**
 * `names`: the latest name of each kept member (`mergeExports`), for the page to show beside the ID; it is kept
 * out of `summary` so the summary stays small whatever the number of members.
 *
 * `known`: what `analyzeActivity` takes as its third argument, so that roster members who never posted count
 * as members and joins set cohorts: one entry per kept roster entry (its own join day, if the roster gives
 * one), then each roster member's or speaker's earliest join day (`joinDates`: join notices and roster join
 * times). Members seen only joining (no message, on no roster) are not members, as in `mergeExports`.
 * Example: roster g1: a (joined 1 Mar), c; b joined by a notice on 5 Mar and posted; d joined and never posted
 * → a@03-01 (roster), c (roster), a@03-01, b@03-05.
 */
export function summarizeChat(
  exports: readonly ChatExport[],
  options: ChatSummaryOptions,
): { summary: ChatSummary; events: ActivityEvent[]; names: Map<string, string>; known: ChatKnownMember[] } {
  const merged = mergeExports(exports, { offsetMinutes: options.offsetMinutes, exclude: options.exclude });
  const events = toActivityEvents(merged);
  let messages = 0;
  const speakers = new Set<string>();
  for (const r of merged.records) {
    if (r.kind !== 'message') continue;
    messages++;
    speakers.add(r.member);
  }
  const known: ChatKnownMember[] = merged.roster.map((e) =>
    e.joinedAt !== undefined && Number.isFinite(e.joinedAt) ? { member: e.member, joined: isoOfDay(dayAt(e.joinedAt, merged.offsetMinutes)), roster: true } : { member: e.member, roster: true },
  );
  const listed = new Set(merged.roster.map((e) => e.member));
  for (const [member, joined] of joinDates(merged)) if (listed.has(member) || speakers.has(member)) known.push({ member, joined, roster: listed.has(member) });
  const records = exports.reduce((n, x) => n + x.records.length, 0);
  // Every analysis below reads the kept records (own account, bots and staff already left out) and ends on
  // the latest message day, as the activity figures do.
  const offsetMinutes = options.offsetMinutes;
  const week = rhythm(merged.records, { offsetMinutes });
  const presence = presenceTiers(merged.records, { offsetMinutes, members: merged.roster.map((e) => e.member) });
  return {
    events,
    names: merged.names,
    known,
    summary: {
      format: [...new Set(exports.map((x) => x.format))],
      time: exports.find((x) => x.time)?.time ?? null,
      records,
      messages,
      left: { self: merged.dropped.self, bots: merged.dropped.bots, staff: merged.dropped.excluded, notMessages: merged.records.length - messages },
      speakers: speakers.size,
      silentMembers: merged.silentMembers,
      groups: groupTable(merged.records, merged.roster, { offsetMinutes: options.offsetMinutes, groups: merged.groups }).rows,
      lifecycle: lifecycle(merged.records, { offsetMinutes }),
      rhythm: { ...week, levels: rhythmLevels(week), busiest: busiestSlots(week, 3) },
      response: { ...responseTimes(merged.records, { offsetMinutes }), formatsWithoutReplies: formatsWithoutReplies(exports) },
      presence: { asOf: presence.asOf, counts: presence.counts, members: presence.tierOf.size, shares: presenceShares(presence.counts) },
    },
  };
}

/** Each tier's share of all members in a tier (null when there is nobody, never 0/0). */
function presenceShares(counts: Record<PresenceTier, number>): Record<PresenceTier, number | null> {
  const total = PRESENCE_TIERS.reduce((n, k) => n + counts[k], 0);
  return Object.fromEntries(PRESENCE_TIERS.map((k) => [k, total === 0 ? null : counts[k] / total])) as Record<PresenceTier, number | null>;
}
