import { expect, test } from './fixtures';
import { search, searchUi, axeViolations } from './helpers';

/**
 * Chinese search recall: each term must occur inside running text of the page (not only in a heading),
 * and typing it into the search dialog must list that page.
 */
const zhTerms = ['留存率', '粘性', '流失率', '复购率', '获客成本', '净推荐值', '用户分层', '转化率', '口径', '默认值'];
const enTerms = ['stickiness', 'churn', 'payback'];

async function expectFound(page: import('@playwright/test').Page, term: string, home: string, target: string) {
  // The term really sits mid-sentence in a paragraph or list item of the target page.
  await page.goto(target);
  const prose = await page.locator('main .sl-markdown-content :is(p, li, td)').allInnerTexts();
  expect(
    prose.some((text) => {
      const at = text.indexOf(term);
      return at > 0 && at + term.length < text.length;
    }),
    `"${term}" appears mid-sentence on ${target}`,
  ).toBe(true);

  await page.goto(home);
  const hrefs = await search(page, term);
  expect(hrefs, `search for "${term}"`).toContain(target);
}

for (const term of zhTerms) {
  test(`Chinese search finds "${term}"`, async ({ page }) => {
    await expectFound(page, term, '/', '/handbook/metrics/');
  });
}

for (const term of enTerms) {
  test(`English search finds "${term}"`, async ({ page }) => {
    await expectFound(page, term, '/en/', '/en/handbook/metrics/');
  });
}

test('the English index does not return Chinese pages', async ({ page }) => {
  await page.goto('/en/');
  const hrefs = await search(page, 'LTV');
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href.startsWith('/en/')).toBe(true);
});

test('search speaks Chinese on Chinese pages', async ({ page }) => {
  await page.goto('/');
  await search(page, '留存率');
  await expect(searchUi(page).status).toContainText('找到');
});

test('search opens from the keyboard with Ctrl+K and with "/" (not while typing in a field)', async ({ page }) => {
  await page.goto('/calculators/budget/');
  // The shortcut is the search element's own listener: a key pressed before its module runs does nothing.
  await page.waitForFunction(() => customElements.get('site-search') !== undefined);
  await page.keyboard.press('Control+k');
  await expect(searchUi(page).input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(searchUi(page).input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('.calc').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await page.getByLabel('每月人员成本').focus();
  await page.keyboard.press('/');
  await expect(searchUi(page).dialog).not.toHaveAttribute('open', '');
});

test('the dialog is used from the keyboard: arrows move through the results, Enter opens one, Esc closes and returns focus', async ({ page }) => {
  await page.goto('/en/');
  const ui = searchUi(page);
  const button = page.getByRole('button', { name: 'Search' }).first();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(ui.input).toBeFocused();
  await page.keyboard.type('churn');
  // The first search of a page loads Pagefind's index: allow for a busy machine.
  await expect(ui.status).toContainText('results for “churn”', { timeout: 30_000 });
  const links = ui.results.locator('a');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(ui.input).toBeFocused();
  // Esc closes from the field (with text in it) and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(ui.dialog).not.toHaveAttribute('open', '');
  await expect(button).toBeFocused();
  // Reopened, the last search is still there; Enter in the field opens the first result.
  await page.keyboard.press('Control+k');
  await expect(ui.input).toHaveValue('churn');
  const first = new URL((await links.first().getAttribute('href'))!, page.url());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(first.href);
});

for (const [home, query] of [['/', '私域'], ['/en/', 'stickin']] as const) {
  test(`the open dialog with results has no axe violations, light and dark (${home}, "${query}")`, async ({ page }) => {
    test.setTimeout(120_000); // a search and two axe runs: over a minute on a busy 2-core machine
    await page.goto(home);
    await search(page, query, { all: false });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const violations = await axeViolations(page, 'site-search dialog');
      expect(violations.map((v) => `${scheme} ${v}`)).toEqual([]);
    }
  });
}
