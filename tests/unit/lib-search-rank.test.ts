import { describe, expect, it } from 'vitest';
import { containsTerm, exactFirst, excerptAround, markTerm, mergeById, MIN_PREFIX, normalizeQuery, plainExcerpt, searchPlan, shorterPrefixes } from '../../src/lib/search-rank';

describe('normalizeQuery', () => {
  it('drops surrounding quotes (straight or curly) and collapses whitespace', () => {
    expect(normalizeQuery('  "私域"  ')).toBe('私域');
    expect(normalizeQuery('“retention   rate”')).toBe('retention rate');
    expect(normalizeQuery('   ')).toBe('');
  });
});

describe('containsTerm', () => {
  it('finds the term as written, Latin letters without case', () => {
    expect(containsTerm('把广告位从公域搬进了私域', '私域')).toBe(true);
    expect(containsTerm('WeCom groups', 'wecom')).toBe(true);
    expect(containsTerm('stickiness', 'stickin')).toBe(true);
  });
  it('does not count the single characters of a two-character term', () => {
    expect(containsTerm('公域适合获取新用户，私聊', '私域')).toBe(false);
    expect(containsTerm('新人和拉人', '拉新')).toBe(false);
    expect(containsTerm('anything', '')).toBe(false);
  });
});

describe('searchPlan and shorterPrefixes', () => {
  it('asks for the exact phrase first, then the words as typed', () => {
    expect(searchPlan('私域')).toEqual(['"私域"', '私域']);
    expect(searchPlan(' "retention rate" ')).toEqual(['"retention rate"', 'retention rate']);
    expect(searchPlan('  ')).toEqual([]);
  });
  it('shortens the last English word one letter at a time, down to the minimum', () => {
    expect(shorterPrefixes('stickin')).toEqual(['sticki', 'stick', 'stic']);
    expect(shorterPrefixes('daily stickin')).toEqual(['daily sticki', 'daily stick', 'daily stic']);
    expect(shorterPrefixes('moderato').at(-1)).toHaveLength(MIN_PREFIX);
    expect(shorterPrefixes('KOC')).toEqual([]);
    expect(shorterPrefixes('留存率')).toEqual([]);
    expect(shorterPrefixes('7日留存')).toEqual([]);
  });
});

describe('mergeById and exactFirst', () => {
  it('keeps each result once, at its first place', () => {
    const a = [{ id: '1' }, { id: '2' }];
    const b = [{ id: '2' }, { id: '3' }];
    expect(mergeById([a, b]).map((r) => r.id)).toEqual(['1', '2', '3']);
  });
  it('puts pages with the term as written first, keeping the order within each group', () => {
    const pages = ['区域得分', '公域与私域', '私聊', '私域流量'];
    expect(exactFirst(pages, (p) => p, '私域')).toEqual(['公域与私域', '私域流量', '区域得分', '私聊']);
  });
});

describe('excerpts', () => {
  it('marks every occurrence of the term and nothing else', () => {
    expect(markTerm('公域适合获客，私域适合留存；私域', '私域')).toEqual([
      { text: '公域适合获客，', mark: false },
      { text: '私域', mark: true },
      { text: '适合留存；', mark: false },
      { text: '私域', mark: true },
    ]);
    // As written in the text, whatever the case typed.
    expect(markTerm('Stickiness and stickiness', 'stickin').filter((p) => p.mark).map((p) => p.text)).toEqual(['Stickin', 'stickin']);
    expect(markTerm('abc', '')).toEqual([{ text: 'abc', mark: false }]);
  });
  it('cuts a window around the first occurrence, with ellipses where it cut, not inside a word', () => {
    const content = 'Retention is the share of members still active. Daily stickiness divides daily by monthly actives.';
    const out = excerptAround(content, 'stickiness', 12);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('Daily stickiness divides');
    // Whole words at both cuts: the text either side of the window in the content is not a letter.
    const body = out.slice(1, -1);
    const at = content.indexOf(body);
    expect(at).toBeGreaterThan(0);
    expect(content[at - 1]).toMatch(/\W/);
    expect(content[at + body.length]).toMatch(/\W/);
    expect(excerptAround('私域', '私域', 5)).toBe('私域');
    expect(excerptAround('no such', '私域', 5)).toBe('');
    expect(excerptAround('abc', '', 5)).toBe('');
  });
  it('reads Pagefind excerpts as plain text', () => {
    expect(plainExcerpt('live <mark>Q&A,</mark> a <b> preview')).toBe('live Q&A, a <b> preview');
    expect(plainExcerpt('<mark>私</mark><mark>域</mark>流量')).toBe('私域流量');
  });
});
