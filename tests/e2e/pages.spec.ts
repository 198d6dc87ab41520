import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from './helpers';

const pages = builtPages();

test('the build has pages in both languages', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/en/');
  expect(pages.length).toBeGreaterThanOrEqual(6);
});

for (const path of pages) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${path} (${scheme}): no foreign requests, no console errors, no axe violations`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme: scheme });
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
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      // Open and close search too, so its lazily loaded UI is held to the same rules.
      await page.getByRole('button', { name: /搜索|Search/ }).first().click();
      await page.locator('#starlight__search input').first().waitFor();
      await page.keyboard.press('Escape');

      const axe = await new AxeBuilder({ page }).analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations).toEqual([]);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}
