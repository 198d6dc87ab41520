import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { hydrated, download, BROKEN, openCalculator as open, calcStat as stat } from './helpers';



async function expectClean(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(BROKEN);
}


test.describe('budget calculator', () => {
  test('shows the contract example, updates as the planner types, and explains itself', async ({ page }) => {
    await open(page, '/calculators/budget/');
    await expect(stat(page, '每月总预算')).toHaveText('¥105,600');
    await expect(stat(page, '年度总预算')).toHaveText('¥1,267,200');
    await expect(stat(page, '技术（工具）占比')).toHaveText('10.4%');
    const table = page.locator('.calc-chart-table table');
    await expect(table).toContainText('¥60,000');
    await page.getByLabel('公司年营收（可不填）').fill('1000万');
    await expect(stat(page, '年度预算占营收比例')).toHaveText('12.7%');
    await expect(page.locator('.calc-stat--bad')).toContainText('未达标');
    await page.getByLabel('每月人员成本').fill('7万');
    await expect(stat(page, '每月总预算')).toHaveText('¥116,600');
    await expect(table).toContainText('¥70,000');
    await page.getByText('怎样算出来的').click();
    await expect(page.locator('.calc-formula')).toContainText('¥106,000 × 10% = ¥10,600');
    await expect(page.locator('.calc-default').first()).toContainText('来源方案默认值');
    await expectClean(page);
  });

  for (const [text, message] of [
    ['', '请填写此项。'],
    ['abc', '无法识别为数字（可以写成 12000、12,000、1.2万 或 12k）'],
    ['1e999', '无法识别为数字'],
    ['-5', '不能小于 0'],
    ['20%%', '无法识别为数字'],
  ] as const) {
    test(`bad input "${text}" is marked, explained and never shows NaN`, async ({ page }) => {
      await open(page, '/calculators/budget/');
      const input = page.getByLabel('工具与系统费用');
      await input.fill(text);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await input.getAttribute('aria-describedby'))!.split(' ')[0]!;
      await expect(page.locator(`[id="${describedBy}"]`)).toContainText(message === '请填写此项。' ? '请输入一个数' : message);
      await expect(page.locator('.calc-fix')).toBeVisible();
      await expect(page.locator('.calc-stats')).toHaveCount(0);
      await expect(page.getByRole('button', { name: '导出 CSV' })).toBeDisabled();
      await expectClean(page);
    });
  }

  test('percent fields take percents; a contingency over 100% is refused with its bound', async ({ page }) => {
    await open(page, '/calculators/budget/');
    await page.getByLabel('应急预备金比例').fill('１５％');
    await expect(stat(page, '每月总预算')).toHaveText('¥110,400');
    await page.getByLabel('应急预备金比例').fill('150');
    await expect(page.locator('.calc-field--invalid .calc-error')).toBeVisible();
    await expectClean(page);
    // Text that is not a percentage gets percentage examples, not 万/k ones (which a percent field refuses).
    await page.getByLabel('应急预备金比例').fill('1.5万');
    await expect(page.locator('.calc-field--invalid .calc-error')).toHaveText('无法识别为数字（可以写成 15 或 15%）');
  });

  test('the link restores the same calculator in a fresh browser, and reload keeps the work', async ({ page, browser, baseURL }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await open(page, '/calculators/budget/');
    await page.getByLabel('每月人员成本').fill('8万');
    await page.getByLabel('社群阶段').selectOption('mature');
    await page.getByRole('button', { name: '复制链接' }).click();
    await expect(page.locator('.calc-action-status')).toContainText('链接已复制');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('personnel=8%E4%B8%87');

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await open(other, link);
    await expect(other.getByLabel('每月人员成本')).toHaveValue('8万');
    await expect(other.getByLabel('社群阶段')).toHaveValue('mature');
    await expect(stat(other, '每月总预算')).toHaveText('¥127,600');
    await fresh.close();

    await page.goto('/calculators/budget/');
    await hydrated(page);
    await expect(page.getByLabel('每月人员成本')).toHaveValue('8万');
    await page.getByRole('button', { name: '恢复默认值' }).click();
    await expect(page.getByLabel('每月人员成本')).toHaveValue('60000');
    await expect(page.locator('.calc-notice')).toContainText('已恢复为默认值');
  });

  test('corrupt or newer saved state shows a notice, loads defaults and does not crash', async ({ page }) => {
    for (const saved of ['{not json', JSON.stringify({ v: 9, fields: { personnel: '1' } }), JSON.stringify({ v: 1, fields: { personnel: { evil: true } } })]) {
      await page.addInitScript((value) => localStorage.setItem('playbook:calc:budget', value), saved);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await open(page, '/calculators/budget/');
      await expect(page.locator('.calc-notice')).toContainText('已损坏或来自不兼容的版本');
      await expect(stat(page, '每月总预算')).toHaveText('¥105,600');
      expect(errors).toEqual([]);
      // The damaged entry stays until the planner changes something.
      expect(await page.evaluate(() => localStorage.getItem('playbook:calc:budget'))).toBe(saved);
    }
  });

  test('a tampered link is refused with a notice and cannot inject markup', async ({ page }) => {
    await open(page, '/calculators/budget/?personnel=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&phase=%3Cscript%3E');
    await expect(page.locator('.calc-notice')).toContainText('每月人员成本');
    await expect(page.locator('.calc-notice')).toContainText('社群阶段');
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    await expect(stat(page, '每月总预算')).toHaveText('¥105,600');
  });

  test('CSV (UTF-8 with BOM) and JSON downloads contain the numbers on screen', async ({ page }) => {
    await open(page, '/calculators/budget/');
    const csv = await download(page, '导出 CSV');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.text.slice(1).trim()).data;
    expect(rows[0]).toEqual(['部分', '项目', '数值', '单位']);
    expect(rows).toContainEqual(['结果', '每月总预算', '105600', '元/每月']);
    expect(rows).toContainEqual(['结果', '年度总预算', '1267200', '元/每年']);
    const json = JSON.parse((await download(page, '导出 JSON')).text);
    expect(json.inputs.personnel).toBe('60000');
    expect(json.results).toContainEqual({ section: '结果', item: '每月总预算', value: 105600, unit: '元/每月' });
  });
});

