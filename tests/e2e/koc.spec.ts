import { type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { axeViolations, BROKEN, calcStat, download, hydrated, pdfText } from './helpers';

/** The KOC programme page (issue #18): staffing → KOC → budget, an editable ladder, exports and print. */
const koc = (page: Page) => page.locator('[data-calc="koc"]');
const stat = (page: Page, label: string) => koc(page).locator('.calc-stat', { has: page.locator('dt', { hasText: label }) }).locator('.calc-stat-value');
const open = async (page: Page, path = '/calculators/koc/') => {
  await page.goto(path);
  await page.locator('[data-calc="koc"]').scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(koc(page).locator('.calc-results')).toBeVisible();
};
/** Clears a box and types into it key by key. */
const typeIn = async (page: Page, selector: string, text: string) => {
  const input = page.locator(selector);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(text);
};
const rungRows = (page: Page) => koc(page).locator('.calc-koc-rungs tbody tr');

test.describe('KOC programme', () => {
  test('staffing hands its KOC target over; the monthly cost goes on to the budget as incentives', async ({ page }) => {
    await page.goto('/calculators/staffing/');
    await page.locator('[data-calc="staffing"]').scrollIntoViewIfNeeded();
    await hydrated(page);
    // Staffing's defaults: 20,000 members × 25% active = 5,000; KOC 5–8% → 250–400.
    await expect(calcStat(page, 'KOC 目标人数')).toHaveText('250–400');
    await page.getByRole('link', { name: /按 KOC 目标人数算 KOC 激励计划的费用/ }).click();
    await expect(page).toHaveURL(/\/calculators\/koc\/\?kocs=400&kmin=250&kmax=400/);
    await koc(page).scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(page.locator('#koc-kocs')).toHaveValue('400');
    await expect(page.locator('#koc-kocs-hint')).toHaveText('人员配置给出的 KOC 目标是 250–400 人，这里先取上限，可以改。');
    // 400 on 60/30/10: 240 × 50 + 120 × (150 + 25) + 40 × (400 + 83.33) = 12,000 + 21,000 + 19,333.33; recruitment 400 × 5% × 200 = 4,000.
    await expect(stat(page, '每月计划费用')).toHaveText('¥56,333.33');
    await expect(rungRows(page).nth(2)).toHaveText(['明星', '10%', '40', '¥19,333.33'].join(''));
    // Typed key by key as people write it: 1.2千 = 1,200 → 720 / 360 / 120: 36,000 + 63,000 + 58,000 + 12,000.
    await typeIn(page, '#koc-kocs', '1.2千');
    await expect(page.locator('#koc-kocs')).toHaveValue('1.2千');
    await expect(stat(page, '每月计划费用')).toHaveText('¥169,000');
    await typeIn(page, '#koc-kocs', '120');
    // 72 / 36 / 12: 3,600 + 6,300 + 5,800 = 15,700; 120 × 5% × 200 = 1,200.
    await expect(stat(page, '每月计划费用')).toHaveText('¥16,900');
    await koc(page).getByRole('link', { name: /把每月计划费用作为激励费用带到预算计算器/ }).click();
    await expect(page).toHaveURL(/\/calculators\/budget\/\?incentives=16900$/);
    await page.locator('[data-calc="budget"]').scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(page.locator('#budget-incentives')).toHaveValue('16900');
    await expect(page.locator('[data-calc="budget"] .chart-table, [data-calc="budget"] table').first()).toContainText('¥16,900');
    // Staffing's figure carried earlier is still there: the two hand-offs fill different lines.
    await page.goto('/calculators/staffing/');
    await hydrated(page);
    await page.locator('[data-calc="staffing"] a.calc-handoff', { hasText: '预算' }).click();
    await page.locator('[data-calc="budget"]').scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(page.locator('#budget-incentives')).toHaveValue('16900');
    await expect(page.locator('main')).not.toContainText(BROKEN);
  });

  test('the ladder is edited rung by rung; shares that miss 100% are named; the link restores the ladder', async ({ page, browser, baseURL }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await open(page);
    await typeIn(page, '#koc-r2name', '超级明星');
    await expect(rungRows(page).nth(2).locator('th')).toHaveText('超级明星');
    await typeIn(page, '#koc-r0share', '50');
    await expect(page.locator('#koc-ladder-sum')).toHaveText('各级占比合计 90%，应为 100%：请调整占比。');
    await expect(koc(page).locator('.calc-fix')).toBeVisible();
    await typeIn(page, '#koc-r1reward', '1.5千块');
    await expect(page.locator('#koc-r1reward-err')).toContainText('无法识别为数字');
    await typeIn(page, '#koc-r1reward', '150');
    await koc(page).getByRole('button', { name: '添加一级' }).click();
    await expect(page.locator('#koc-r3name')).toHaveValue('新级别 4');
    await typeIn(page, '#koc-r3share', '10');
    await typeIn(page, '#koc-r3reward', '80');
    await expect(page.locator('#koc-ladder-sum')).toHaveText('各级占比合计 100%。');
    await expect(rungRows(page)).toHaveCount(4);
    // Remove 核心 (30%): 50 + 10 + 10 = 70% until the new rung takes 40%.
    await koc(page).getByRole('button', { name: '删除第 2 级（核心）' }).click();
    await expect(page.locator('#koc-ladder-sum')).toHaveText('各级占比合计 70%，应为 100%：请调整占比。');
    await typeIn(page, '#koc-r2share', '40');
    // 60 KOCs at 50 / 10 / 40 → 30 / 6 / 24: 1,500 + 2,900 + 1,920 + recruitment 600 = 6,920.
    await expect(rungRows(page).locator('td:nth-child(3)')).toHaveText(['30', '6', '24']);
    await expect(stat(page, '每月计划费用')).toHaveText('¥6,920');
    await expect(page.locator('main')).not.toContainText(BROKEN);

    await koc(page).getByRole('button', { name: '复制链接' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await open(other, link);
    await expect(rungRows(other).locator('th')).toHaveText(['新晋', '超级明星', '新级别 4']);
    await expect(stat(other, '每月计划费用')).toHaveText('¥6,920');
    await other.reload();
    await koc(other).scrollIntoViewIfNeeded();
    await expect(stat(other, '每月计划费用')).toHaveText('¥6,920');
    // A damaged ladder in a link: the default ladder is shown with a notice, nothing crashes.
    await open(other, '/calculators/koc/?ladder=%5B%5B%22x%22');
    await expect(koc(other).getByText('无法读取')).toBeVisible();
    await expect(rungRows(other)).toHaveCount(3);
    await fresh.close();
  });

  test('English: the share error and a bad cell in the page’s language; axe clean in both schemes; a 360 px phone', async ({ page }) => {
    await open(page, '/en/calculators/koc/');
    await expect(rungRows(page).locator('th')).toHaveText(['Newcomer', 'Core', 'Star']);
    await expect(stat(page, 'Programme cost per month')).toHaveText('CN¥8,450');
    await typeIn(page, '#koc-r0share', '70');
    await expect(page.locator('#koc-ladder-sum')).toHaveText('The shares add up to 110%; they must add up to 100%. Adjust the shares.');
    await typeIn(page, '#koc-r0name', '');
    await expect(page.locator('#koc-r0name-err')).toHaveText('This field is required');
    await typeIn(page, '#koc-kocs', '60.5');
    await expect(page.locator('#koc-kocs-err')).toHaveText('Enter a whole number');
    await expect(page.locator('main')).not.toContainText(BROKEN);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((s) => document.documentElement.setAttribute('data-theme', s), scheme);
      expect(await axeViolations(page, '[data-calc="koc"]'), scheme).toEqual([]);
    }
    await page.setViewportSize({ width: 360, height: 800 });
    await open(page, '/calculators/koc/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page, '[data-calc="koc"]')).toEqual([]);
  });

  test('CSV with the inputs and every rung, JSON, and the printed page', async ({ page }) => {
    await open(page);
    await typeIn(page, '#koc-r1gift', '1.2千');
    // 核心: 18 × (150 + 100) = 4,500 instead of 3,150 → 9,800 a month.
    await expect(stat(page, '每月计划费用')).toHaveText('¥9,800');
    const csv = await download(page, '导出 CSV');
    const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const row = (item: string) => rows.find((r) => r[1] === item)?.slice(0, 4);
    expect(rows[0]).toEqual(['部分', '项目', '数值', '单位']);
    expect(row('KOC 人数')).toEqual(['输入', 'KOC 人数', '60', '人']);
    expect(row('第 2 级 · 每人每年礼品')).toEqual(['输入', '第 2 级 · 每人每年礼品', '1200', '元/年']);
    expect(row('第 3 级 · 占比')).toEqual(['输入', '第 3 级 · 占比', '10', '%']);
    expect(row('核心 · 人数')?.[2]).toBe('18');
    expect(row('核心 · 每月费用')?.[2]).toBe('4500');
    expect(row('每月计划费用')?.[2]).toBe('9800');
    expect(rows.findIndex((r) => r[0] === '输入')).toBeLessThan(rows.findIndex((r) => r[0] === '结果'));
    expect(rows.flat().join(' ')).not.toMatch(BROKEN);
    const json = JSON.parse((await download(page, '导出 JSON')).text);
    expect(json.calculator).toBe('koc');
    expect(JSON.parse(json.inputs.ladder)[1]).toEqual(['核心', '30', '150', '1.2千']);
    expect(json.results.find((r: { item: string }) => r.item === '每月计划费用').value).toBe(9800);

    await page.emulateMedia({ media: 'print' });
    const { text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    const flat = text.normalize('NFKC');
    expect(flat).toContain('KOC 激励计划');
    expect(flat).toContain('¥9,800');
    expect(flat).toContain('¥4,500');
    expect(flat).toContain('最大余数法');
    // The editing buttons stay off paper.
    expect(flat).not.toContain('添加一级');
  });
});
