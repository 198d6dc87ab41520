import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { hydrated, search } from './helpers';

// The fixture in ./fixtures fails any of these tests on a Content-Security-Policy violation; here the
// interactive parts run under the policy: search (Pagefind's worker and WASM), every calculator with its
// chart, and the plan builder.

test('the policy is strict: hashes only, and the watcher sees what it blocks', async ({ page, cspViolations }) => {
  await page.goto('/handbook/metrics/');
  const policy = (await page.locator('head > meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')+;/);
  expect(policy).toMatch(/style-src 'self'( 'sha256-[\w+/=]+')+;/);
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\s\*/);
  // The policy must come before any script or style to govern it.
  expect(await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'))).toBe('content-security-policy');
  // No style attribute is left in the HTML: each became a data-sa rule of one stylesheet.
  expect(await page.locator('[style]').count()).toBe(0);
  // …and still applies: the table of contents indents by --depth, the icons size by --sl-icon-size.
  const depths = await page.locator('starlight-toc li').evaluateAll((lis) => [...new Set(lis.map((li) => getComputedStyle(li).getPropertyValue('--depth').trim()))]);
  expect(depths.sort()).toEqual(['0', '1']);
  expect(await page.locator('#starlight__sidebar svg.caret').first().evaluate((s) => getComputedStyle(s).getPropertyValue('--sl-icon-size').trim())).not.toBe('');

  // An injected inline handler and style attribute are refused, and reported.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="x" style="color: rgb(255, 0, 0)">x</p><img src="data:," onerror="document.title=\'pwned\'">'));
  await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(2);
  await expect(page.locator('#x')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
  expect(await page.title()).not.toBe('pwned');
  expect(cspViolations.join('\n')).toMatch(/style-src-attr/);
  expect(cspViolations.join('\n')).toMatch(/script-src-attr/);
  cspViolations.length = 0; // seen and expected: not a failure of this test
});

test('the header form in dist/_headers is the page policy plus frame-ancestors', async ({ page }) => {
  await page.goto('/');
  const meta = (await page.locator('head > meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
  const headers = readFileSync('dist/_headers', 'utf8');
  expect(headers).toContain(`Content-Security-Policy: ${meta} frame-ancestors 'none';`);
});

test('search runs under the policy, in both languages', async ({ page }) => {
  test.slow();
  // The first batch of results is enough to show Pagefind (its wasm included) runs under the policy;
  // loading every batch is search.spec's job.
  await page.goto('/');
  expect(await search(page, '留存率', { all: false })).toContain('/handbook/metrics/');
  await page.goto('/en/');
  expect(await search(page, 'stickiness', { all: false })).toContain('/en/handbook/metrics/');
});

const calculators = ['/calculators/budget/', '/calculators/staffing/', '/calculators/ltv-cac/', '/calculators/retention/', '/en/calculators/timeline/'];
test('every calculator computes and draws its chart under the policy', async ({ page }) => {
  for (const path of calculators) {
    await page.goto(path);
    await page.locator('.calc').first().scrollIntoViewIfNeeded();
    await hydrated(page);
    const field = page.locator('.calc input[inputmode="decimal"], .calc input[inputmode="numeric"]').first();
    await field.fill('12');
    await expect(page.locator('.calc-results').first(), path).toBeVisible();
    // Chart.js sizes the canvas through its style (CSSOM, which the policy allows) once it has drawn.
    await page.locator('.calc canvas').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('.calc canvas')].some((c) => (c as HTMLCanvasElement).style.width !== ''));
  }
});

test('the plan builder computes, draws and exports under the policy', async ({ page }) => {
  await page.goto('/calculators/plan/');
  await page.locator('.plan').scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.getByLabel('当前成员数').fill('3000');
  await expect(page.locator('.plan-results .calc-stats')).toBeVisible();
  for (const canvas of await page.locator('.plan-results canvas').all()) await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('.plan-results canvas')].every((c) => (c as HTMLCanvasElement).style.width !== ''));
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON' }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.json$/);
});
