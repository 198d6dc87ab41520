/**
 * The per-group table of a multi-group export: where the community talks and where the dead groups are.
 *
 * For each group, with `asOf` the last day (default: the latest message day of all groups) and days taken at
 * `offsetMinutes`:
 * - `members` = distinct IDs with a message on or before asOf in the group ∪ the group's roster entries
 *   (but not those the roster says joined after asOf, as `analyzeActivity` counts members);
 * - `speakers` = distinct IDs with a message in the 30 days asOf−29 … asOf (the group's MAU);
 * - `messages` = message records on or before asOf (all time), `messages30` = those in the 30 days;
 * - `avgDau` = (Σ over the 30 days of distinct speakers that day) ÷ 30; `stickiness` = avgDau ÷ speakers,
 *   null when nobody spoke in the 30 days (a dead group shows as a row with 0 speakers, not as a gap).
 * The `all` row applies the same definitions to every group at once: a person in two groups is one member,
 * and speaking in both on one day counts once that day. Joins, leaves and system rows are not messages.
 * Rows: `all` first, then groups by speakers (most first), then messages, then ID.
 *
 * Example: g1: a on 1 and 2 Mar, b on 2 Mar; g2: a on 2 Mar; roster g2: a, c; asOf 2 Mar. → g1 members 2,
 * speakers 2, messages 3, avgDau (1 + 2) / 30 = 0.1, stickiness 0.05; g2 members 2 (a, c), speakers 1,
 * avgDau 1/30, stickiness 1/30; all: members 3, speakers 2, avgDau (1 + 2)/30 = 0.1, stickiness 0.05.
 */
import type { ChatGroup, ChatRecord, RosterEntry } from './chat';
import { checkOffset, dayAt, dayOfIso, isoOfDay } from './clock';

export const ALL_GROUPS = '*';

export interface GroupRow {
  /** Group ID, or `ALL_GROUPS` for the row of every group. */
  group: string;
  name?: string;
  members: number;
  speakers: number;
  messages: number;
  messages30: number;
  avgDau: number;
  stickiness: number | null;
}

export interface GroupTable {
  /** YYYY-MM-DD, or null when there is no message at all (every figure is then 0 / null). */
  asOf: string | null;
  rows: GroupRow[];
}

export interface GroupTableOptions {
  asOf?: string;
  offsetMinutes?: number;
  /** Groups named by the exports: listed even when nothing of them was read, with their names. */
  groups?: readonly ChatGroup[];
}

interface Acc {
  members: Set<number>;
  speakers: Set<number>;
  dayKeys: Set<number>;
  messages: number;
  messages30: number;
}
const acc = (): Acc => ({ members: new Set(), speakers: new Set(), dayKeys: new Set(), messages: 0, messages30: 0 });

export function groupTable(records: readonly ChatRecord[], roster: readonly RosterEntry[], options: GroupTableOptions = {}): GroupTable {
  const offset = checkOffset(options.offsetMinutes);
  let asOf = options.asOf === undefined ? -Infinity : dayOfIso(options.asOf);
  const days = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    days[i] = dayAt(r.at, offset);
    if (options.asOf === undefined && r.kind === 'message' && days[i]! > asOf) asOf = days[i]!;
  }
  const ids = new Map<string, number>();
  const idOf = (member: string) => {
    let m = ids.get(member);
    if (m === undefined) ids.set(member, (m = ids.size));
    return m;
  };
  const by = new Map<string, Acc>();
  const accOf = (group: string) => {
    let a = by.get(group);
    if (!a) by.set(group, (a = acc()));
    return a;
  };
  for (const g of options.groups ?? []) accOf(g.id);
  const all = acc();
  let lastGroup: string | undefined;
  let a = all;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const day = days[i]!;
    if (r.group !== lastGroup) a = accOf((lastGroup = r.group)); // rows of one file mostly share a group
    if (r.kind !== 'message' || !(day <= asOf)) continue;
    const m = idOf(r.member);
    a.members.add(m);
    all.members.add(m);
    a.messages++;
    all.messages++;
    const back = asOf - day;
    if (back < 30) {
      a.messages30++;
      all.messages30++;
      a.speakers.add(m);
      all.speakers.add(m);
      a.dayKeys.add(m * 30 + back);
      all.dayKeys.add(m * 30 + back);
    }
  }
  for (const e of roster) {
    if (e.joinedAt !== undefined && Number.isFinite(asOf) && dayAt(e.joinedAt, offset) > asOf) continue; // not yet in the group on asOf
    const m = idOf(e.member);
    accOf(e.group).members.add(m);
    all.members.add(m);
  }
  const names = new Map((options.groups ?? []).filter((g) => g.name !== undefined).map((g) => [g.id, g.name!]));
  const row = (group: string, a: Acc): GroupRow => {
    const avgDau = a.dayKeys.size / 30;
    const r: GroupRow = { group, members: a.members.size, speakers: a.speakers.size, messages: a.messages, messages30: a.messages30, avgDau, stickiness: a.speakers.size === 0 ? null : avgDau / a.speakers.size };
    if (names.has(group)) r.name = names.get(group)!;
    return r;
  };
  const rows = [...by.entries()]
    .map(([g, a]) => row(g, a))
    .sort((x, y) => y.speakers - x.speakers || y.messages - x.messages || (x.group < y.group ? -1 : x.group > y.group ? 1 : 0));
  return { asOf: Number.isFinite(asOf) ? isoOfDay(asOf) : null, rows: [row(ALL_GROUPS, all), ...rows] };
}
