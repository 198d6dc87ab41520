/**
 * Many chat exports (one file per group, or several formats at once) merged into one view of the community,
 * with our own people left out of every figure.
 *
 * Definitions:
 * - A member is a platform ID (`ChatRecord.member` / `RosterEntry.member`); the same ID in two files is one
 *   person. Their name is the `name` of their latest record that has one (by `at`; on equal times the later
 *   file wins); a roster's name is used only for members with no named record (a roster carries no time).
 * - Left out: every record and roster entry of an ID in `exclude` (staff and bots the user ticked), of an ID
 *   that wrote any record marked `self` (the exporting account, unless `includeSelf`), and of an ID that wrote
 *   any record marked `bot` (unless `includeBots`). An ID is dropped everywhere once flagged anywhere, so the
 *   brand's account flagged in one export does not come back through another group's file.
 * - A group exported twice (overlapping files) counts each record once: within a group seen in more than one
 *   export, records equal in member, time, kind and id are kept once.
 * - Members = speakers (any kept `message`) ∪ roster members; `silentMembers` = roster members with no kept
 *   message. A chat log alone cannot see people who never post: without a roster, `silentMembers` is 0.
 *
 * Example: export 1 (group g1): a "Ann" 1 Mar, me (self) 1 Mar; export 2 (g2): a "Annie" 2 Mar, b 2 Mar, plus
 * roster g2: a, b, c. → records of a, a, b kept; names a → "Annie"; members 3 (a, b, c); silentMembers 1 (c).
 */
import type { ActivityEvent } from '../activity';
import type { ChatExport, ChatGroup, ChatRecord, RosterEntry } from './chat';
import { checkOffset, dayAt, isoOfDay } from './clock';

export interface MergeOptions {
  /** Platform IDs ticked as "our staff / bot": left out of every figure. */
  exclude?: ReadonlySet<string>;
  /** Keep the exporting account's own records (default false). */
  includeSelf?: boolean;
  /** Keep members the platform marks as bots (default false). */
  includeBots?: boolean;
  /** Minutes east of UTC for calendar days (default `DEFAULT_UTC_OFFSET_MINUTES`, UTC+8). */
  offsetMinutes?: number;
}

export interface MergedChats {
  /** Kept records of every export, in file order. */
  records: ChatRecord[];
  /** Kept roster entries of every export. */
  roster: RosterEntry[];
  /** Every group named by any export (first name given wins), in order of first appearance. */
  groups: ChatGroup[];
  /** Latest known name of each kept member. */
  names: Map<string, string>;
  /** Distinct kept members: speakers ∪ roster. */
  members: number;
  /** Roster members with no kept message. */
  silentMembers: number;
  /** Records left out, by reason (a record is counted under the first reason that applies, in this order). */
  dropped: { excluded: number; self: number; bots: number; duplicates: number };
  offsetMinutes: number;
}

const SEP = '\u0000';

export function mergeExports(exports: readonly ChatExport[], options: MergeOptions = {}): MergedChats {
  const offsetMinutes = checkOffset(options.offsetMinutes);
  const exclude = options.exclude ?? new Set<string>();
  const selfIds = new Set<string>();
  const botIds = new Set<string>();
  const groupFiles = new Map<string, number>(); // group → number of exports holding records of it
  const groups = new Map<string, ChatGroup>();
  for (const ex of exports) {
    const seen = new Set<string>();
    for (const g of ex.groups) if (!groups.has(g.id) || (groups.get(g.id)!.name === undefined && g.name !== undefined)) groups.set(g.id, { ...g });
    let last: string | undefined;
    for (const r of ex.records) {
      if (r.self) selfIds.add(r.member);
      if (r.bot) botIds.add(r.member);
      if (r.group === last) continue; // a file's rows mostly share one group: skip the lookups
      last = r.group;
      if (!seen.has(r.group)) {
        seen.add(r.group);
        groupFiles.set(r.group, (groupFiles.get(r.group) ?? 0) + 1);
      }
      if (!groups.has(r.group)) groups.set(r.group, { id: r.group });
    }
    for (const e of ex.roster) if (!groups.has(e.group)) groups.set(e.group, { id: e.group });
  }
  const reason = (id: string): keyof MergedChats['dropped'] | null =>
    exclude.has(id) ? 'excluded' : !options.includeSelf && selfIds.has(id) ? 'self' : !options.includeBots && botIds.has(id) ? 'bots' : null;

  const dropped = { excluded: 0, self: 0, bots: 0, duplicates: 0 };
  const records: ChatRecord[] = [];
  // One lookup per record: whether the member is left out, whether they speak, and their latest name.
  const state = new Map<string, { why: keyof MergedChats['dropped'] | null; speaks: boolean; name?: string; at: number }>();
  const twice = new Set<string>(); // record keys of groups found in several exports
  for (const ex of exports) {
    let lastGroup: string | undefined;
    let shared = false;
    for (const r of ex.records) {
      let st = state.get(r.member);
      if (st === undefined) state.set(r.member, (st = { why: reason(r.member), speaks: false, at: -Infinity }));
      if (st.why) {
        dropped[st.why]++;
        continue;
      }
      if (r.group !== lastGroup) {
        lastGroup = r.group;
        shared = groupFiles.get(r.group)! > 1;
      }
      if (shared) {
        const key = r.group + SEP + r.member + SEP + r.at + SEP + r.kind + SEP + (r.id ?? '');
        if (twice.has(key)) {
          dropped.duplicates++;
          continue;
        }
        twice.add(key);
      }
      records.push(r);
      if (r.kind === 'message') st.speaks = true;
      if (r.name !== undefined && r.name !== '' && r.at >= st.at) {
        st.name = r.name;
        st.at = r.at;
      }
    }
  }
  const roster: RosterEntry[] = [];
  const names = new Map<string, string>();
  let speakers = 0;
  for (const [id, st] of state) {
    if (st.name !== undefined) names.set(id, st.name);
    if (st.speaks) speakers++;
  }
  const listed = new Set<string>();
  for (const ex of exports) {
    for (const e of ex.roster) {
      if (reason(e.member)) continue;
      roster.push(e);
      listed.add(e.member);
      if (!names.has(e.member) && e.name !== undefined && e.name !== '') names.set(e.member, e.name);
    }
  }
  let silentMembers = 0;
  for (const id of listed) if (!state.get(id)?.speaks) silentMembers++;
  return { records, roster, groups: [...groups.values()], names, members: speakers + silentMembers, silentMembers, dropped, offsetMinutes };
}

