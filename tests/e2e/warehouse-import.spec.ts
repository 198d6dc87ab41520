import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations, BROKEN, hydrated } from './helpers';

/**
 * Issue #20, part 2: a warehouse team runs the query, the operator opens its result in the health check. The
 * committed sample summary (the DuckDB SQL over the health check's own sample, scripts/generate-warehouse-summary.mjs)
 * must show the same headline figures, first cohort row and tier counts as the raw sample; a bad summary is
 * refused with its reason, in Chinese and in English.
 */
const RAW = readFileSync('public/samples/health-check-sample.csv');
const SUMMARY = readFileSync('public/samples/warehouse-summary-sample.csv');
const HEAD = 'scope,grp,metric,label,period,k,val';

const pick = (page: Page, name: string, buffer: Buffer) => page.locator('.health input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });

/** What the operator reads: the four headline figures, the first cohort row and the tiers table. */
async function figures(page: Page) {
  return {
    stats: await page.locator('.health-results .calc-stats').first().innerText(),
    firstCohort: await page.getByTestId('health-heatmap').locator('tbody tr').first().innerText(),
    tiers: await page.getByTestId('health-tiers').innerText(),
  };
}

test('warehouse summary: step 3 links to the health check; the sample summary shows the raw sample’s figures; bad summaries refused (zh, en)', async ({ page }) => {
  // The warehouse page's step 3 says what to export and leads to the health check.
  await page.goto('/calculators/warehouse/');
  await page.locator('.warehouse').scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.getByRole('heading', { name: '3. 导入结果' })).toBeVisible();
  await expect(page.locator('.warehouse')).toContainText('带表头（scope, grp, metric, label, period, k, val）的 CSV');
  await page.getByTestId('warehouse-import-link').click();
  await expect(page).toHaveURL(/\/calculators\/health-check\/$/);
  await page.locator('.health').scrollIntoViewIfNeeded();
  await hydrated(page);

  // The raw sample, analysed as usual.
  await pick(page, 'health-check-sample.csv', RAW);
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.locator('.health-results')).toBeVisible({ timeout: 20_000 });
  const raw = await figures(page);
  expect(raw.stats).toContain('300');

  // The summary: recognised without asking for columns, and the same figures, as text.
  await page.getByRole('button', { name: '换一个文件' }).click();
  await pick(page, 'warehouse-summary-sample.csv', SUMMARY);
  await expect(page.getByRole('heading', { name: '识别为：数据仓库汇总结果' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('成员列')).toHaveCount(0);
  await expect(page.getByTestId('health-warehouse-facts')).toContainText('截止日期 2026-10-31；连续 3 天没有互动算待关怀');
  await expect(page.getByTestId('health-summary')).toContainText('数据仓库汇总结果，667 行');
  const summary = await figures(page);
  expect(summary).toEqual(raw);
  expect(summary.firstCohort).toMatch(/^2026-05\s+\d+\s+100%/);
  // Per group, the lifecycle, and what a summary cannot carry said in words.
  await expect(page.getByTestId('health-warehouse-groups').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('health-warehouse-groups')).toContainText('新品体验一群');
  await expect(page.getByTestId('health-lifecycle')).toContainText('2026-10');
  await expect(page.getByTestId('health-no-tier-list')).toContainText('不带每个成员属于哪一层');
  await expect(page.getByRole('button', { name: '下载全部成员的分层（CSV）' })).toHaveCount(0);
  await expect(page.getByTestId('health-at-risk').locator('thead th')).toHaveCount(3);
  // The sBG fit runs on the summary's cohorts as on the raw rows.
  await page.getByRole('button', { name: '拟合 sBG 模型' }).click();
  await expect(page.getByTestId('health-fit')).toContainText('α');
  expect(await page.locator('.health').innerText()).not.toMatch(BROKEN);
  expect(await axeViolations(page)).toEqual([]);

  // A summary with a column missing: refused, naming it; nothing drawn.
  await page.getByRole('button', { name: '换一个文件' }).click();
  await pick(page, 'no-val.csv', Buffer.from('scope,grp,metric,label,period,k\nall,,as_of,,20261031,0\n'));
  await expect(page.locator('.health-failure')).toContainText('缺少列 val', { timeout: 20_000 });
  await expect(page.locator('.health-results')).toHaveCount(0);

  // English: the summary read the same way, and a non-numeric val refused in English.
  await page.goto('/en/calculators/health-check/');
  await page.locator('.health').scrollIntoViewIfNeeded();
  await hydrated(page);
  await pick(page, 'summary.csv', SUMMARY);
  await expect(page.getByRole('heading', { name: 'Recognised: warehouse summary' })).toBeVisible({ timeout: 20_000 });
  const en = await figures(page);
  expect(en.stats).toContain('300');
  expect(en.firstCohort).toMatch(/^2026-05\s+\d+\s+100%/);
  await expect(page.getByTestId('health-no-tier-list')).toContainText('not which tier each member is in');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Use another file' }).click();
  await pick(page, 'bad.csv', Buffer.from(`${HEAD}\nall,,as_of,,20261031,0,20757\nall,,members,,0,0,many\n`));
  await expect(page.locator('.health-failure')).toContainText('period, k or val is not a whole number in record(s) 2', { timeout: 20_000 });
  await expect(page.locator('.health-failure')).toContainText('No figure is shown');
});
