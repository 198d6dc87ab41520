import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/lib/activity';
import { parseEventDate } from '../../src/lib/event-rows';
import { cellDay, textOf, trimEnd, trimStart } from '../../src/lib/health/stream/bytes';

const enc = new TextEncoder();
const day = (s: string, offset = 480) => {
  const b = enc.encode(s);
  const a = trimStart(b, 0, b.length);
  return cellDay(b, a, trimEnd(b, a, b.length), offset);
};
const expected = (s: string, offset = 480) => {
  const iso = parseEventDate(s, offset);
  return iso === null ? Number.NaN : daysBetween('1970-01-01', iso);
};
const trimText = (s: string) => {
  const b = enc.encode(s);
  const a = trimStart(b, 0, b.length);
  return textOf(b, a, trimEnd(b, a, b.length));
};

describe('cells read from bytes', () => {
  it('reads the shapes exports write, as parseEventDate does', () => {
    for (const s of [
      '2026-03-05', '2026/3/5 23:30', '2026.3.5', '2026/3/5', '2026-03-05T16:30:00Z', '2026-03-05 16:30:00+08:00', '2026年3月5日', '2026年3月5日 8:05',
      '1772668800', '1772668800123', '2026-02-29', '2024-02-29 12:00', '2026/13/1 10:00', '2026/3/5 24:00', '2026/3/5 23:60', '2026/3/5 23:59:60',
      '2026-03-05t08:00:01.5', '2026-03-05T08:00:01,25', '2026-03-05  08:00', '2026 - 3 - 5', '3月5日', '', 'abc', '20260305', '2026-3-5', '0000-01-01',
      '2026/03/05 9:5', '2026/03/05 9:05:1', '2026/03/05 9:05:01.', '2026/003/05', '12345678901', '2026/3/5 123:00', '\u30002026-03-05\u3000', '\uFEFF2026/3/5 1:00',
    ]) expect(day(s), JSON.stringify(s)).toEqual(expected(s));
  });

  it('agrees with parseEventDate on random date-like cells and offsets', () => {
    const part = fc.constantFrom('2026', '2024', '1999', '0001', '-', '/', '.', ' ', 'T', 't', ':', '年', '月', '日', 'Z', '+08:00', '0', '1', '2', '3', '9', '12', '29', '31', '59', '60', '\u3000', ',5', '.123');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.integer({ min: -720, max: 840 }), (parts, offset) => {
        const s = parts.join('');
        expect(day(s, offset)).toEqual(expected(s, offset));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on well-formed date-times, the common case', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)), noInvalidDate: true }), fc.constantFrom('-', '/', '.'), fc.boolean(), fc.boolean(), (d, sep, pad, secs) => {
        const p = (n: number) => (pad ? String(n).padStart(2, '0') : String(n));
        const s = `${d.getUTCFullYear()}${sep}${p(d.getUTCMonth() + 1)}${sep}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${String(d.getUTCMinutes()).padStart(2, '0')}${secs ? `:${String(d.getUTCSeconds()).padStart(2, '0')}` : ''}`;
        expect(day(s)).toEqual(expected(s));
        expect(Number.isNaN(day(s))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('trims the spaces JS trim() removes, and no others', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\ufeff', '\u2003', '\u2028', '\u205f', '\u1680', '\u0085', 'a', '成', '员', '\u00e9', '-'), { maxLength: 8 }), (chars) => {
        const s = chars.join('');
        expect(trimText(s)).toBe(s.trim());
      }),
      { numRuns: 2000 },
    );
  });
});
