/**
 * Number formatting for the UI, always through `Intl.NumberFormat` (never hand-made separators).
 *
 * - zh-CN: `formatCurrency(1664000, 'zh-CN')` → `¥1,664,000`; compact → `¥166.4万`; `formatNumber(1664000,
 *   'zh-CN', { compact: true })` → `166.4万`.
 * - en: `CN¥1,664,000`; compact → `CN¥1.7M`.
 *
 * Missing and impossible values: every helper takes `number | null | undefined` and prints an em dash `—`
 * for `null`, `undefined`, `NaN` and ±Infinity, so the page never shows "NaN" or "∞" (it does not throw).
 * `-0` and values that round to zero print as `0`, never `-0`.
 *
 * Read-back: `parseNumber` reads what `formatNumber` and `formatPercent` print (plain, grouped, percent,
 * zh-CN compact 万/亿 below 10¹², en compact K below 10⁶) and what `formatCurrency` prints (`¥1,664,000`,
 * `CN¥1,664,000`, `¥166.4万`), since people paste amounts from a page into a form. En compact M/B/T is for
 * display only.
 * Formatter instances are cached per locale and options.
 */

export type Locale = 'zh-CN' | 'en';

/** Printed for a value that is missing or not a finite number. */
export const EM_DASH = '—';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { signDisplay: 'negative', ...options });
    cache.set(key, nf);
  }
  return nf;
}

const isShowable = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export interface NumberFormatOptions {
  /** Short scale: 万/亿 in zh-CN, K/M/B in en. Default false. */
  compact?: boolean;
  /** Default 2 (1 when compact). */
  maximumFractionDigits?: number;
  /** Default 0. */
  minimumFractionDigits?: number;
}

/** `formatNumber(20000, 'zh-CN')` → `20,000`; `formatNumber(25000, 'zh-CN', { compact: true })` → `2.5万`. */
export function formatNumber(value: number | null | undefined, locale: Locale, options: NumberFormatOptions = {}): string {
  if (!isShowable(value)) return EM_DASH;
  const compact = options.compact ?? false;
  const max = options.maximumFractionDigits ?? (compact ? 1 : 2);
  const min = Math.min(options.minimumFractionDigits ?? 0, max);
  return formatter(locale, {
    ...(compact ? { notation: 'compact' } : {}),
    minimumFractionDigits: min,
    maximumFractionDigits: max,
  }).format(value);
}

/** Yuan: `formatCurrency(138666.666, 'zh-CN')` → `¥138,666.67`; whole amounts drop the `.00`. */
export function formatCurrency(
  value: number | null | undefined,
  locale: Locale,
  options: { compact?: boolean } = {},
): string {
  if (!isShowable(value)) return EM_DASH;
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY' };
  const nf = options.compact
    ? formatter(locale, { ...base, notation: 'compact', maximumFractionDigits: 1 })
    : formatter(locale, { ...base, minimumFractionDigits: 2, maximumFractionDigits: 2, trailingZeroDisplay: 'stripIfInteger' });
  return nf.format(value);
}

/**
 * A fraction as a percentage: `formatPercent(0.1267, 'en')` → `12.7%` (default 1 decimal). `signed` marks a
 * change: `formatPercent(0.2, 'en', { signed: true })` → `+20%`, `-0.2` → `-20%`, and zero stays `0%`.
 */
export function formatPercent(
  value: number | null | undefined,
  locale: Locale,
  options: { maximumFractionDigits?: number; signed?: boolean } = {},
): string {
  if (!isShowable(value)) return EM_DASH;
  return formatter(locale, { style: 'percent', maximumFractionDigits: options.maximumFractionDigits ?? 1, ...(options.signed ? { signDisplay: 'exceptZero' } : {}) }).format(value);
}

/**
 * A number rounded as the page shows it (at most `digits` decimals, the same rounding as `formatNumber`),
 * as a plain number for a spreadsheet: `roundShown(19333.333333333332, 2)` → `19333.33`,
 * `roundShown(0.060000000000000005, 3)` → `0.06`. Null for a missing or non-finite value.
 */
export function roundShown(value: number | null | undefined, digits: number): number | null {
  if (!isShowable(value)) return null;
  return Number(formatter('en', { useGrouping: false, maximumFractionDigits: digits }).format(value));
}

/** A duration in months: `formatMonths(8, 'zh-CN')` → `8个月`, `formatMonths(1, 'en')` → `1 month`. */
export function formatMonths(
  value: number | null | undefined,
  locale: Locale,
  options: { maximumFractionDigits?: number } = {},
): string {
  if (!isShowable(value)) return EM_DASH;
  return formatter(locale, {
    style: 'unit',
    unit: 'month',
    unitDisplay: 'long',
    maximumFractionDigits: options.maximumFractionDigits ?? 1,
  }).format(value);
}

/*
 * Punctuation that joins parts of a sentence, per locale: full-width marks in Chinese, ASCII marks with a
 * space in English. Strings built from several table entries go through these, so an English page never
 * shows "5,150，Annualised" or "Value（CNY）".
 */

/** An aside after a label: `parenthetical('元', 'zh-CN')` → `（元）`, `parenthetical('CNY', 'en')` → ` (CNY)`. */
export const parenthetical = (text: string, locale: Locale): string => (locale === 'zh-CN' ? `（${text}）` : ` (${text})`);

/** Clauses of one summary: `['a', 'b']` → `a，b` (zh-CN) or `a, b` (en). */
export const joinClauses = (parts: readonly string[], locale: Locale): string => parts.join(locale === 'zh-CN' ? '，' : ', ');

/** A label that introduces what follows: `正确答案：` / `Correct answer: `. */
export const withColon = (label: string, locale: Locale): string => (locale === 'zh-CN' ? `${label}：` : `${label}: `);

/** Items of a short enumeration (letters, names): `A、C` / `A, C`. */
export const enumerate = (items: readonly string[], locale: Locale): string => items.join(locale === 'zh-CN' ? '、' : ', ');