test.describe('staffing calculator', () => {
  test('computes the contract example and hands the monthly cost to the budget', async ({ page }) => {
    await open(page, '/calculators/staffing/');
    await expect(stat(page, '需要的运营专员')).toHaveText('4');
    await expect(stat(page, '需要的群数')).toHaveText('40');
    await expect(stat(page, 'KOC 目标人数')).toHaveText('250–400');
    await expect(stat(page, '团队总人数')).toHaveText('7');
    await expect(stat(page, '年度人员成本')).toHaveText('¥1,664,000');
    await expect(stat(page, '每月人员成本')).toHaveText('¥138,666.67');
    await page.getByLabel('社群成员数').fill('3万');
    await expect(stat(page, '需要的运营专员')).toHaveText('6');
    await expect(page.locator('.calc-chart-table')).toContainText('运营专员');
    await page.getByLabel('KOC 占活跃成员比例（下限）').fill('9');
    await expect(page.locator('.calc-error')).toContainText('下限不能高于上限');
    await page.getByLabel('KOC 占活跃成员比例（下限）').fill('5');
    await page.getByRole('link', { name: /把每月人员成本和成员数带到预算计算器/ }).click();
    await page.waitForURL(/\/calculators\/budget\//);
    await hydrated(page);
    await expect(page.getByLabel('每月人员成本')).toHaveValue('171166.67');
    await expect(page.getByLabel('服务的社群成员数')).toHaveValue('30000');
    await expectClean(page);
  });
});

test.describe('LTV/CAC calculator', () => {
  test('shows the contract example, its verdict and payback, and compares two segments', async ({ page }) => {
    await open(page, '/calculators/ltv-cac/');
    await expect(stat(page, '客户生命周期价值（LTV）')).toHaveText('¥1,200');
    await expect(stat(page, 'LTV/CAC')).toHaveText('3');
    await expect(page.locator('.calc-stat--ok')).toContainText('健康');
    await expect(stat(page, '计入流失的回本周期')).toHaveText('8个月');
    await page.getByLabel('年折现率').fill('10');
    await page.getByLabel('计算期（留空表示不设上限）').fill('36');
    await expect(stat(page, '客户生命周期价值（LTV）')).toHaveText('¥912.26');
    await expect(stat(page, '计入流失的回本周期')).toHaveText('9个月');
    await expect(page.locator('.calc-stat--warn')).toContainText('勉强');
    await page.getByLabel('对比第二个客群').selectOption('on');
    await expect(page.locator('table.calc-compare')).toContainText('客群 B');
    await page.getByLabel('获客成本的填法').selectOption('spend');
    await page.getByLabel('带来的新客户数').fill('0');
    await expect(page.locator('.calc-error')).toContainText('请输入大于 0 的数');
    await expectClean(page);
  });

  test('the site-map example link opens with its values, in English too', async ({ page }) => {
    await open(page, '/en/calculators/ltv-cac/?arpu=80&margin=50');
    await expect(page.getByLabel('Revenue per customer per month (ARPU)')).toHaveValue('80');
    await expect(stat(page, 'Customer lifetime value (LTV)')).toHaveText('CN¥800');
    await expect(page.locator('.calc-stat--warn')).toContainText('Marginal');
    await page.getByLabel('Revenue per customer per month (ARPU)').fill('eighty');
    await expect(page.locator('.calc-field--invalid .calc-error')).toHaveText('This is not a number (try 12000, 12,000 or 12k)');
    await expectClean(page);
  });
});

test.describe('retention calculator', () => {
  test('projects, solves for the target, checks stickiness and fits a cohort curve', async ({ page }) => {
    await open(page, '/calculators/retention/');
    await expect(stat(page, '达到目标所需的每月新增')).toHaveText('485');
    await expect(stat(page, '长期稳态规模')).toHaveText('10,000');
    await page.getByLabel('月活跃成员（MAU）').fill('300');
    await expect(page.locator('.calc-error')).toContainText('日活不能超过月活');
    await page.getByLabel('月活跃成员（MAU）').fill('2000');
    await expect(stat(page, '粘性（DAU/MAU）')).toHaveText('0.2');
    await expect(page.locator('.calc-stat--bad')).toContainText('未达标');
    await page.getByRole('tab', { name: '同期群留存曲线' }).click();
    await expect(stat(page, 'α')).toHaveText('0.704');
    await expect(stat(page, 'β')).toHaveText('1.182');
    await page.getByLabel(/观察到的留存率/).fill('100, 80, 90');
    await expect(page.locator('.calc-error')).toContainText('留存率不能比上一期高');
    await page.getByLabel(/观察到的留存率/).fill('1\n0.869\n0.743\n0.653\n0.593\n0.551\n0.517\n0.491');
    await expect(stat(page, 'α')).toHaveText('0.668');
    await expect(stat(page, 'β')).toHaveText('3.806');
    await expectClean(page);
  });

  test('tabs work from the keyboard', async ({ page }) => {
    await open(page, '/calculators/retention/');
    await page.getByRole('tab', { name: '成员规模' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: '同期群留存曲线' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: '同期群留存曲线' })).toBeFocused();
  });
});

