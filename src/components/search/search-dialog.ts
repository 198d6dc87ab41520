// The search dialog's behaviour, fetched on intent by src/components/overrides/Search.astro: Pagefind's JS
// API (its script, worker and WASM load when the dialog first opens), our ranking (src/lib/search-rank.ts)
// and keyboard use. Markup and strings come from the page.
import { fill, type UiStrings } from '../../i18n';
import { containsTerm, excerptAround, exactFirst, markTerm, mergeById, normalizeQuery, plainExcerpt, searchPlan, shorterPrefixes, type Piece } from '../../lib/search-rank';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: SubResult[];
}
interface Result {
  id: string;
  data: () => Promise<ResultData>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string) => Promise<{ results: Result[] } | null>;
}

/** Results shown at once; each batch is loaded (one fragment per page) and put exact-first. */
const BATCH = 10;
/**
 * The first screen loads twice a batch: pages holding the term as written are moved to the top of what is
 * loaded, and Pagefind's stemmed ranking can put ten pages that only share the stem ("moderation" for
 * "moderator") ahead of the chapter that uses the word.
 */
const FIRST = 2 * BATCH;
/** Fewer results than this, and a shorter prefix of the last English word is tried too. */
const ENOUGH = 5;
/** Milliseconds of quiet after a key before searching. */
const QUIET = 120;
const BUNDLE = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/pagefind.js`;

function pieces(into: HTMLElement, list: Piece[]) {
  into.append(...list.map((p) => (p.mark ? Object.assign(document.createElement('mark'), { textContent: p.text }) : document.createTextNode(p.text))));
}

export function attach(root: HTMLElement) {
  const t = JSON.parse(root.dataset.strings!) as UiStrings['search'];
  const dialog = root.querySelector('dialog')!;
  const input = root.querySelector('input')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const lang = document.documentElement.lang;
  const number = new Intl.NumberFormat(lang);
  // Characters of context either side of the term, when the excerpt is cut from the page text.
  const radius = /^zh/i.test(lang) ? 28 : 90;

  let engine: Promise<Pagefind> | undefined;
  const pagefind = () =>
    (engine ??= (import(/* @vite-ignore */ BUNDLE) as Promise<Pagefind>).then(async (pf) => {
      await pf.init();
      return pf;
    }).catch((error: unknown) => {
      engine = undefined; // offline with nothing cached, say: the next search tries again
      throw error;
    }));

  let seq = 0;
  let term = '';
  let found: Result[] = [];
  let shown = 0;

  const links = () => [...list.querySelectorAll('a')];

  function render(d: ResultData): HTMLLIElement {
    const title = d.meta.title ?? d.url;
    const exact = containsTerm(`${title}\n${d.content}`, term);
    // For a page with the term: the section whose excerpt shows it, and that excerpt with only the term marked.
    const sub = exact ? d.sub_results.find((s) => containsTerm(plainExcerpt(s.excerpt), term)) : undefined;
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = sub?.url ?? d.url;
    a.textContent = title;
    if (sub && sub.title !== title) a.append(' ', Object.assign(document.createElement('span'), { className: 'section', textContent: `› ${sub.title}` }));
    const p = document.createElement('p');
    // A page without the term as written matched only some of its characters or words ("私" of "私域"):
    // said so, and nothing in its excerpt is marked as if it were the term.
    if (!exact) {
      a.append(' ', Object.assign(document.createElement('span'), { className: 'partial', textContent: t.partial }));
      p.textContent = plainExcerpt(d.excerpt);
    } else {
      const text = sub ? plainExcerpt(sub.excerpt) : containsTerm(plainExcerpt(d.excerpt), term) ? plainExcerpt(d.excerpt) : excerptAround(d.content, term, radius);
      pieces(p, markTerm(text, term));
    }
    li.append(a, p);
    return li;
  }

  async function showMore(run: number) {
    const batch = found.slice(shown, shown + (shown === 0 ? FIRST : BATCH));
    const data = await Promise.all(batch.map((r) => r.data()));
    if (run !== seq) return false;
    list.append(...exactFirst(data, (d) => `${d.meta.title ?? ''}\n${d.content}`, term).map(render));
    shown += batch.length;
    more.hidden = shown >= found.length;
    return true;
  }

  async function search(raw: string) {
    const run = ++seq;
    term = normalizeQuery(raw);
    if (!term) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = fill(t.searching, { query: term });
    try {
      const pf = await pagefind();
      // Exact phrase first, then the words as typed; a prefix typed past an English stem, shortened.
      let results = mergeById(await Promise.all(searchPlan(raw).map(async (q) => (await pf.search(q))?.results ?? [])));
      for (const q of shorterPrefixes(raw)) {
        if (results.length >= ENOUGH) break;
        results = mergeById([results, (await pf.search(q))?.results ?? []]);
      }
      if (run !== seq) return;
      found = results;
      shown = 0;
      list.replaceChildren();
      if (!(await showMore(run))) return;
      const count = { count: number.format(found.length), query: term };
      status.textContent = found.length === 0 ? fill(t.none, count) : fill(found.length === 1 ? t.one : t.many, count);
    } catch {
      if (run === seq) status.textContent = import.meta.env.DEV ? t.devOnly : t.failed;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), QUIET);
  });
  root.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    links()[0]?.click();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links()[0]) {
      e.preventDefault();
      links()[0]!.focus();
    }
  });
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement) + (e.key === 'ArrowDown' ? 1 : -1);
    if (at < 0) input.focus();
    else all[Math.min(at, all.length - 1)]!.focus();
  });
  more.addEventListener('click', async () => {
    const before = links().length;
    if (await showMore(seq)) links()[before]?.focus();
  });
  // A followed link (also one to this same page) closes the dialog; so does a click on the backdrop.
  list.addEventListener('click', (e) => (e.target as Element).closest('a') && dialog.close());
  dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
  root.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());
  // Esc closes at once, even from the search field (where Chromium would first only clear the text).
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    dialog.close();
  });
  dialog.addEventListener('close', () => document.body.removeAttribute('data-search-open'));

  return {
    show() {
      if (!dialog.open) {
        dialog.showModal();
        document.body.setAttribute('data-search-open', '');
      }
      input.focus();
      input.select();
      if (!engine) status.textContent = t.loading;
      pagefind().then(
        () => status.textContent === t.loading && (status.textContent = ''),
        () => (status.textContent = import.meta.env.DEV ? t.devOnly : t.failed),
      );
    },
  };
}
