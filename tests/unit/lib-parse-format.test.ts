import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EM_DASH,
  enumerate,
  formatCurrency,
  formatMonths,
  formatNumber,
  formatPercent,
  joinClauses,
  parenthetical,
  parseNumber,
  withColon,
  type Locale,
} from '../../src/lib';

const LOCALES: Locale[] = ['zh-CN', 'en'];

describe('parseNumber — contract examples and accepted forms', () => {
  // Expected values are the decimal the text denotes, written out by hand.
  test.each([
    ['1,500', {}, 1500],
    ['2.5万', {}, 25000],
    ['１２％', { percent: true }, 0.12],
    ['20', { percent: true }, 0.2],
    ['20%', { percent: true }, 0.2],
    ['２０％', { percent: true }, 0.2],
    ['12.5%', { percent: true }, 0.125],
    ['  42  ', {}, 42],
    ['１２３', {}, 123],
    ['１２３．５', {}, 123.5],
    ['１，５００', {}, 1500],
    ['1，500', {}, 1500],
    ['1 500 000', {}, 1_500_000],
    ['1,234,567.89', {}, 1234567.89],
    ['3.5亿', {}, 350_000_000],
    ['１２万', {}, 120_000],
    ['2.5 万', {}, 25000],
    ['1.5k', {}, 1500],
    ['15K', {}, 15000],
    ['-1,234.5', {}, -1234.5],
    ['－５', {}, -5],
    ['-166.4万', {}, -1_664_000],
    ['.5', {}, 0.5],
    ['5.', {}, 5],
    ['007', {}, 7],
    ['0.1', {}, 0.1],
    ['-0', {}, 0],
    ['-0%', { percent: true }, 0],
    ['1,500%', { percent: true }, 15],
    ['0.07', { percent: true }, 0.0007],
    ['　8　', {}, 8],
  ] as const)('%j %j → %d', (text, options, value) => {
    const result = parseNumber(text, options);
    expect(result).toEqual({ ok: true, value });
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['　', 'empty'],
    ['abc', 'invalid'],
    ['1e5', 'invalid'],
    ['1e999', 'invalid'],
    ['NaN', 'invalid'],
    ['Infinity', 'invalid'],
    ['20%', 'invalid'], // a percent sign only in a percent field
    ['20%%', 'invalid'],
    ['¥1,500', 'invalid'],
    ['CN¥1,500', 'invalid'],
    ['12,34', 'invalid'], // bad grouping is not guessed at
    ['1,5000', 'invalid'],
    ['+5', 'invalid'],
    ['--5', 'invalid'],
    ['5-', 'invalid'],
    ['.', 'invalid'],
    ['-', 'invalid'],
    ['1.2.3', 'invalid'],
    ['2万万', 'invalid'],
    ['1.5M', 'invalid'],
    ['1万亿', 'invalid'],
    ['①', 'invalid'],
    ['0x10', 'invalid'],
    ['9'.repeat(400), 'out_of_range'],
    [`${'9'.repeat(305)}亿`, 'out_of_range'],
  ] as const)('%j → %s', (text, error) => {
    expect(parseNumber(text)).toEqual({ ok: false, error });
  });

  test('percent fields refuse 万/亿/k, and non-strings are invalid', () => {
    expect(parseNumber('2万', { percent: true })).toEqual({ ok: false, error: 'invalid' });
    expect(parseNumber('20%%', { percent: true })).toEqual({ ok: false, error: 'invalid' });
    expect(parseNumber(12 as unknown as string)).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('formatting helpers', () => {
  test.each([
    [1_664_000, 'zh-CN', {}, '¥1,664,000'],
    [1_664_000, 'en', {}, 'CN¥1,664,000'],
    [138_666.666_666, 'zh-CN', {}, '¥138,666.67'],
    [5.3, 'zh-CN', {}, '¥5.30'],
    [1_664_000, 'zh-CN', { compact: true }, '¥166.4万'],
    [1_664_000, 'en', { compact: true }, 'CN¥1.7M'],
    [-0, 'zh-CN', {}, '¥0'],
  ] as const)('formatCurrency(%d, %s, %j) = %s', (value, locale, options, expected) => {
    expect(formatCurrency(value, locale, options)).toBe(expected);
  });

  test('formatNumber, formatPercent, formatMonths', () => {
    expect(formatNumber(1_664_000, 'zh-CN', { compact: true })).toBe('166.4万');
    expect(formatNumber(350_000_000, 'zh-CN', { compact: true })).toBe('3.5亿');
    expect(formatNumber(1500, 'en', { compact: true })).toBe('1.5K');
    expect(formatNumber(20000, 'zh-CN')).toBe('20,000');
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
    expect(formatNumber(2.5, 'en', { minimumFractionDigits: 2 })).toBe('2.50');
    expect(formatNumber(-0.001, 'en')).toBe('0');
    expect(formatPercent(0.12672, 'zh-CN')).toBe('12.7%');
    expect(formatPercent(0.1042, 'en', { maximumFractionDigits: 2 })).toBe('10.42%');
    expect(formatMonths(8, 'zh-CN')).toBe('8个月');
    expect(formatMonths(1, 'en')).toBe('1 month');
    expect(formatMonths(6.666, 'en')).toBe('6.7 months');
  });

  test('missing and non-finite values print an em dash', () => {
    for (const locale of LOCALES) {
      for (const value of [null, undefined, Number.NaN, Infinity, -Infinity]) {
        expect(formatNumber(value, locale)).toBe(EM_DASH);
        expect(formatCurrency(value, locale)).toBe(EM_DASH);
        expect(formatPercent(value, locale)).toBe(EM_DASH);
        expect(formatMonths(value, locale)).toBe(EM_DASH);
      }
    }
  });
});

describe('parseNumber reads back what the formatters print', () => {
  const locale = fc.constantFrom<Locale>('zh-CN', 'en');
  // Values with at most two decimals print exactly, so they must read back exactly.
  const cents = fc.integer({ min: -1e13, max: 1e13 }).map((n) => n / 100);

  test('plain and grouped numbers', () => {
    fc.assert(
      fc.property(cents, locale, (value, loc) => {
        const back = parseNumber(formatNumber(value, loc));
        expect(back).toEqual({ ok: true, value: value === 0 ? 0 : value });
      }),
    );
  });

  test('any double: reading back then printing again gives the same text', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e14, max: 1e14, noNaN: true }), locale, (value, loc) => {
        const text = formatNumber(value, loc);
        const back = parseNumber(text);
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(formatNumber(back.value, loc)).toBe(text);
          expect(Math.abs(back.value - value)).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(value));
        }
      }),
    );
  });

  test('percentages', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), locale, (tenthsOfPercent, loc) => {
        const value = tenthsOfPercent / 1000;
        const back = parseNumber(formatPercent(value, loc), { percent: true });
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.value).toBeCloseTo(value, 12);
      }),
    );
  });

  test('zh-CN compact 万 / 亿 (below 10¹²) and en compact K (below 10⁶)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 9.9e11, noNaN: true }), fc.boolean(), (magnitude, negative) => {
        const value = negative ? -magnitude : magnitude;
        const text = formatNumber(value, 'zh-CN', { compact: true });
        const back = parseNumber(text);
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(formatNumber(back.value, 'zh-CN', { compact: true })).toBe(text);
          // one decimal of the printed unit (1, 万 or 亿) is the most that rounding can lose
          expect(Math.abs(back.value - value)).toBeLessThanOrEqual(0.05 * 1e8 + 1e-6);
        }
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 999_000, noNaN: true }), (value) => {
        const text = formatNumber(value, 'en', { compact: true });
        const back = parseNumber(text);
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(formatNumber(back.value, 'en', { compact: true })).toBe(text);
          expect(Math.abs(back.value - value)).toBeLessThanOrEqual(50);
        }
      }),
    );
  });
});

