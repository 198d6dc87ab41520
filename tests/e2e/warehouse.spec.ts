import { expect, test } from './fixtures';
import { axeViolations, BROKEN, hydrated, retype as type } from './helpers';

/** The warehouse page: the mapping typed key by key, the SQL per engine, copy, a bad field, both languages. */
test('warehouse SQL: typed mapping, engine switch changes quoting, copy, bad input, zh and en, axe light and dark', async ({ page, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  await page.goto('/calculators/warehouse/');
  await page.locator('.calc').scrollIntoViewIfNeeded();
  await hydrated(page);
  const code = page.locator('.warehouse-sql code');
  await type(page, '表名（可写 库.表）', 'a.chat ev');
  await type(page, '成员 ID 列', "sender's id");
  await type(page, '群 ID 列（可选，填了就按群分别算）', 'g');
  await type(page, '要排除的运营人员 ID（每行一个）', "o'brien");
  // DuckDB: double-quoted names, a quote in a string doubled; the note says it runs in the tests.
  await expect(code).toContainText(`FROM "a"."chat ev"`);
  await expect(code).toContainText(`NOT IN ('o''brien')`);
  await expect(code).toContainText(`CAST("sender's id" AS VARCHAR)`);
  await expect(page.locator('.warehouse-note')).toContainText('自动测试里真的跑过（DuckDB）');
  // BigQuery: back-quoted names, a backslash before the quote; marked as not engine-tested.
  await page.getByLabel('数据库引擎').selectOption('bigquery');
  await expect(code).toContainText('FROM `a`.`chat ev`');
  await expect(code).toContainText(`NOT IN ('o\\'brien')`);
  await expect(page.locator('.warehouse-note')).toContainText('generated, not engine-tested');
  await page.getByRole('button', { name: '复制 SQL' }).click();
  await expect(page.getByRole('status')).toHaveText('已复制到剪贴板。');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.textContent());
  // Bad input: an offset beyond UTC+14 and a date that does not exist, each said next to its field, in Chinese.
  await type(page, '时区（相对 UTC 的小时数，北京时间填 8）', '15');
  await type(page, '截止日期（YYYY-MM-DD，留空＝最后一条记录那天）', '2026-02-30');
  await expect(page.locator('#warehouse-offset-err')).toHaveText('数值太大（最多 14）');
  await expect(page.locator('#warehouse-asOf-err')).toContainText('日期');
  await expect(page.getByLabel('时区（相对 UTC 的小时数，北京时间填 8）')).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveCount(0);
  await expect(page.getByRole('button', { name: '复制 SQL' })).toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);
  await type(page, '时区（相对 UTC 的小时数，北京时间填 8）', '-5');
  await type(page, '截止日期（YYYY-MM-DD，留空＝最后一条记录那天）', '2024-02-29');
  await expect(code).toContainText('+ -18000) / 86400.0');
  await expect(code).toContainText('WHERE dn <= 19782');
  await expect(page.locator('main')).not.toContainText(BROKEN);

  // English, dark scheme: the same page in English, ClickHouse's escapes, an English error.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/en/calculators/warehouse/');
  await page.locator('.calc').scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.getByLabel('Database engine').selectOption('clickhouse');
  await type(page, 'Member ID column', 'user`id');
  await expect(code).toContainText('CAST(`user\\`id` AS Nullable(String))');
  await expect(page.locator('.warehouse-note')).toContainText('Generated, not engine-tested: this site has not run it on ClickHouse.');
  await type(page, 'Days without activity that put a member at risk', 'x');
  await expect(page.locator('#warehouse-inactiveDays-err')).toHaveText('Enter a number');
  await type(page, 'Days without activity that put a member at risk', '7');
  await expect(code).toContainText('last_dn <= as_of - 7 AND last_dn > as_of - 37');
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.locator('main')).not.toContainText(BROKEN);
});
