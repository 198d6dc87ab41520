import { describe, expect, it } from 'vitest';
import { fill, localeOf, ui } from '../../src/i18n';

/** Every key path of a nested table, with the type of its leaf. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [`${path}[${value.length}]`];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [`${path}:${typeof value}`];
}
const HAN = /\p{Script=Han}/u;
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}

describe('UI translation tables', () => {
  it('have exactly the same keys (and list lengths) in zh-CN and en', () => {
    expect(shape(ui.en)).toEqual(shape(ui['zh-CN']));
  });
  it('use the same {placeholders} in both languages', () => {
    const zh = leaves(ui['zh-CN']);
    const en = leaves(ui.en);
    zh.forEach((s, i) => expect([...en[i]!.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort(), s).toEqual([...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort()));
  });
  it('have no empty string, and no Chinese in the English table except deliberate glosses', () => {
    for (const s of leaves(ui['zh-CN'])) if (s !== '') expect(s.trim().length).toBeGreaterThan(0);
    // Deliberate: names kept in Chinese, and the Chinese date format a file may contain.
    const GLOSSES = /企业微信|个人信息保护法|\d{4}年\d{1,2}月\d{1,2}日/g;
    for (const s of leaves(ui.en)) expect(HAN.test(s.replace(GLOSSES, '')), s).toBe(false);
  });
  it('have no Chinese full-width punctuation in the English table', () => {
    for (const s of leaves(ui.en)) expect(s, s).not.toMatch(/[，。：；（）！？、]/);
  });
});

describe('fill and localeOf', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{a} + {b} = {c}', { a: 1, b: '2' })).toBe('1 + 2 = {c}');
  });
  it('maps Starlight languages to table locales', () => {
    expect(localeOf('zh-CN')).toBe('zh-CN');
    expect(localeOf('en')).toBe('en');
  });
});

/** Every string under a `formula` or `formulas` key, with its path. */
function formulaTemplates(value: unknown, path = '', inFormula = false): [string, string][] {
  if (typeof value === 'string') return inFormula ? [[path, value]] : [];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => formulaTemplates(v, `${path}.${k}`, inFormula || k === 'formula' || k === 'formulas'));
  return [];
}

describe('formula lines', () => {
  // "全年 = × 12": a template that lost its first operand prints a sum with nothing before the operator.
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: every operator has an operand before it`, () => {
      const templates = formulaTemplates(ui[locale]);
      expect(templates.length).toBeGreaterThan(20);
      for (const [path, template] of templates) expect(template, path).not.toMatch(/(^|[=(（;；,，:：])\s*[×÷+−]/);
    });
  }
  it('the yearly and monthly steps name the figure they multiply or divide', () => {
    expect(fill(ui['zh-CN'].budget.formula.total, { subtotal: 'A', contingency: 'B', total: 'T', annual: 'Y' })).toContain('全年 = T × 12 = Y');
    expect(fill(ui.en.budget.formula.total, { subtotal: 'A', contingency: 'B', total: 'T', annual: 'Y' })).toContain('per year = T × 12 = Y');
    expect(fill(ui['zh-CN'].staffing.formula.cost, { annual: 'Y', monthly: 'M' })).toContain('每月 = Y ÷ 12 = M');
    expect(fill(ui.en.staffing.formula.cost, { annual: 'Y', monthly: 'M' })).toContain('monthly = Y ÷ 12 = M');
  });
});
