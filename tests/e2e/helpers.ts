import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Every HTML page of the built site, as the URL path a reader would open (404 excluded). */
export function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name === 'index.html') {
        const rel = relative(dir, d).split(sep).join('/');
        pages.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Resolves once no Astro island is still waiting to hydrate. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

/** The search dialog's parts (src/components/overrides/Search.astro). */
export const searchUi = (page: Page) => {
  const dialog = page.locator('site-search dialog');
  return { dialog, input: dialog.locator('#site-search-input'), status: dialog.locator('[data-status]'), results: dialog.locator('[data-results] > li'), more: dialog.locator('[data-more]') };
};

/**
 * Opens the search dialog the way a reader does (click), types the query key by key and waits until the
 * status line reports the results for it. With `all`, presses "show more" until every result is listed;
 * with `until`, only until that path is listed (each batch loads ten result fragments, slow on a busy machine).
 * Returns the paths of the results in the order shown.
 */
export async function search(page: Page, query: string, { all = true, until }: { all?: boolean; until?: string } = {}): Promise<string[]> {
  const ui = searchUi(page);
  await page.getByRole('button', { name: /搜索|Search/ }).first().click();
  await ui.input.waitFor({ state: 'visible' });
  await ui.input.clear();
  await ui.input.pressSequentially(query);
  // "Searching for …" first, then the count of results for exactly this query (or none).
  await page.waitForFunction(
    (q) => {
      const msg = document.querySelector('site-search [data-status]')?.textContent ?? '';
      return msg.includes(`“${q}”`) && !/searching|正在搜索/i.test(msg);
    },
    query.trim(),
  );
  const listed = () => ui.results.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  while (all && (await ui.more.isVisible())) {
    if (until && (await listed()).includes(until)) break;
    const before = await ui.results.count();
    await ui.more.click();
    // Each batch loads up to ten result fragments: allow for a busy machine.
    await expect(ui.results).not.toHaveCount(before, { timeout: 30_000 });
  }
  return listed();
}

/** The text of every page of a PDF (pdfjs), one line per page, and the page count. */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  return { pages: doc.numPages, text };
}

/** Clears a field and types into it key by key, as a person does. */
export async function retype(page: Page, label: string | RegExp, text: string) {
  const input = page.getByLabel(label);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(text);
}

/** Clicks a button that downloads a file; the file's suggested name and its text (UTF-8). */
export async function download(page: Page, name: RegExp | string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** axe-core's own build, as @axe-core/playwright resolves it (the wrapper is a thin layer over this file). */
const axeSource = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's violations on the page (or inside `include`), one line each: "rule: target, target".
 * axe runs in the page itself: @axe-core/playwright's default mode finishes every run in a new blank page,
 * which took 4–6 s per call here against 0.5–1.2 s for the same rules run in place; the page has no
 * cross-origin frames, the one case that mode exists for.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include ?? null);
}

/**
 * Text of the page a reader meets (body text, the title, and the accessible names and hints in attributes)
 * that carries a Chinese full-width mark, skipping what is explicitly marked as Chinese (lang="zh…").
 */
export const FULL_WIDTH = /[，。：；（）！？、]/;
export async function fullWidthMarks(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate((source) => {
    const marks = new RegExp(source);
    const found: string[] = [];
    const chinese = (el: Element | null) => !!el?.closest('[lang^="zh"]');
    if (marks.test(document.title)) found.push(`<title>: ${document.title}`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, template') || chinese(parent)) continue;
      const text = node.textContent ?? '';
      if (marks.test(text)) found.push(`<${parent.tagName.toLowerCase()} class="${parent.className}">: ${text.trim().slice(0, 120)}`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (chinese(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = el.getAttribute(name);
        if (value && marks.test(value)) found.push(`[${name}]: ${value}`);
      }
    }
    return found;
  }, FULL_WIDTH.source);
}


/** Text that must never reach a reader. */
export const BROKEN = /NaN|Infinity|undefined|\[object /;

/** Opens a calculator page and waits until its island has hydrated and shows results (restored state included). */
export async function openCalculator(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('.calc').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator('.calc-results').first()).toBeVisible();
}

/** The value of the result labelled `label` (a `.calc-stat` whose `dt` holds the text). */
export const calcStat = (page: Page, label: string | RegExp) => page.locator('.calc-stat', { has: page.locator('dt', { hasText: label }) }).locator('.calc-stat-value');
