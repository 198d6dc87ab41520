/**
 * Estimated reading time of a page, computed from its source so that nobody types it by hand.
 *
 * minutes = max(1, round(hanzi / 400 + words / 220))
 *
 * 400 Chinese characters and 220 English words a minute are common planning figures for attentive
 * reading of instructional text. MDX import/export lines, code fences, HTML/JSX tags and link targets are
 * not read by a person, so they are dropped first.
 * Example: 2,000 hanzi and 110 English words → 5 + 0.5 → 6 minutes (round half up).
 */
export function readingMinutes(source: string): number {
  const text = source
    .replace(/^---[\s\S]*?---/, '') // frontmatter
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
  const hanzi = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(hanzi / 400 + words / 220));
}