test.describe('timeline calculator', () => {
  test('lays out a preset, edits phases and downloads a calendar that parses', async ({ page }) => {
    await open(page, '/calculators/timeline/');
    await page.getByLabel('开始日期').fill('2026-03-01');
    await page.getByLabel('方案模板').selectOption('launch-growth-mature');
    const rows = page.locator('.calc-results > .calc-table-wrap tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText('2026-03-01');
    await expect(rows.nth(0)).toContainText('2026-05-31');
    await expect(rows.nth(2)).toContainText('2027-02-28');
    await page.getByRole('button', { name: '删除' }).last().click();
    await expect(rows).toHaveCount(3);
    await page.getByRole('button', { name: '添加阶段' }).click();
    await expect(rows).toHaveCount(4);
    await page.getByLabel('阶段名称').last().fill('复盘期');
    await page.getByLabel('时长（月）').last().fill('61');
    await expect(page.locator('.calc-phases .calc-error')).toContainText('最多 60');
    await page.getByLabel('时长（月）').last().fill('2');
    await page.getByRole('button', { name: '上移: 复盘期' }).click();
    await expect(rows.nth(2)).toContainText('复盘期');
    await expect(page.getByLabel('方案模板')).toHaveValue('custom');
    const ics = await download(page, '下载日历（.ics）');
    expect(ics.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(ics.text));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['启动期', '成长期', '复盘期', '成熟期'].map((n) => `社群运营阶段 · ${n}`));
    expect(events[0]!.startDate.toString()).toBe('2026-03-01');
    expect(events[3]!.endDate.toString()).toBe('2027-05-01');
    await expectClean(page);
  });

  test('refuses a 13th phase', async ({ page }) => {
    await open(page, '/en/calculators/timeline/');
    const add = page.getByRole('button', { name: 'Add phase' });
    while (await add.isEnabled()) await add.click();
    await expect(page.locator('.calc-phase')).toHaveCount(12);
    await expect(page.locator('.calc-phases')).toContainText('At most 12 phases.');
  });
});
