/**
 * Reads a number the way people type it into a Chinese or English form.
 */
import type { ParseErrorCode } from './errors';

export type ParseNumberResult = { ok: true; value: number } | { ok: false; error: ParseErrorCode };

export interface ParseNumberOptions {
  /** The field is a percentage: `20`, `20%` and `２０％` all give 0.2. */
  percent?: boolean;
}

/** Full-width ASCII (U+FF01–U+FF5E) to ASCII, ideographic space to space. Nothing else is mapped. */
const toHalfWidth = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

// sign, integer part (plain or grouped by 3 with , or a space), decimals, optional scale or percent sign
const NUMBER =
  /^([-\u2212])?(?:(\d{1,3}(?:[, \u00A0\u202F]\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))[ \u00A0]*(万|亿|k|K|%)?$/;

/** Decimal exponent added by a suffix (the percent shift comes from the option, not the sign). */
const scaleOf = (suffix: string | undefined): number =>
  suffix === '万' ? 4 : suffix === '亿' ? 8 : suffix === 'k' || suffix === 'K' ? 3 : 0;

/**
 * Parses user-typed numbers; never throws.
 *
 * Accepts surrounding spaces, full-width digits and punctuation (`１２３`, `．`, `，`, `％`), thousands
 * separators `,` `，` and spaces (groups of exactly three digits), a trailing `万` (×10⁴), `亿` (×10⁸) or
 * `k`/`K` (×10³), and a leading minus. With `{ percent: true }` the text is a percentage: `20`, `20%` and
 * `２０％` give 0.2 (a `%` is refused without that option, and 万/亿/k with it). Exponents (`1e5`), `NaN`,
 * `Infinity`, currency signs and anything else are `invalid`; a value too large for a double is
 * `out_of_range`; `-0` reads as 0. The value is built from the decimal digits in one step
 * (`Number("25e3")`), so `2.5万` is exactly 25000 and `12.5%` exactly 0.125.
 *
 * Example: `parseNumber("2.5万")` → `{ ok: true, value: 25000 }`; `parseNumber("１２％", { percent: true })`
 * → `{ ok: true, value: 0.12 }`; `parseNumber("abc")` → `{ ok: false, error: "invalid" }`.
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): ParseNumberResult {
  if (typeof text !== 'string') return { ok: false, error: 'invalid' };
  const s = toHalfWidth(text).trim();
  if (s === '') return { ok: false, error: 'empty' };
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, error: 'invalid' };
  const [, minus, intPart, fracPart, bareFrac, suffix] = m;
  if (options.percent ? suffix !== undefined && suffix !== '%' : suffix === '%') {
    return { ok: false, error: 'invalid' };
  }
  const intDigits = (intPart ?? '').replace(/[^\d]/g, '');
  const fracDigits = fracPart ?? bareFrac ?? '';
  const shift = (options.percent ? -2 : 0) + scaleOf(suffix);
  const digits = `${intDigits}${fracDigits}`.replace(/^0+(?=\d)/, '') || '0';
  const magnitude = Number(`${digits}e${shift - fracDigits.length}`);
  if (!Number.isFinite(magnitude)) return { ok: false, error: 'out_of_range' };
  const value = minus && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value };
}
