/**
 * What the Discord, Telegram and Slack readers share: the typed error they throw for a file they cannot read
 * honestly, their options, the question test, strict JSON reading that tells a cut-off file from a wrong one,
 * and wall-clock → instant conversion for zone-less times.
 */
import { DEFAULT_UTC_OFFSET_MINUTES } from '../../event-rows';

export { ChatReadError, isObject, isQuestion, type ChatReadReason, type ReadOptions } from './read-error';
import { ChatReadError, type ReadOptions } from './read-error';

export const offsetOf = (options: ReadOptions): number => options.offsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;

/** Depth of open brackets at the end of the text, strings skipped: above 0 means the JSON was cut off. */
function openDepth(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString ? depth + 1 : depth;
}

/** JSON.parse with the BOM dropped; a cut-off file is `truncated_json`, anything else unparsable `not_json`. */
export function parseJsonText(text: string, format: string): unknown {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(s);
  } catch {
    const t = s.trim();
    const looksJson = t.startsWith('{') || t.startsWith('[');
    throw new ChatReadError(looksJson && openDepth(t) > 0 ? 'truncated_json' : 'not_json', '', { format });
  }
}

/** A wall-clock time read at `offsetMinutes` east of UTC, as epoch milliseconds (null when not a real time). */
export function wallClockMs(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d) return null; // 31 April and the like
  return utc - offsetMinutes * 60_000;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date-time. With a zone (`Z`, `+02:00`) it is absolute; without one it is read at `offsetMinutes`.
 * Fractions of any length (.NET writes seven digits) are kept to the millisecond.
 */
export function parseIsoTime(text: string, offsetMinutes: number): { ms: number; zoned: boolean } | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const base = wallClockMs(+y!, +mo!, +d!, +h!, +mi!, +(s ?? 0), 0);
  if (base === null) return null;
  const ms = base + (frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0);
  if (zone === undefined) return { ms: ms - offsetMinutes * 60_000, zoned: false };
  const z = zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(':', '').slice(3, 5) || 0));
  return { ms: ms - z * 60_000, zoned: true };
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
