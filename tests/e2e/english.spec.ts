import { expect, test } from './fixtures';
import { builtPages, hydrated, search } from './helpers';

const english = builtPages().filter((p) => p.startsWith('/en/'));
const HAN = /\p{Script=Han}/gu;

test('the English edition has a page for every Chinese page', () => {
  // The Chinese 404 is dist/404.html (what static hosts serve); the English one is a page at /en/404/.
  const chinese = builtPages().filter((p) => !p.startsWith('/en/'));
  expect(english.map((p) => p.slice(3)).filter((p) => p !== '/404/').sort()).toEqual(chinese.sort());
});

for (const path of english) {
  test(`${path} is written in English: no fallback notice, Chinese under 2% of the text`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // Starlight marks untranslated pages with a notice; there must be none.
    await expect(page.getByText('This content is not available in your language yet.')).toHaveCount(0);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, '');
    const han = text.match(HAN)?.length ?? 0;
    expect(han / text.length, `${han} Chinese characters of ${text.length}`).toBeLessThan(0.02);
  });
}

/**
 * Text of the page a reader meets (body text, the title, and the accessible names and hints in attributes)
 * that carries a Chinese full-width mark, skipping what is explicitly marked as Chinese (lang="zh…").
 */
const FULL_WIDTH = /[，。：；（）！？、]/;
async function fullWidthMarks(page: import('@playwright/test').Page): Promise<string[]> {
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

for (const path of english) {
  test(`${path} has no Chinese full-width punctuation in its English text, as built and once its islands run`, async ({ page, browser }) => {
    test.slow(); // two loads, and every island hydrated
    // As built: the HTML without JavaScript (what a reader sees before, or without, hydration).
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const staticPage = await plain.newPage();
    await staticPage.goto(path);
    const built = await fullWidthMarks(staticPage);
    await plain.close();
    expect(built, 'in the built HTML').toEqual([]);
    // Hydrated: every island rendered with its default inputs (islands hydrate when scrolled into view).
    await page.goto(path);
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await hydrated(page);
    expect(await fullWidthMarks(page), 'on the hydrated page').toEqual([]);
  });
}

const searches = [
  ['stickiness', '/en/handbook/metrics/'],
  ['holding statement', '/en/handbook/risk-crisis/'],
  ['weak ties', '/en/handbook/theory/'],
  ['welcome message', '/en/reference/templates/'],
  ['KOC', '/en/handbook/team-budget/'],
] as const;

for (const [term, target] of searches) {
  test(`English search for "${term}" finds ${target}`, async ({ page }) => {
    await page.goto('/en/');
    const hrefs = await search(page, term);
    expect(hrefs).toContain(target);
    for (const h of hrefs) expect(h.startsWith('/en/')).toBe(true);
  });
}
