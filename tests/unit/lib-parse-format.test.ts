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
import { roundShown } from '../../src/lib/format';

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
    ['¥8元', 'invalid'], // one currency mark, not two
    ['RMB 3000 元', 'invalid'],
    ['-¥-5', 'invalid'],
    ['- 5', 'invalid'],
    ['¥', 'invalid'],
    ['元', 'invalid'],
    ['w', 'invalid'],
    ['$5', 'invalid'], // other currencies are not yuan
    ['5 USD', 'invalid'],
    ['1.2千万', 'invalid'],
    ['4.5ww', 'invalid'],
    ['45000元%', 'invalid'],
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

  test('percent fields refuse 万/亿/千/k/w and currency marks, and non-strings are invalid', () => {
    for (const text of ['2万', '2亿', '2千', '2k', '2K', '2w', '2W', '¥20', '20元', 'RMB 20', '20%元', '8万元']) {
      expect(parseNumber(text, { percent: true }), text).toEqual({ ok: false, error: 'invalid' });
    }
    expect(parseNumber('20%%', { percent: true })).toEqual({ ok: false, error: 'invalid' });
    expect(parseNumber(12 as unknown as string)).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('parseNumber — money as people write it', () => {
  // Expected values are the amounts the text denotes, written out by hand.
  test.each([
    ['8万元', 80_000],
    ['￥45000', 45_000],
    ['¥45,000', 45_000],
    ['45000元', 45_000],
    ['4.5w', 45_000],
    ['4.5W', 45_000],
    ['1.2千', 1_200],
    ['RMB 3000', 3_000],
    ['rmb3000', 3_000],
    ['RMB3,000.50', 3_000.5],
    ['3000 RMB', 3_000],
    ['CNY 1.5万', 15_000],
    ['CN¥45,000.50', 45_000.5],
    ['¥ 45 000', 45_000],
    ['￥４５０００', 45_000],
    ['ＲＭＢ　３０００', 3_000],
    ['1.2万元', 12_000],
    ['3.5亿元', 350_000_000],
    ['2k元', 2_000],
    ['4.5 w', 45_000],
    ['5千 元', 5_000],
    ['-¥1,234.50', -1_234.5],
    ['¥-1,234.50', -1_234.5],
    ['−￥8万', -80_000],
  ] as const)('%j → %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  test('a currency mark or 元 never changes the number; w is 万 and 千 is k', () => {
    const plain = fc.integer({ min: 0, max: 1e9 }).map((n) => String(n / 100));
    fc.assert(
      fc.property(plain, (digits) => {
        const value = parseNumber(digits);
        for (const text of [`¥${digits}`, `￥${digits}`, `RMB ${digits}`, `CNY${digits}`, `${digits}元`, `${digits} RMB`]) {
          expect(parseNumber(text), text).toEqual(value);
        }
        expect(parseNumber(`${digits}w`)).toEqual(parseNumber(`${digits}万`));
        expect(parseNumber(`${digits}W元`)).toEqual(parseNumber(`${digits}万`));
        expect(parseNumber(`${digits}千`)).toEqual(parseNumber(`${digits}k`));
      }),
    );
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

  test('money as formatCurrency prints it (¥ and CN¥, minus signs, grouping)', () => {
    fc.assert(
      fc.property(cents, locale, (value, loc) => {
        expect(parseNumber(formatCurrency(value, loc))).toEqual({ ok: true, value: value === 0 ? 0 : value });
      }),
    );
  });

  test('zh-CN compact money (¥166.4万) reads back to what it prints', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 9.9e11, noNaN: true }), (value) => {
        const text = formatCurrency(value, 'zh-CN', { compact: true });
        const back = parseNumber(text);
        expect(back.ok).toBe(true);
        if (back.ok) expect(formatCurrency(back.value, 'zh-CN', { compact: true })).toBe(text);
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

describe('formatPercent signed (changes in the sensitivity table)', () => {
  test('a sign on every change but zero', () => {
    expect(formatPercent(0.2, 'en', { signed: true })).toBe('+20%');
    expect(formatPercent(-0.2, 'zh-CN', { signed: true })).toBe('-20%');
    expect(formatPercent(0, 'en', { signed: true })).toBe('0%');
    expect(formatPercent(-0.00001, 'en', { signed: true })).toBe('0%');
    expect(formatPercent(null, 'en', { signed: true })).toBe(EM_DASH);
  });
});

describe('roundShown (exports round to what the page shows)', () => {
  test('issue #14 examples', () => {
    expect(roundShown(19333.333333333332, 2)).toBe(19333.33);
    expect(roundShown(0.060000000000000005, 3)).toBe(0.06);
    expect(roundShown(3232.7999999999997, 0)).toBe(3233);
    expect(roundShown(1267200, 2)).toBe(1267200);
  });
  test('agrees with formatNumber, never -0, null for what cannot be shown', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundShown(x, d)!;
        expect(formatNumber(r, 'en', { maximumFractionDigits: d })).toBe(formatNumber(x, 'en', { maximumFractionDigits: d }));
        expect(Object.is(r, -0)).toBe(false);
      }),
    );
    expect(roundShown(-0.0001, 2)).toBe(0);
    expect(roundShown(Number.NaN, 2)).toBeNull();
    expect(roundShown(Infinity, 2)).toBeNull();
    expect(roundShown(null, 2)).toBeNull();
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
