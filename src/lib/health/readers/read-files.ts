/**
 * Many files at once (a dropped folder, or several files picked together): each file goes to its format's
 * reader, and one refused file does not stop the others. PyWxDump parts are read as sets (per room, with the
 * `users.json` of the export when it is among the files), so a missing part is named; a Slack workspace zip
 * goes to `readSlackZip`; generic "member, date" sheets are read one at a time on the column path, so among
 * several files they are refused with `generic_with_others`.
 *
 * Rosters (WeCom `groupchat/get`): when two or more roster files hold the same group, the newest file (by
 * the file's date, then name) says who is in the group now, and the oldest is compared with it for leavers
 * (`leavers`); older entries are not counted as members, since a leaver is no silent member.
 *
 * Each file's result carries its name, format, counts and, when refused, the reason code and the reader's
 * detail (a line number, a missing part's name, columns): never message text.
 *
 * Example: [a WeChatMsg CSV, a DCE JSON, notes.json] → two exports; files: read, read, refused `unknown_format`.
 */
import { unzipSync } from 'fflate';
import type { ChatExport, RosterEntry } from '../chat';
import { leavers } from '../merge';
import type { ChatFormatId } from './detect';
import { isTextChatFormat, readChatText } from './read-chat';
import { ChatReadError, type ChatReadReason } from './read-error';
import { readSlackZip } from './slack';
import { joinPywxdumpParts, pywxdumpPart, readPywxdumpUsers } from './wechat-csv';

export interface ChatFileInput {
  name: string;
  format: ChatFormatId;
  /** Decoded text, for every format but `slack-zip`. */
  text?: string;
  /** The file's bytes, for `slack-zip`. */
  bytes?: Uint8Array;
  /** The file's date (ms), used to order rosters of the same group. */
  lastModified?: number;
}

/** Why a file among several was refused: a reader's reason, or one of the reasons of reading them together. */
export type ChatFileReason = ChatReadReason | 'unknown_format' | 'generic_with_others' | 'users_json_alone';

export interface ChatFileResult {
  name: string;
  format: ChatFormatId;
  /** Records (of every kind) and roster entries read from this file (or its set of parts); 0 when refused. */
  records: number;
  roster: number;
  /** For a PyWxDump part read with others of the same room: how many files the set has. */
  parts?: number;
  refused?: { reason: ChatFileReason; detail: string };
}

export interface RosterComparison {
  group: string;
  groupName?: string;
  before: string;
  after: string;
  left: RosterEntry[];
  arrived: RosterEntry[];
}

export interface ChatFilesRead {
  /** The exports to summarise: every file read, rosters reduced to their newest snapshot per group. */
  exports: ChatExport[];
  /** One per input, in input order. */
  files: ChatFileResult[];
  /** Groups found in two or more roster files: who left and who arrived between the oldest and the newest. */
  rosters: RosterComparison[];
}

const isUsersJson = (f: ChatFileInput) => f.format === 'pywxdump-users-json';

