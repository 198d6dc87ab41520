import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { pdfText, retype as type, download, axeViolations, BROKEN, openCalculator as open, calcStat as stat } from './helpers';

/** The verdict may say a difference is unlikely to be chance; it never claims proof. */
const PROOF = /证明|证实|proven|proves|prove\b|proof/i;


test.describe('community experiment', () => {
  // Typing key by key on a shared 2-core machine: allow more than the default minute.
  test.describe.configure({ timeout: 240_000 });
  test('plans the contract example and follows typing key by key', async ({ page }) => {
    await open(page, '/calculators/experiment/');
    await expect(stat(page, '每组所需人数')).toHaveText('5,447');
    await expect(page.locator('.calc-stat', { hasText: '每组所需人数' })).toContainText('n = 1,093.74');
    await expect(stat(page, '设计效应')).toHaveText('4.98');
    await expect(stat(page, '每组所需群数')).toHaveText('28');
    await expect(stat(page, '两组合计所需人数')).toHaveText('10,894');
    await expect(stat(page, '实际入组人数（整群计）')).toHaveText('11,200');
    await expect(stat(page, '入组需要')).toHaveText('18.7个月');
    // ICC 0.05: design effect 1 + 199 × 0.05 = 10.95; groups ⌈1,093.74 × 10.95 ÷ 200⌉ = 60.
    await type(page, '群内相关系数 ICC（ρ）（0–1 的小数）', '0.05');
    await expect(stat(page, '设计效应')).toHaveText('10.95');
    await expect(stat(page, '每组所需群数')).toHaveText('60');
    await page.getByLabel('随机分配的单位').selectOption('member');
    await expect(stat(page, '每组所需人数')).toHaveText('1,094');
    await expect(stat(page, '两组合计所需人数')).toHaveText('2,188');
    await expect(page.locator('.calc-stat', { hasText: '设计效应' })).toHaveCount(0);
    await page.getByText('怎样算出来的').first().click();
    await expect(page.locator('.calc-formula').first()).toContainText('z₁₋α/₂ = 1.96');
    await expect(page.locator('main')).not.toContainText(BROKEN);
  });

  test('analyses the contract example: significant with members, not with whole groups, never "proven"', async ({ page }) => {
    await open(page, '/calculators/experiment/');
    // Defaults: the group design effect 4.98 applies → p 0.2931, not significant.
    await expect(stat(page, 'p 值（双侧）')).toHaveText('0.2931');
    await expect(stat(page, /置信区间/)).toHaveText('-3.44% – 11.4%');
    await expect(page.locator('.calc-verdict')).toContainText('可能只是偶然');
    await expect(page.locator('.calc-verdict')).toContainText('不说明改动没有效果');
    await page.getByLabel('随机分配的单位').selectOption('member');
    await expect(stat(page, 'p 值（双侧）')).toHaveText('0.019');
    await expect(stat(page, '差异（实验 − 对照）')).toHaveText('3.98%');
    await expect(stat(page, /置信区间/)).toHaveText('0.66% – 7.31%');
    await expect(page.locator('.calc-verdict')).toContainText('不太像是纯属偶然');
    await expect(page.locator('.calc-verdict')).not.toContainText(PROOF);
    // A lower treatment rate says the change may do harm.
    await type(page, '实验组中达成的人数', '180');
    await expect(page.locator('.calc-verdict')).toContainText('可能有害');
    await expect(page.locator('.calc-verdict')).not.toContainText(PROOF);
    // Arms smaller than the plan (1,094 each with members randomised) get the power warning.
    await expect(page.getByText('至少有一组少于计划所需')).toHaveCount(0);
    await type(page, '对照组人数', '900');
    await expect(page.getByText('至少有一组少于计划所需的 1,094 人')).toBeVisible();
  });

  test('English page: same numbers, English verdict without proof words', async ({ page }) => {
    await open(page, '/en/calculators/experiment/');
    await expect(stat(page, 'Groups per arm')).toHaveText('28');
    await page.getByLabel('What is randomised').selectOption('member');
    await expect(stat(page, 'p-value (two-sided)')).toHaveText('0.019');
    await expect(page.locator('.calc-verdict')).toContainText('unlikely to be chance alone');
    await expect(page.locator('.calc-verdict')).not.toContainText(PROOF);
    await type(page, 'Members in control', 'abc');
    await expect(page.locator('#experiment-cn-err')).toHaveText('This is not a number (try 12000, 12,000 or 12k)');
  });

  test('bad input is named in the page language; one broken section does not blank the others', async ({ page }) => {
    await open(page, '/calculators/experiment/');
    // 20% + 90 points ≥ 100%.
    await type(page, '想检测到的最小提升（个百分点）', '90');
    await expect(page.locator('#experiment-lift-err')).toHaveText('数值太大（最多 80%）');
    await expect(page.getByLabel('想检测到的最小提升（个百分点）')).toHaveAttribute('aria-invalid', 'true');
    // The analysis still works.
    await expect(stat(page, 'p 值（双侧）')).toHaveText('0.2931');
    await type(page, '想检测到的最小提升（个百分点）', '5');
    await type(page, '对照组中达成的人数', '1300');
    await expect(page.locator('#experiment-cx-err')).toHaveText('数值太大（最多 1,200）');
    await type(page, '显著性水平 α（双侧）（%）', '60');
    await expect(page.locator('#experiment-alpha-err')).toHaveText('数值太大（最多 50%）');
    await type(page, '显著性水平 α（双侧）（%）', '5');
    await type(page, '群内相关系数 ICC（ρ）（0–1 的小数）', '1');
    await expect(page.locator('#experiment-icc-err')).toContainText('0% 到 100%');
    await type(page, '群内相关系数 ICC（ρ）（0–1 的小数）', '0.02');
    // Group names: one name is not enough; a duplicate is named.
    const names = page.getByLabel('参加实验的群名（每行一个）');
    await names.fill('');
    await names.pressSequentially('A群');
    await expect(page.locator('#experiment-groups-hint')).toHaveText('请至少填两个群名，每行一个。');
    await names.press('Enter');
    await names.pressSequentially('A群');
    await expect(page.locator('#experiment-groups-hint')).toHaveText('群名“A群”重复了，每个群只写一次。');
    await expect(names).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('main')).not.toContainText(BROKEN);
  });

  test('random assignment: seeded, shown, reproducible by link in a fresh browser', async ({ page, browser, baseURL }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await open(page, '/calculators/experiment/');
    const names = page.getByLabel('参加实验的群名（每行一个）');
    await names.fill('');
    await names.pressSequentially('北京1群\n北京2群\n上海1群\n上海2群\n广州1群');
    const table = page.locator('.calc-assignment');
    await expect(table.locator('tbody tr')).toHaveCount(3);
    const before = await table.locator('td').allInnerTexts();
    await expect(page.getByText('用种子 20261201 打乱群名')).toBeVisible();
    // Two in treatment, three in control, every name once.
    const cells = await table.locator('tbody td').allInnerTexts();
    expect(cells.filter(Boolean).sort()).toEqual(['上海1群', '上海2群', '北京1群', '北京2群', '广州1群']);
    await page.getByRole('button', { name: '换一个随机种子' }).click();
    const seed = await page.getByLabel('随机种子').inputValue();
    expect(seed).not.toBe('20261201');
    await expect(page.getByText(`用种子 ${seed} 打乱群名`)).toBeVisible();
    const after = await table.locator('td').allInnerTexts();
    await page.getByLabel('随机分配的单位').selectOption('member');

    await page.getByRole('button', { name: '复制链接' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain(`seed=${seed}`);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await open(other, link);
    await expect(other.getByLabel('随机种子')).toHaveValue(seed);
    await expect(other.getByLabel('随机分配的单位')).toHaveValue('member');
    await expect(other.locator('.calc-assignment td')).toHaveText(after);
    await fresh.close();
    // The default seed gives the default split back: nothing depends on the clock.
    await type(page, '随机种子', '20261201');
    await expect(table.locator('td')).toHaveText(before);
  });

  test('CSV (with inputs) and JSON exports read back; print shows every section', async ({ page }) => {
    await open(page, '/calculators/experiment/');
    await page.getByLabel('随机分配的单位').selectOption('member');
    const csv = await download(page, '导出 CSV');
    expect(csv.name).toMatch(/^社群运营手册-experiment-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['部分', '项目', '数值', '单位']);
    const find = (item: string) => rows.find((r) => r[1] === item);
    expect(find('基线比例（对照组预期）')).toEqual(['输入', '基线比例（对照组预期）', '20', '%']);
    expect(find('随机分配的单位')?.[2]).toBe('member');
    expect(Number(find('每组所需人数')?.[2])).toBeCloseTo(1093.74, 2);
    expect(Number(find('p 值（双侧）')?.[2])).toBeCloseTo(0.019, 4);
    expect(rows.filter((r) => r[0] === '三、随机分组：谁进实验组')).toHaveLength(6);

    const json = JSON.parse((await download(page, '导出 JSON')).text);
    expect(json.calculator).toBe('experiment');
    expect(json.inputs.unit).toBe('member');
    expect(json.inputs.groups).toContain('新人1群');
    expect(json.results.find((r: { item: string }) => r.item === '两组合计所需人数').value).toBe(2188);

    await page.emulateMedia({ media: 'print' });
    const { pages, text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    expect(pages).toBeGreaterThanOrEqual(1);
    // pdf.js gives some Han characters as their Kangxi-radical twins (⼀ for 一): NFKC folds them back.
    const flat = text.normalize('NFKC').replace(/\s+/g, '');
    for (const s of ['一、规划', '二、分析', '三、随机分组', '2,188', '0.019', '新人1群']) expect(flat).toContain(s.replace(/\s+/g, ''));
    expect(flat).toContain('n=(z');
  });

  test('axe clean in light and dark, fits a 360 px phone', async ({ page }) => {
    for (const path of ['/calculators/experiment/', '/en/calculators/experiment/']) {
      await open(page, path);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        const violations = await axeViolations(page);
        expect(violations.map((v) => `${path} ${scheme} ${v}`)).toEqual([]);
      }
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, '/calculators/experiment/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
