import { expect, test } from './fixtures';
import { axeViolations, builtPages, hydrated } from './helpers';

const pages = builtPages();
/**
 * Colours come from the theme, not from the text, so every page template is checked in the dark scheme
 * (one or two pages each), while every page is checked in the light scheme.
 */
const DARK = new Set(['/', '/en/', '/handbook/metrics/', '/en/handbook/risk-crisis/', '/reference/glossary/', '/en/reference/templates/', '/calculators/budget/', '/calculators/staffing/', '/en/calculators/ltv-cac/', '/calculators/retention/', '/calculators/timeline/', '/calculators/plan/', '/training/onboarding/', '/training/self-checks/metrics/', '/en/training/drills/hostile-koc/']);

test('the build has pages in both languages', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/en/');
  expect(pages.length).toBeGreaterThanOrEqual(6);
});

for (const path of pages) {
  test(`${path}: no foreign requests, no console errors, no CSP violations, no axe violations${DARK.has(path) ? ' (light and dark)' : ''}`, async ({ page, baseURL, cspViolations }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(req.url());
    });
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (err) => errors.push(err.message));

    const res = await page.goto(path, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    // Islands hydrate when visible: bring them into view so their rendered state is what axe checks.
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await hydrated(page);
    // Open and close search on one page of each template, so its lazily loaded UI is held to the same rules
    // (it is the same dialog everywhere; search.spec.ts runs axe inside it).
    if (DARK.has(path)) {
      await page.getByRole('button', { name: /搜索|Search/ }).first().click();
      await page.locator('#site-search-input').waitFor();
      await page.keyboard.press('Escape');
    }

    for (const scheme of DARK.has(path) ? (['light', 'dark'] as const) : (['light'] as const)) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect((await axeViolations(page)).map((v) => `${scheme} ${v}`)).toEqual([]);
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    // The strict policy (hashes only, no inline style attributes) holds on this page, search UI included.
    await expect(page.locator('head > meta[http-equiv="content-security-policy"]')).toHaveCount(1);
    expect(cspViolations).toEqual([]);
  });
}
