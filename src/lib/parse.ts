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

// sign, currency, integer part (plain or grouped by 3 with , or a space), decimals, scale, percent, currency
const NUMBER =
  /^([-\u2212])?(?:(CN¥|¥|￥|RMB|CNY)[ \u00A0]*([-\u2212])?)?(?:(\d{1,3}(?:[, \u00A0\u202F]\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))[ \u00A0]*(万|亿|千|[kKwW])?[ \u00A0]*(%|元|RMB|CNY)?$/i;

/** Decimal exponent added by a scale word (the percent shift comes from the option, not the sign). */
const SCALE: Record<string, number> = { 万: 4, w: 4, 亿: 8, 千: 3, k: 3 };

/**
 * Parses user-typed numbers; never throws.
 *
 * Accepts surrounding spaces, full-width digits and punctuation (`１２３`, `．`, `，`, `％`), thousands
 * separators `,` `，` and spaces (groups of exactly three digits), a leading minus, and a scale word after
 * the digits: `万` or `w`/`W` (×10⁴, the pinyin initial people type for 万), `亿` (×10⁸), `千` or `k`/`K`
 * (×10³). Amounts of money may carry one currency mark, as people write them: a `¥`, `￥`, `CN¥`, `RMB` or
 * `CNY` before the number (a space after it is fine, the minus may stand on either side), or `元`, `RMB` or
 * `CNY` after it (after the scale word, as in `8万元`); `RMB`/`CNY`/`w`/`k` in either case.
 * With `{ percent: true }` the text is a percentage: `20`, `20%` and `２０％` give 0.2; a `%` is refused without
 * that option, and scale words and currency marks with it. Exponents (`1e5`), `NaN`, `Infinity`, `1.5M`,
 * `万亿`, two marks (`¥8元`) and anything else are `invalid`; a value too large for a double is `out_of_range`;
 * `-0` reads as 0. The value is built from the decimal digits in one step (`Number("25e3")`), so `2.5万` is
 * exactly 25000 and `12.5%` exactly 0.125.
 *
 * Examples: `parseNumber("2.5万")` → `{ ok: true, value: 25000 }`; money: `"8万元"` → 80000, `"￥45000"`,
 * `"¥45,000"`, `"45000元"`, `"RMB 3000"`… → the number, `"4.5w"` and `"4.5W"` → 45000, `"1.2千"` → 1200,
 * `"-¥1,234.50"` (what `formatCurrency` prints) → -1234.5; `parseNumber("１２％", { percent: true })`
 * → `{ ok: true, value: 0.12 }`; `parseNumber("1.2万", { percent: true })` and `parseNumber("abc")` →
 * `{ ok: false, error: "invalid" }`.
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): ParseNumberResult {
  if (typeof text !== 'string') return { ok: false, error: 'invalid' };
  const s = toHalfWidth(text).trim();
  if (s === '') return { ok: false, error: 'empty' };
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, error: 'invalid' };
  const [, minusBefore, currency, minusAfter, intPart, fracPart, bareFrac, scale, mark] = m;
  const percent = mark === '%';
  const minus = minusBefore ?? minusAfter;
  // one minus, at most one currency mark, and a percent sign exactly when the field is a percentage
  if (minusBefore && minusAfter) return { ok: false, error: 'invalid' };
  if (currency && mark && !percent) return { ok: false, error: 'invalid' };
  if (options.percent ? scale !== undefined || currency !== undefined || (mark !== undefined && !percent) : percent) {
    return { ok: false, error: 'invalid' };
  }
  const intDigits = (intPart ?? '').replace(/[^\d]/g, '');
  const fracDigits = fracPart ?? bareFrac ?? '';
  const shift = (options.percent ? -2 : 0) + (scale === undefined ? 0 : SCALE[scale.toLowerCase()]!);
  const digits = `${intDigits}${fracDigits}`.replace(/^0+(?=\d)/, '') || '0';
  const magnitude = Number(`${digits}e${shift - fracDigits.length}`);
  if (!Number.isFinite(magnitude)) return { ok: false, error: 'out_of_range' };
  const value = minus && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value };
}
