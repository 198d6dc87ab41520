import { expect, test } from './fixtures';
import { axeViolations, builtPages, fullWidthMarks, hydrated } from './helpers';

const pages = builtPages();
/**
 * Colours come from the theme, not from the text, so every page template is checked in the dark scheme
 * (one or two pages each), while every page is checked in the light scheme.
 */
const DARK = new Set(['/', '/en/', '/handbook/metrics/', '/en/handbook/risk-crisis/', '/reference/glossary/', '/en/reference/templates/', '/calculators/budget/', '/calculators/staffing/', '/en/calculators/ltv-cac/', '/calculators/retention/', '/calculators/timeline/', '/calculators/plan/', '/training/onboarding/', '/training/self-checks/metrics/', '/en/training/drills/hostile-koc/']);

/**
 * Pages are checked in batches of about ten, one browser tab walking through each batch: a fresh context per
 * page cost more than the checks themselves. Each page is its own step, and every finding is a soft
 * failure naming the page, so one bad page does not hide the next.
 */
const BATCH = 10;
const batches: string[][] = [];
for (let i = 0; i < pages.length; i += BATCH) batches.push(pages.slice(i, i + BATCH));

test('the build has pages in both languages', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/en/');
  expect(pages.length).toBeGreaterThanOrEqual(6);
});

for (const batch of batches) {
  test(`${batch[0]} … ${batch.at(-1)}: no foreign requests, no console errors, no CSP violations, no axe violations`, async ({ page, baseURL, cspViolations }) => {
    test.setTimeout(batch.length * 15_000);
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(`${new URL(page.url()).pathname}: ${req.url()}`);
    });
    page.on('console', (msg) => msg.type() === 'error' && errors.push(`${new URL(page.url()).pathname}: ${msg.text()}`));
    page.on('pageerror', (err) => errors.push(`${new URL(page.url()).pathname}: ${err.message}`));

    for (const path of batch) {
      await test.step(path, async () => {
        await page.emulateMedia({ colorScheme: 'light' });
        const res = await page.goto(path);
        expect.soft(res?.status(), path).toBe(200);
        // Islands hydrate when visible: bring them into view so their rendered state is what axe checks.
        const islands = await page.locator('astro-island').all();
        for (const island of islands) await island.scrollIntoViewIfNeeded();
        await hydrated(page);
        // What the islands render in English uses English punctuation (english.spec.ts checks the built text).
        if (path.startsWith('/en/') && islands.length > 0) expect.soft(await fullWidthMarks(page), `${path} hydrated`).toEqual([]);
        // Search on one page of each template, so its lazily loaded UI is held to the same rules
        // (it is the same dialog everywhere; search.spec.ts runs axe inside it).
        if (DARK.has(path)) {
          await page.getByRole('button', { name: /搜索|Search/ }).first().click();
          await page.locator('#site-search-input').waitFor();
          await page.keyboard.press('Escape');
        }
        for (const scheme of DARK.has(path) ? (['light', 'dark'] as const) : (['light'] as const)) {
          await page.emulateMedia({ colorScheme: scheme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
          expect.soft((await axeViolations(page)).map((v) => `${path} ${scheme} ${v}`)).toEqual([]);
        }
        // The strict policy (hashes only, no inline style attributes) is on every page.
        await expect.soft(page.locator('head > meta[http-equiv="content-security-policy"]'), path).toHaveCount(1);
      });
    }
    // Late requests (a lazy image, a prefetch) of the last page count too.
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
}
