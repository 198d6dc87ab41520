/**
 * Search ranking on top of Pagefind (issue #14): what to ask Pagefind for a query, and how to order and
 * excerpt what it returns so that pages holding the query as the reader wrote it come first.
 *
 * Why: Pagefind splits a Chinese query into the segments of its dictionary, and a two-character term it
 * does not know ("私域") into single characters, so pages with only "私" or "域" ("公域", "区域") rank
 * beside the term. Its phrase search (the query in quotes) keeps the characters together. In English it
 * stems words, so a prefix typed past the stem ("stickin", stem "sticki") matches almost nothing.
 */

/** A query as the reader wrote it: surrounding quotes dropped, whitespace trimmed and collapsed. */
export function normalizeQuery(raw: string): string {
  return raw
    .replace(/^\s*["“”]+|["“”]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Latin letters compare without case ("wecom" finds "WeCom"); Chinese has none. */
const fold = (text: string) => text.toLowerCase();

/** Whether `text` contains `term` as written (ignoring letter case). An empty term is contained nowhere. */
export function containsTerm(text: string, term: string): boolean {
  return term !== '' && fold(text).includes(fold(term));
}

/** The last word, when it is Latin letters only: a word the reader may still be typing. */
const LAST_LATIN = /(?:^|\s)([a-z]+)$/i;

/** Shortest prefix tried when a typed word goes past the stem Pagefind indexed. */
export const MIN_PREFIX = 4;

/**
 * The searches to run, in order of trust: the phrase (exact), then the words as typed. Pagefind's
 * phrase search needs quotes; a query the reader already quoted is run once.
 */
export function searchPlan(raw: string): string[] {
  const query = normalizeQuery(raw);
  if (!query) return [];
  return [`"${query}"`, query];
}

/**
 * Shorter forms of the last Latin word, one letter at a time down to MIN_PREFIX letters
 * ("stickin" → "sticki", "stick"; "onboardi" → "onboard", …): tried while the search finds too little,
 * because Pagefind matches a typed prefix against stems ("stickiness" is indexed as "sticki").
 */
export function shorterPrefixes(raw: string): string[] {
  const query = normalizeQuery(raw);
  const word = LAST_LATIN.exec(query)?.[1];
  if (!word) return [];
  const head = query.slice(0, query.length - word.length);
  const out: string[] = [];
  for (let n = word.length - 1; n >= MIN_PREFIX; n--) out.push(head + word.slice(0, n));
  return out;
}

/** The lists joined in order, each id once (its first place wins). */
export function mergeById<T extends { id: string }>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

/** Items whose text contains the term as written first, each group in its original order. */
export function exactFirst<T>(items: readonly T[], text: (item: T) => string, term: string): T[] {
  const exact: T[] = [];
  const rest: T[] = [];
  for (const item of items) (containsTerm(text(item), term) ? exact : rest).push(item);
  return [...exact, ...rest];
}

/** A piece of an excerpt: plain text, or the term as written (to be shown in <mark>). */
export interface Piece {
  text: string;
  mark: boolean;
}

/** Splits text into pieces, marking every occurrence of the term as written (and nothing else). */
export function markTerm(text: string, term: string): Piece[] {
  const pieces: Piece[] = [];
  const hay = fold(text);
  const needle = fold(term);
  let at = 0;
  if (needle) {
    for (let hit = hay.indexOf(needle); hit !== -1; hit = hay.indexOf(needle, at)) {
      if (hit > at) pieces.push({ text: text.slice(at, hit), mark: false });
      pieces.push({ text: text.slice(hit, hit + term.length), mark: true });
      at = hit + term.length;
    }
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

/**
 * About `radius` characters either side of the first occurrence of the term, widened to whole words in
 * Latin text, with an ellipsis where the content was cut. Returns '' when the term is not there.
 */
export function excerptAround(content: string, term: string, radius: number): string {
  const hit = fold(content).indexOf(fold(term));
  if (term === '' || hit === -1) return '';
  let start = Math.max(0, hit - radius);
  let end = Math.min(content.length, hit + term.length + radius);
  // Do not cut a Latin word in two.
  while (start > 0 && /\w/.test(content[start - 1]!) && /\w/.test(content[start]!)) start--;
  while (end < content.length && /\w/.test(content[end - 1]!) && /\w/.test(content[end]!)) end++;
  const body = content.slice(start, end).trim();
  return `${start > 0 ? '…' : ''}${body}${end < content.length ? '…' : ''}`;
}

/** Pagefind's excerpt (the page's plain text, not escaped HTML, with matches in `<mark>`) without its marks. */
export const plainExcerpt = (excerpt: string): string => excerpt.replace(/<\/?mark>/g, '');
