import { expect, test } from './fixtures';
import { builtPages, search } from './helpers';

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
