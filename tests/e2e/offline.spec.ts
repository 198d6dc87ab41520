import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { search } from './helpers';

// The only spec that lets the service worker in (playwright.config.ts blocks it everywhere else).
test.use({ serviceWorkers: 'allow' });

const version = () => /const VERSION = "([^"]+)"/.exec(readFileSync('dist/sw.js', 'utf8'))?.[1];

/** Resolves once a service worker controls the page and has finished precaching (it is then active). */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('after one visit the site works offline: pages in both languages, a calculator, and search', async ({ page, context, baseURL }) => {
  // Precaching the whole site, then two languages, a calculator and two searches offline.
  test.slow();
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  // Includes the service worker's own requests (precaching) in Chromium.
  context.on('request', (req) => new URL(req.url()).origin !== origin && !req.url().startsWith('data:') && foreign.push(req.url()));

  await page.goto('/');
  await controlled(page);
  expect(await cacheNames(page)).toEqual([`playbook-${version()}`]);

  await context.setOffline(true);
  for (const [path, heading] of [
    ['/handbook/metrics/', '指标体系'],
    ['/en/handbook/metrics/', 'Metrics'],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.ok(), path).toBe(true);
    await expect(page.locator('h1')).toContainText(heading);
  }
  // A calculator's island, Preact and Chart.js all come from the cache.
  await page.goto('/en/calculators/budget/');
  await page.locator('.calc').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await page.locator('.calc canvas').first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('.calc canvas')].some((c) => (c as HTMLCanvasElement).style.width !== ''));
  // Pagefind's script, worker, WASM, index and fragments too, in both languages.
  expect(await search(page, 'stickiness')).toContain('/en/handbook/metrics/');
  await page.goto('/');
  expect(await search(page, '留存率')).toContain('/handbook/metrics/');
  // The health check: its worker script and the sample export come from the cache.
  await page.goto('/calculators/health-check/');
  await page.locator('.health').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await page.getByRole('button', { name: '用示例数据试一试' }).click();
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.getByTestId('health-heatmap')).toBeVisible();
  // A page that is not in the cache gets the cached 404 page rather than the browser's offline error.
  const missing = await page.goto('/en/no-such-page/');
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await context.setOffline(false);
  expect(foreign).toEqual([]);
});

test('a new build replaces the old cache as soon as its service worker is seen', async ({ page, context }) => {
  const real = readFileSync('dist/sw.js', 'utf8');
  // First, an "earlier deploy": the same worker under another version.
  await context.route('**/sw.js', (route) => route.fulfill({ contentType: 'text/javascript', body: real.replace(/const VERSION = "[^"]+"/, 'const VERSION = "earlier"') }));
  await page.goto('/');
  await controlled(page);
  expect(await cacheNames(page)).toEqual(['playbook-earlier']);

  // Then the real build is deployed: the update check installs it, it takes over and deletes the old cache.
  await context.unroute('**/sw.js');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toEqual([`playbook-${version()}`]);
  await context.setOffline(true);
  await page.goto('/en/');
  await expect(page.locator('h1')).toBeVisible();
  await context.setOffline(false);
});
