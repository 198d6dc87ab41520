import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gzipSync } from 'node:zlib';
import { hydrated } from './helpers';

/**
 * JavaScript a page makes the browser download, measured as gzip (level 9) of every script response —
 * the size a static host that compresses would send.
 */
async function jsWeight(page: Page, path: string, act: (p: Page) => Promise<void> = async () => {}) {
  const sizes = new Map<string, number>();
  page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (!/javascript|wasm/.test(type) && !/\.m?js($|\?)/.test(res.url())) return;
    try {
      sizes.set(res.url(), gzipSync(await res.body(), { level: 9 }).length);
    } catch {
      // A response whose body is gone (navigation) is not part of this page.
    }
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await act(page);
  await page.waitForLoadState('networkidle');
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  return { total, files: [...sizes.entries()].map(([u, n]) => `${new URL(u).pathname} ${n}`) };
}

const KB = 1024;
const calculators = ['/calculators/budget/', '/calculators/staffing/', '/calculators/ltv-cac/', '/calculators/retention/', '/en/calculators/timeline/'];

for (const path of calculators) {
  test(`${path} loads at most 100 KB of JavaScript, chart included`, async ({ page }) => {
    const { total, files } = await jsWeight(page, path, async (p) => {
      await p.locator('.calc').scrollIntoViewIfNeeded();
      await hydrated(p);
      // The chart is built when it nears the viewport: bring it there, so Chart.js is in the measurement.
      await p.locator('.calc-chart canvas').first().scrollIntoViewIfNeeded();
      await expect(p.locator('.calc-chart canvas').first()).toBeVisible();
      await p.waitForFunction(() => [...document.querySelectorAll('.calc-chart canvas')].some((c) => (c as HTMLCanvasElement).style.width !== ''));
      await p.waitForFunction(() => [...document.querySelectorAll('canvas')].some((c) => c.width > 0));
    });
    expect(total, files.join('\n')).toBeLessThanOrEqual(100 * KB);
    expect(files.some((f) => /chart|load/.test(f)), 'Chart.js is loaded here').toBe(true);
  });
}

for (const path of ['/', '/handbook/metrics/', '/en/handbook/risk-crisis/', '/reference/glossary/']) {
  test(`prose page ${path} ships no island and at most 6 KB of JavaScript until search is opened`, async ({ page }) => {
    const { total, files } = await jsWeight(page, path);
    expect(await page.locator('astro-island').count()).toBe(0);
    // Neither Pagefind nor the search dialog's own code loads before the reader reaches for search.
    expect(files.filter((f) => /chart|preact|pagefind|search-dialog/i.test(f))).toEqual([]);
    expect(total, files.join('\n')).toBeLessThanOrEqual(6 * KB);
  });
}

test('calculator pages are usable on a 360 px phone: nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of calculators) {
    await page.goto(path);
    await page.locator('.calc').scrollIntoViewIfNeeded();
    await hydrated(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('the health check draws no chart: no Chart.js, at most 60 KB of JavaScript before a file is opened', async ({ page }) => {
  const { total, files } = await jsWeight(page, '/calculators/health-check/', async (p) => {
    await p.locator('.health').scrollIntoViewIfNeeded();
    await hydrated(p);
  });
  expect(files.filter((f) => /chart/i.test(f))).toEqual([]);
  expect(total, files.join('\n')).toBeLessThanOrEqual(60 * KB);
});

test('the health check with results fits a 360 px phone: wide tables scroll inside their own region', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/en/calculators/health-check/');
  await page.locator('.health').scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.getByRole('button', { name: 'Try it with sample data' }).click();
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('health-heatmap')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a 360 px phone the plan document’s tables keep each cell on one line and scroll in their own region', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/calculators/plan/');
  await page.locator('.plan-doc').scrollIntoViewIfNeeded();
  await hydrated(page);
  const phase = page.locator('.plan-doc .calc-data-table tbody th').first();
  await expect(phase).toHaveText('启动期');
  const { height, lineHeight } = await phase.evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(el).lineHeight),
  }));
  expect(height, 'the phase name is one line, not one character per line').toBeLessThan(lineHeight * 1.5 + 12);
  const wrap = page.locator('.plan-doc .calc-table-wrap').first();
  expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
