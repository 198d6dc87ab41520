import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { hydrated, openCalculator as open, calcStat as stat } from './helpers';

/**
 * What every calculator promises about its state, checked on each of the five: a copied link restores the
 * same calculator in a fresh browser, a reload keeps the work, corrupt saved state gives a notice and
 * defaults, and the CSV and JSON downloads carry the figures on screen.
 */
const calculators = [
  { id: 'budget', path: '/calculators/budget/', field: '每月人员成本', value: '7万', stat: '每月总预算' },
  { id: 'staffing', path: '/calculators/staffing/', field: '社群成员数', value: '3万', stat: '需要的运营专员' },
  { id: 'ltv-cac', path: '/calculators/ltv-cac/', field: '每位客户每月收入（ARPU）', value: '120', stat: '客户生命周期价值（LTV）' },
  { id: 'retention', path: '/calculators/retention/', field: '每月新增成员', value: '800', stat: '长期稳态规模' },
  { id: 'timeline', path: '/calculators/timeline/', field: '开始日期', value: '2027-03-31', stat: '计划结束日期' },
];


for (const c of calculators) {
  test(`${c.id}: link, reload, corrupt state and downloads`, async ({ page, browser }) => {
    test.slow(); // four loads of the calculator and two downloads
    await open(page, c.path);
    const before = await stat(page, c.stat).innerText();
    await page.getByLabel(c.field).fill(c.value);
    await expect(stat(page, c.stat)).not.toHaveText(before);
    const after = await stat(page, c.stat).innerText();

    // The address bar holds the whole state: a fresh browser opening it sees the same result.
    const link = page.url();
    expect(new URL(link).search.length).toBeGreaterThan(1);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await open(other, link);
    await expect(other.getByLabel(c.field)).toHaveValue(c.value);
    await expect(stat(other, c.stat)).toHaveText(after);
    await fresh.close();

    // Reload without the query: saved state brings the work back.
    await open(page, c.path);
    await expect(page.getByLabel(c.field)).toHaveValue(c.value);
    await expect(stat(page, c.stat)).toHaveText(after);

    // Downloads carry what is on screen (plain numbers in the CSV, the inputs in the JSON).
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const csv = readFileSync((await csvFile.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[0]).toEqual(['部分', '项目', '数值', '单位']);
    expect(rows.length).toBeGreaterThan(2);
    const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonFile.path())!, 'utf8'));
    expect(json.calculator).toBe(c.id);
    expect(Object.values(json.inputs)).toContain(c.value);

    // Corrupt saved state: a notice, defaults, no crash, and the bad entry left alone.
    await page.evaluate((key) => localStorage.setItem(key, '{"v":1,"fields":{"x":'), `playbook:calc:${c.id}`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, c.path);
    await expect(page.locator('.calc-notice')).toContainText('已损坏或来自不兼容的版本');
    await expect(stat(page, c.stat)).toHaveText(before);
    expect(errors).toEqual([]);
    expect(await page.evaluate((key) => localStorage.getItem(key), `playbook:calc:${c.id}`)).toBe('{"v":1,"fields":{"x":');
  });
}

test('plan builder: corrupt saved plan gives a notice and the example plan', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('playbook:plan', '{"kind":"community-plan","version":1,"plan":{"basics":5}}'));
  await page.goto('/calculators/plan/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator('.calc-notice')).toContainText('本机保存的方案无法读取');
  await expect(page.locator('.plan-results .calc-stats')).toBeVisible();
});
