/**
 * UTF-8 cells read straight from the bytes of an export: trimming the way `String.prototype.trim` does, and
 * a cell's calendar day the way `parseEventDate` reads it. A million rows should not each build strings,
 * so the common shapes are read from the bytes; anything else is decoded and given to `parseEventDate`, so
 * the two can never disagree (tests/unit/stream-bytes.test.ts checks both on random cells).
 */
import { daysBetween } from '../../activity';
import { DEFAULT_UTC_OFFSET_MINUTES, parseEventDate } from '../../event-rows';

const decoder = new TextDecoder();

/**
 * The text of bytes `start … end − 1`. Short ASCII (most member IDs) is built from its char codes: a
 * TextDecoder call per new member cost more than reading its rows.
 */
export function textOf(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) if (buf[i]! >= 0x80) (ascii = false), (i = end);
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(buf.subarray(start, end));
}

const asciiSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);

/** Length of the Unicode space (as JS `trim` knows it) starting at `i`, 0 when there is none. */
function spaceAt(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i]!;
  if (asciiSpace(b)) return 1;
  if (b === 0xc2) return i + 1 < end && buf[i + 1] === 0xa0 ? 2 : 0;
  if (i + 2 >= end) return 0;
  const c = buf[i + 1]!;
  const d = buf[i + 2]!;
  if (b === 0xe1) return c === 0x9a && d === 0x80 ? 3 : 0; // U+1680
  if (b === 0xe2) return (c === 0x80 && ((d >= 0x80 && d <= 0x8a) || d === 0xa8 || d === 0xa9 || d === 0xaf)) || (c === 0x81 && d === 0x9f) ? 3 : 0;
  if (b === 0xe3) return c === 0x80 && d === 0x80 ? 3 : 0; // U+3000
  if (b === 0xef) return c === 0xbb && d === 0xbf ? 3 : 0; // U+FEFF
  return 0;
}

/** Length of the Unicode space ending just before `end`, 0 when there is none. */
function spaceBefore(buf: Uint8Array, start: number, end: number): number {
  const b = buf[end - 1]!;
  if (asciiSpace(b)) return 1;
  if (b < 0x80) return 0;
  if (end - 2 >= start && buf[end - 2] === 0xc2 && b === 0xa0) return 2;
  if (end - 3 >= start && spaceAt(buf, end - 3, end) === 3) return 3;
  return 0;
}

/** Where the cell's text starts once leading spaces are dropped, as `trim()` would drop them. */
export function trimStart(buf: Uint8Array, start: number, end: number): number {
  let s = start;
  for (let n; s < end && (n = spaceAt(buf, s, end)) > 0; ) s += n;
  return s;
}

/** Where the cell's text ends once trailing spaces are dropped (`start` from `trimStart`). */
export function trimEnd(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  for (let n; e > start && (n = spaceBefore(buf, start, e)) > 0; ) e -= n;
  return e;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of a calendar date (Hinnant's days-from-civil); the date is known to be real. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 48 && b <= 57;

/**
 * The calendar day (days since 1970-01-01) of an already trimmed cell, as `parseEventDate` reads it, or NaN
 * when it is not a date. Read from the bytes: `2026-03-05`, `2026/3/5`, `2026.3.5`, each optionally with a
 * time `14:03`, `14:03:27` or `14:03:27.120` and no zone, and 10- or 13-digit Unix timestamps. Every other
 * shape (年月日, zones, spaces inside) goes through `parseEventDate`.
 */
export function cellDay(buf: Uint8Array, start: number, end: number, offsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): number {
  const len = end - start;
  if (len === 10 || len === 13) {
    let all = true;
    for (let i = start; i < end; i++) if (!isDigit(buf[i])) (all = false), (i = end);
    if (all) {
      let n = 0;
      for (let i = start; i < end; i++) n = n * 10 + buf[i]! - 48;
      const ms = (len === 10 ? n * 1000 : n) + offsetMinutes * 60_000;
      return Math.floor(ms / 86_400_000);
    }
  }
  let i = start;
  if (len < 8 || !isDigit(buf[i]) || !isDigit(buf[i + 1]) || !isDigit(buf[i + 2]) || !isDigit(buf[i + 3])) return slow(buf, start, end, offsetMinutes);
  const y = (buf[i]! - 48) * 1000 + (buf[i + 1]! - 48) * 100 + (buf[i + 2]! - 48) * 10 + (buf[i + 3]! - 48);
  i += 4;
  const sep = buf[i];
  if (sep !== 45 && sep !== 47 && sep !== 46) return slow(buf, start, end, offsetMinutes);
  i++;
  let m = 0;
  let digits = 0;
  for (; digits < 3 && isDigit(buf[i]) && i < end; digits++, i++) m = m * 10 + buf[i]! - 48;
  if (digits === 0 || digits > 2) return slow(buf, start, end, offsetMinutes);
  const sep2 = buf[i];
  if (i >= end || (sep2 !== 45 && sep2 !== 47 && sep2 !== 46)) return slow(buf, start, end, offsetMinutes);
  i++;
  let d = 0;
  digits = 0;
  for (; digits < 3 && i < end && isDigit(buf[i]); digits++, i++) d = d * 10 + buf[i]! - 48;
  if (digits === 0 || digits > 2) return slow(buf, start, end, offsetMinutes);
  // A plain date must be written YYYY-MM-DD exactly: other dates without a time go the slow way.
  if (i === end && !(len === 10 && sep === 45 && sep2 === 45)) return slow(buf, start, end, offsetMinutes);
  if (i < end) {
    // A time: one or more spaces or a T, then H:MM, optionally :SS and a fraction, and no zone.
    const t = buf[i];
    if (t === 84 || t === 116) i++;
    else if (t === 32) while (i < end && buf[i] === 32) i++;
    else return slow(buf, start, end, offsetMinutes);
    let hh = 0;
    digits = 0;
    for (; digits < 3 && i < end && isDigit(buf[i]); digits++, i++) hh = hh * 10 + buf[i]! - 48;
    if (digits === 0 || digits > 2 || buf[i] !== 58 || i >= end) return slow(buf, start, end, offsetMinutes);
    i++;
    if (end - i < 2 || !isDigit(buf[i]) || !isDigit(buf[i + 1])) return slow(buf, start, end, offsetMinutes);
    const mm = (buf[i]! - 48) * 10 + buf[i + 1]! - 48;
    i += 2;
    let ss = 0;
    if (i < end && buf[i] === 58) {
      if (end - i < 3 || !isDigit(buf[i + 1]) || !isDigit(buf[i + 2])) return slow(buf, start, end, offsetMinutes);
      ss = (buf[i + 1]! - 48) * 10 + buf[i + 2]! - 48;
      i += 3;
      if (i < end && (buf[i] === 46 || buf[i] === 44)) {
        i++;
        if (i >= end || !isDigit(buf[i])) return slow(buf, start, end, offsetMinutes);
        while (i < end && isDigit(buf[i])) i++;
      }
    }
    if (i !== end) return slow(buf, start, end, offsetMinutes);
    if (hh > 23 || mm > 59 || ss > 59) return Number.NaN;
  }
  if (m < 1 || m > 12 || d < 1 || y < 1 || d > (m === 2 && leap(y) ? 29 : DIM[m - 1]!)) return Number.NaN;
  return dayNumber(y, m, d);
}

function slow(buf: Uint8Array, start: number, end: number, offsetMinutes: number): number {
  const iso = parseEventDate(textOf(buf, start, end), offsetMinutes);
  return iso === null ? Number.NaN : daysBetween('1970-01-01', iso);
}