/**
 * The `{ member, date }` events `analyzeActivity` reads: one per kept `message` record (joins, leaves and
 * system rows are not activity), `date` = its calendar day at the merge's offset.
 */
export function toActivityEvents(merged: Pick<MergedChats, 'records' | 'offsetMinutes'>): ActivityEvent[] {
  const events: ActivityEvent[] = [];
  // Day strings repeat a lot: cache them by day number instead of formatting a date per record.
  const iso = new Map<number, string>();
  let lastDay = Number.NaN;
  let date = '';
  for (const r of merged.records) {
    if (r.kind !== 'message') continue;
    const day = dayAt(r.at, merged.offsetMinutes);
    if (day !== lastDay) {
      lastDay = day;
      const known = iso.get(day);
      if (known === undefined) iso.set(day, (date = isoOfDay(day)));
      else date = known;
    }
    events.push({ member: r.member, date });
  }
  return events;
}

/**
 * Each member's join day (YYYY-MM-DD at the merge's offset): the earliest of their `join` records and roster
 * `joinedAt` values. Members with neither are absent (their first message is then the best guess).
 */
export function joinDates(merged: Pick<MergedChats, 'records' | 'roster' | 'offsetMinutes'>): Map<string, string> {
  const earliest = new Map<string, number>();
  const see = (id: string, at: number) => {
    const known = earliest.get(id);
    if (known === undefined || at < known) earliest.set(id, at);
  };
  for (const r of merged.records) if (r.kind === 'join') see(r.member, r.at);
  for (const e of merged.roster) if (e.joinedAt !== undefined && Number.isFinite(e.joinedAt)) see(e.member, e.joinedAt);
  const out = new Map<string, string>();
  for (const [id, at] of earliest) out.set(id, isoOfDay(dayAt(at, merged.offsetMinutes)));
  return out;
}

export interface Sender {
  member: string;
  name?: string;
  messages: number;
  self: boolean;
  bot: boolean;
}

/**
 * The `n` members with the most `message` records (ties by ID ascending), for the "our staff / bot" checklist.
 * Give it the records before exclusion (all exports' records) so the user can see and tick the brand account.
 * Name = latest named record; `self` / `bot` = any of their records is so marked.
 */
export function topSenders(records: readonly ChatRecord[], n = 20): Sender[] {
  const by = new Map<string, Sender & { at: number }>();
  for (const r of records) {
    let s = by.get(r.member);
    if (!s) by.set(r.member, (s = { member: r.member, messages: 0, self: false, bot: false, at: -Infinity }));
    if (r.kind === 'message') s.messages++;
    if (r.self) s.self = true;
    if (r.bot) s.bot = true;
    if (r.name !== undefined && r.name !== '' && r.at >= s.at) {
      s.name = r.name;
      s.at = r.at;
    }
  }
  return [...by.values()]
    .filter((s) => s.messages > 0)
    .sort((a, b) => b.messages - a.messages || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0))
    .slice(0, Math.max(0, Math.floor(n)))
    .map(({ at: _at, ...s }) => s);
}

/**
 * Members who left between two rosters of the same groups: entries of `before` whose (group, member) is absent
 * from `after`, and those who arrived (in `after`, not in `before`). Only groups present in both rosters are
 * compared: a group missing from `after` was not exported again, which says nothing about its members.
 *
 * Example: before g1: a, b; g2: c. after g1: a, d. → left [b] (g2 not compared), arrived [d].
 */
export function leavers(before: readonly RosterEntry[], after: readonly RosterEntry[]): { left: RosterEntry[]; arrived: RosterEntry[] } {
  const keys = (list: readonly RosterEntry[]) => new Set(list.map((e) => e.group + SEP + e.member));
  const groupsOf = (list: readonly RosterEntry[]) => new Set(list.map((e) => e.group));
  const [a, b, ga, gb] = [keys(before), keys(after), groupsOf(before), groupsOf(after)];
  return {
    left: before.filter((e) => gb.has(e.group) && !b.has(e.group + SEP + e.member)),
    arrived: after.filter((e) => ga.has(e.group) && !a.has(e.group + SEP + e.member)),
  };
}