describe('sentence punctuation per locale', () => {
  test('Chinese takes full-width marks, English ASCII marks with a space', () => {
    expect('价值' + parenthetical('元', 'zh-CN')).toBe('价值（元）');
    expect('Value' + parenthetical('CNY', 'en')).toBe('Value (CNY)');
    expect(joinClauses(['成员 5,150', '年化成本 ¥3,039,100'], 'zh-CN')).toBe('成员 5,150，年化成本 ¥3,039,100');
    expect(joinClauses(['Members 5,150', 'Annualised cost CN¥3,039,100'], 'en')).toBe('Members 5,150, Annualised cost CN¥3,039,100');
    expect(withColon('正确答案', 'zh-CN')).toBe('正确答案：');
    expect(withColon('Correct answer', 'en')).toBe('Correct answer: ');
    expect(enumerate(['A', 'C'], 'zh-CN')).toBe('A、C');
    expect(enumerate(['A', 'C'], 'en')).toBe('A, C');
  });
  test('English output never carries a full-width mark', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme-ascii' }), { minLength: 1, maxLength: 4 }), (parts) => {
        for (const out of [joinClauses(parts, 'en'), enumerate(parts, 'en'), withColon(parts[0]!, 'en'), parenthetical(parts[0]!, 'en')]) expect(out).not.toMatch(/[，。：；（）！？、]/);
      }),
    );
  });
});