export function readChatFiles(inputs: readonly ChatFileInput[], options: { offsetMinutes: number }): ChatFilesRead {
  const files: ChatFileResult[] = inputs.map((f) => ({ name: f.name, format: f.format, records: 0, roster: 0 }));
  const exports: { index: number; export: ChatExport }[] = [];
  const refuse = (i: number, reason: ChatFileReason, detail = '') => (files[i]!.refused = { reason, detail });
  const took = (indexes: number[], ex: ChatExport) => {
    exports.push({ index: indexes[0]!, export: ex });
    for (const i of indexes) {
      files[i]!.records = ex.records.length;
      files[i]!.roster = ex.roster.length;
      if (indexes.length > 1) files[i]!.parts = indexes.length;
    }
  };
  const attempt = (indexes: number[], read: () => ChatExport) => {
    try {
      took(indexes, read());
    } catch (e) {
      if (!(e instanceof ChatReadError)) throw e;
      for (const i of indexes) refuse(i, e.reason, e.detail);
    }
  };

  // PyWxDump: the users.json that parses, then the parts grouped by room.
  let users: ChatFileInput | undefined;
  inputs.forEach((f, i) => {
    if (!isUsersJson(f)) return;
    try {
      readPywxdumpUsers(f.text ?? '', f.name);
      users ??= f;
    } catch (e) {
      if (!(e instanceof ChatReadError)) throw e;
      refuse(i, e.reason, e.detail);
    }
  });
  const rooms = new Map<string, number[]>();
  inputs.forEach((f, i) => {
    if (f.format !== 'pywxdump-csv') return;
    const key = pywxdumpPart(f.name)?.room ?? `\u0000${i}`;
    rooms.set(key, [...(rooms.get(key) ?? []), i]);
  });
  for (const indexes of rooms.values()) {
    const set = indexes.map((i) => ({ name: inputs[i]!.name, text: inputs[i]!.text ?? '' }));
    attempt(indexes, () => joinPywxdumpParts(users ? [...set, { name: 'users.json', text: users.text! }] : set, options.offsetMinutes));
  }

  inputs.forEach((f, i) => {
    if (f.format === 'pywxdump-csv') return;
    if (isUsersJson(f)) {
      if (rooms.size === 0 && !files[i]!.refused) refuse(i, 'users_json_alone');
      return;
    }
    if (f.format === 'slack-zip') return attempt([i], () => readSlackZip(f.bytes ?? new Uint8Array(), { fileName: f.name }));
    if (isTextChatFormat(f.format)) {
      const format = f.format;
      return attempt([i], () => readChatText(format, f.text ?? '', { fileName: f.name, offsetMinutes: options.offsetMinutes }));
    }
    refuse(i, f.format === 'generic' ? 'generic_with_others' : 'unknown_format');
  });

  exports.sort((a, b) => a.index - b.index);
  const { kept, rosters } = newestRosters(
    exports.map((x) => ({ export: x.export, name: inputs[x.index]!.name, lastModified: inputs[x.index]!.lastModified ?? 0 })),
  );
  return { exports: kept, files, rosters };
}

/**
 * Rosters of the same group in several files: the newest (by date, then name) is the group now; the oldest
 * is compared with it. Exports that are not rosters pass through untouched.
 */
export function newestRosters(list: readonly { export: ChatExport; name: string; lastModified: number }[]): { kept: ChatExport[]; rosters: RosterComparison[] } {
  const holders = new Map<string, number[]>(); // group → indexes of roster files holding it
  list.forEach((x, i) => {
    for (const g of new Set(x.export.roster.map((e) => e.group))) holders.set(g, [...(holders.get(g) ?? []), i]);
  });
  const order = (a: number, b: number) => list[a]!.lastModified - list[b]!.lastModified || (list[a]!.name < list[b]!.name ? -1 : list[a]!.name > list[b]!.name ? 1 : 0);
  const newest = new Map<string, number>();
  const rosters: RosterComparison[] = [];
  for (const [group, idx] of holders) {
    const sorted = [...idx].sort(order);
    const after = sorted[sorted.length - 1]!;
    newest.set(group, after);
    if (sorted.length < 2) continue;
    const before = sorted[0]!;
    const inGroup = (i: number) => list[i]!.export.roster.filter((e) => e.group === group);
    const { left, arrived } = leavers(inGroup(before), inGroup(after));
    const groupName = list[after]!.export.groups.find((g) => g.id === group)?.name;
    rosters.push({ group, ...(groupName ? { groupName } : {}), before: list[before]!.name, after: list[after]!.name, left, arrived });
  }
  const kept = list.map((x, i) =>
    x.export.roster.length === 0 ? x.export : { ...x.export, roster: x.export.roster.filter((e) => newest.get(e.group) === i) },
  );
  return { kept, rosters };
}

/**
 * What a zip holds, from its entry names (nothing is decompressed): an Excel workbook (`[Content_Types].xml`,
 * `xl/`), a Slack workspace export (`users.json` or `channels.json` at the top or one folder down), or
 * neither. Unreadable bytes are `other`.
 */
export function zipKind(bytes: Uint8Array): 'xlsx' | 'slack' | 'other' {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return 'other';
  }
  if (names.some((n) => n === '[Content_Types].xml' || n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => /^([^/]+\/)?(users|channels)\.json$/.test(n))) return 'slack';
  return 'other';
}
