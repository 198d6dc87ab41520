import { z } from 'astro/zod';

const chapterUrl = z.string().regex(/^\/handbook\/[a-z-]+\/$/, 'chapter must be a handbook URL such as /handbook/metrics/');

const entry = (lang: 'zh' | 'en') =>
  z.object({
    /** The term as operators write it. */
    term: z.string().trim().min(1),
    /** Other spellings that should link to the same entry. */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** One sentence, shown in the tooltip: at most 60 Chinese or 160 English characters. */
    short: z.string().trim().min(1).max(lang === 'zh' ? 60 : 160),
    /** The full definition on the glossary page. */
    long: z.string().trim().min(1),
  });

/** One glossary term in both languages (`src/data/glossary.json`, one array of these). */
export const glossaryEntrySchema = z.object({
  /** Stable anchor on the glossary page: /reference/glossary/#<id>. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  zh: entry('zh'),
  en: entry('en'),
  /** The chapter that explains the term best (Chinese URL; the English page is under /en). */
  chapter: chapterUrl,
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
