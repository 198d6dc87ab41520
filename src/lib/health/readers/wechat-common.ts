/**
 * Shared pieces of the WeChat-family readers (`wechat-csv.ts`, `wechat-json.ts`): the typed error every reader
 * throws for a file it cannot read honestly, zone-less local times at a chosen offset, question detection, and
 * join notices ("加入了群聊") turned into join records when the joined person's ID can be found in the same file.
 */
import type { ChatRecord } from '../chat';

export { ChatReadError, isObject, isQuestion, type ChatReadReason } from './read-error';
import { ChatReadError } from './read-error';

/** The WeChat-family readers always get an offset (the page's chosen one). */
export interface ReadOptions {
  offsetMinutes: number;
  fileName: string;
}

export const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

const LOCAL_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** `2024-03-05 21:07:09` read at `offsetMinutes` east of UTC → epoch ms; null when it is not such a time. */
export function localTimeToMs(text: string, offsetMinutes: number): number | null {
  const m = LOCAL_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return null; // 2024-02-30
  return ms - offsetMinutes * 60_000;
}

/** Unix seconds (or, defensively, 13-digit milliseconds) → epoch ms; null when not a plausible number. */
export function unixToMs(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  return n >= 1e12 ? Math.round(n) : Math.round(n * 1000);
}

// `"张三"邀请"李四、王五"加入了群聊`, `你邀请"李四"加入了群聊`, `"李四"通过扫描"张三"分享的二维码加入群聊`,
// `"李四"加入了群聊` — quotes are ASCII or “ ” depending on the client.
const INVITED = /邀请["“]([^"”]+)["”]加入了?群聊/;
const SCANNED = /^["“]([^"”]+)["”]通过扫描.*加入了?群聊/;
const JOINED = /^["“]([^"”]+)["”]加入了?群聊/;

/** The display names a WeChat join notice says joined, or [] when the text is not a join notice. */
export function joinedNames(text: string): string[] {
  const t = text.trim();
  const m = INVITED.exec(t) ?? SCANNED.exec(t) ?? JOINED.exec(t);
  return m ? m[1]!.split(/[、，,]/).map((s) => s.trim()).filter(Boolean) : [];
}

/** A system row still waiting for the names → IDs map of its whole file. */
export interface PendingNotice {
  record: ChatRecord;
  text: string;
}

/**
 * Turns join notices into one `join` record per joined person whose display name maps to exactly one ID in
 * the file (WeChat notices carry names, not wxids); every other notice stays one `system` record.
 */
export function resolveNotices(notices: readonly PendingNotice[], names: ReadonlyMap<string, Set<string>>): ChatRecord[] {
  const out: ChatRecord[] = [];
  for (const { record, text } of notices) {
    const ids = joinedNames(text).map((n) => names.get(n)).filter((s): s is Set<string> => s !== undefined && s.size === 1);
    if (ids.length === 0) out.push({ ...record, kind: 'system' });
    else for (const s of ids) out.push({ member: [...s][0]!, group: record.group, at: record.at, kind: 'join' });
  }
  return out;
}

/** Remembers which IDs each display name was seen with. */
export function noteName(names: Map<string, Set<string>>, name: string | undefined, member: string): void {
  if (!name || !member) return;
  let s = names.get(name);
  if (!s) names.set(name, (s = new Set()));
  s.add(member);
}

/** JSON.parse with the two reasons a JSON export fails: cut off mid-way, or not JSON at all. */
export function parseJson(text: string, fileName: string): unknown {
  const t = stripBom(text).trim();
  try {
    return JSON.parse(t);
  } catch (e) {
    const truncated = t !== '' && !/[}\]]$/.test(t);
    throw new ChatReadError(truncated ? 'truncated_json' : 'bad_json', e instanceof Error ? e.message.slice(0, 80) : '', { fileName });
  }
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** File name without folders and extension: the group id of formats that name no group. */
export const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
