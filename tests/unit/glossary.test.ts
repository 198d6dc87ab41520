import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryEntrySchema } from '../../src/content/glossary-schema';

const raw: unknown[] = JSON.parse(readFileSync('src/data/glossary.json', 'utf8'));

describe('glossary data', () => {
  it('every entry passes the schema', () => {
    for (const e of raw) expect(glossaryEntrySchema.safeParse(e).success, JSON.stringify(e).slice(0, 80)).toBe(true);
  });
  it('has unique ids and no term or alias claimed twice in one language', () => {
    const entries = raw.map((e) => glossaryEntrySchema.parse(e));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const lang of ['zh', 'en'] as const) {
      const names = entries.flatMap((e) => [e[lang].term, ...e[lang].aliases].map((n) => n.toLowerCase()));
      expect(names.length - new Set(names).size, lang).toBe(0);
    }
  });
  it('points every term at a chapter that exists in both languages', () => {
    for (const e of raw.map((x) => glossaryEntrySchema.parse(x))) {
      const slug = e.chapter.slice(1, -1);
      expect(existsSync(`src/content/docs/${slug}.mdx`), e.chapter).toBe(true);
      expect(existsSync(`src/content/docs/en/${slug}.mdx`), e.chapter).toBe(true);
    }
  });
  it('refuses an entry whose tooltip is too long or whose chapter is not a handbook URL', () => {
    const good = glossaryEntrySchema.parse(raw[0]);
    expect(glossaryEntrySchema.safeParse({ ...good, zh: { ...good.zh, short: '字'.repeat(61) } }).success).toBe(false);
    expect(glossaryEntrySchema.safeParse({ ...good, chapter: '/calculators/budget/' }).success).toBe(false);
  });
});
