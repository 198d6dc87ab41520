import { expect, test } from './fixtures';
import { builtPages, fullWidthMarks, search } from './helpers';

const english = builtPages().filter((p) => p.startsWith('/en/'));
const HAN = /\p{Script=Han}/gu;

test('the English edition has a page for every Chinese page', () => {
  // The Chinese 404 is dist/404.html (what static hosts serve); the English one is a page at /en/404/.
  const chinese = builtPages().filter((p) => !p.startsWith('/en/'));
  expect(english.map((p) => p.slice(3)).filter((p) => p !== '/404/').sort()).toEqual(chinese.sort());
});

/**
 * Every English page as built (JavaScript off: what a reader sees before, or without, hydration): marked
 * English, no fallback notice, Chinese under 2% of the text, and no Chinese full-width punctuation outside
 * what is marked lang="zh". The same punctuation check runs on every hydrated island in pages.spec.ts.
 */
test('every English page as built is written in English, without Chinese full-width punctuation', async ({ browser }) => {
  test.setTimeout(english.length * 6_000); // about 1 s a page on an idle machine, 3 s under load
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  for (const path of english) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect.soft(page.locator('html'), path).toHaveAttribute('lang', 'en');
      // Starlight marks untranslated pages with a notice; there must be none.
      await expect.soft(page.getByText('This content is not available in your language yet.'), path).toHaveCount(0);
      const text = (await page.locator('main').innerText()).replace(/\s+/g, '');
      const han = text.match(HAN)?.length ?? 0;
      expect.soft(han / text.length, `${path}: ${han} Chinese characters of ${text.length}`).toBeLessThan(0.02);
      expect.soft(await fullWidthMarks(page), `${path} as built`).toEqual([]);
    });
  }
  await plain.close();
});

const searches = [
  ['stickiness', '/en/handbook/metrics/'],
  ['holding statement', '/en/handbook/risk-crisis/'],
  ['weak ties', '/en/handbook/theory/'],
  ['welcome message', '/en/reference/templates/'],
  ['KOC', '/en/handbook/team-budget/'],
] as const;

test('English search finds each chapter by its key term, and lists English pages only', async ({ page }) => {
  test.slow(); // five searches, the first loading Pagefind's index
  await page.goto('/en/');
  for (const [term, target] of searches) {
    const hrefs = await search(page, term, { until: target });
    expect.soft(hrefs, `"${term}"`).toContain(target);
    expect.soft(hrefs.filter((h) => !h.startsWith('/en/')), `"${term}"`).toEqual([]);
    await page.keyboard.press('Escape');
  }
});
