import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_KOC_LADDER, planKocProgramme } from '../../src/lib/koc';
import {
  decodeKocLadder,
  emptyKocRung,
  encodeKocLadder,
  kocBudgetHandOff,
  kocFieldKey,
  kocHandOff,
  kocLadderText,
  readKocLadder,
  type KocRungText,
} from '../../src/lib/koc-ladder';
import { issuesOf } from './issues-of';

const rung = (name: string, share: string, reward: string, gift: string): KocRungText => ({ name, share, reward, gift });

describe('KOC ladder as typed', () => {
  test('the default ladder as text reads back to the contract example', () => {
    const rows = kocLadderText(DEFAULT_KOC_LADDER, ['Newcomer', 'Core', 'Star']);
    expect(rows).toEqual([rung('Newcomer', '60', '50', '0'), rung('Core', '30', '150', '300'), rung('Star', '10', '400', '1000')]);
    const r = readKocLadder(decodeKocLadder(encodeKocLadder(rows))!);
    expect(r.errors).toEqual({});
    expect(r.shareSum).toBeCloseTo(1, 12);
    expect(planKocProgramme({ kocs: 60, ladder: r.ladder }).monthlyTotal).toBeCloseTo(8_450, 9);
  });

  test('money and shares as people type them; unreadable cells are named by row and cell', () => {
    const r = readKocLadder([rung(' 新晋 ', '60%', '1.2千', '0'), rung('核心', '四十', '￥150', '')]);
    expect(r.ladder[0]).toEqual({ name: '新晋', share: 0.6, monthlyReward: 1200, annualGift: 0 });
    expect(r.ladder[1]!.monthlyReward).toBe(150);
    expect(Number.isNaN(r.ladder[1]!.share)).toBe(true);
    expect(r.errors).toEqual({ '1.share': { path: '1.share', code: 'invalid' }, '1.gift': { path: '1.gift', code: 'empty' } });
    expect(r.shareSum).toBeNull();
  });

  test('shares that miss 100% are refused on the ladder, and the sum is there to show', () => {
    const r = readKocLadder([rung('A', '60', '50', '0'), rung('B', '30', '150', '0')]);
    expect(r.shareSum).toBeCloseTo(0.9, 12);
    const issues = issuesOf(() => planKocProgramme({ kocs: 10, ladder: r.ladder }));
    expect(issues.map((i) => [kocFieldKey(i.path), i.code])).toEqual([['ladder', 'shares_must_sum_to_one']]);
    // 33.3 + 33.3 + 33.4 is 100 within the tolerance.
    const thirds = readKocLadder([rung('A', '33.3', '1', '0'), rung('B', '33.3', '1', '0'), rung('C', '33.4', '1', '0')]);
    expect(planKocProgramme({ kocs: 10, ladder: thirds.ladder }).counts).toEqual([3, 3, 4]);
  });

  test('library paths map to the form', () => {
    expect(kocFieldKey('ladder.2.monthlyReward')).toBe('2.reward');
    expect(kocFieldKey('ladder.0.name')).toBe('0.name');
    expect(kocFieldKey('ladder.1.annualGift')).toBe('1.gift');
    expect(kocFieldKey('ladder.1.share')).toBe('1.share');
    expect(kocFieldKey('ladder.3')).toBe('ladder');
    expect(kocFieldKey('ladder.0.colour')).toBe('ladder');
    expect(kocFieldKey('')).toBeUndefined();
    expect(kocFieldKey('ladder')).toBe('ladder');
    expect(kocFieldKey('kocs')).toBe('kocs');
    expect(kocFieldKey('monthlyAttrition')).toBe('attrition');
    expect(kocFieldKey('recruitmentCost')).toBe('recruit');
    expect(kocFieldKey('other')).toBeUndefined();
    const [name] = issuesOf(() => planKocProgramme({ ladder: readKocLadder([rung('  ', '100', '1', '0')]).ladder }));
    expect(kocFieldKey(name!.path)).toBe('0.name');
  });

  test.each([
    ['not json', '[[["a"'],
    ['not a list', '{"a":1}'],
    ['no rungs', '[]'],
    ['a row of three', '[["a","1","2"]]'],
    ['a number cell', '[["a",60,"2","3"]]'],
    ['thirteen rungs', JSON.stringify(Array.from({ length: 13 }, () => ['a', '1', '1', '1']))],
    ['an over-long cell', JSON.stringify([['x'.repeat(101), '100', '1', '1']])],
  ])('damaged ladder text (%s) reads as null', (_, text) => {
    expect(decodeKocLadder(text)).toBeNull();
  });

  test('any rows survive encode → decode exactly (names with quotes, separators, emoji)', () => {
    const cell = fc.string({ maxLength: 100 });
    const row = fc.record({ name: cell, share: cell, reward: cell, gift: cell });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
      expect(decodeKocLadder(encodeKocLadder(rows))).toEqual(rows);
    }));
  });

  test('a new rung starts at 0% so a ladder that added up still does', () => {
    const rows = [...kocLadderText(DEFAULT_KOC_LADDER), emptyKocRung('新级别 4')];
    const r = readKocLadder(rows);
    expect(r.shareSum).toBeCloseTo(1, 12);
    expect(planKocProgramme({ kocs: 60, ladder: r.ladder }).counts).toEqual([36, 18, 6, 0]);
  });

  test('hand-off links: staffing range in, monthly cost out', () => {
    expect(kocHandOff({ min: 30, max: 48 })).toBe('?kocs=48&kmin=30&kmax=48');
    expect(kocBudgetHandOff({ monthlyTotal: 8_450 })).toBe('?incentives=8450');
    expect(kocBudgetHandOff({ monthlyTotal: 1_234.5678 })).toBe('?incentives=1234.57');
  });
});
