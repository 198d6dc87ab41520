import { type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { hydrated, pdfText, retype as type, download, axeViolations, BROKEN, openCalculator as open, calcStat as stat } from './helpers';

/** The verdict may say a difference is unlikely to be chance; it never claims proof. */
const PROOF = /证明|证实|proven|proves|prove\b|proof/i;


test.describe('workload and rota', () => {
  test.describe.configure({ timeout: 240_000 });
  const work = (page: Page) => page.locator('[data-calc="workload"]');
  const wstat = (page: Page, label: string) => work(page).locator('.calc-stat', { has: page.locator('dt', { hasText: label }) }).locator('.calc-stat-value');
  const openWork = async (page: Page, path = '/calculators/workload/') => {
    await page.goto(path);
    await page.locator('[data-calc="workload"]').scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(work(page).locator('.calc-stats')).toBeVisible();
  };
  const typeIn = async (page: Page, label: string, text: string) => {
    const input = work(page).getByLabel(label);
    await input.click();
    await input.press('ControlOrMeta+a');
    await input.press('Backspace');
    await input.pressSequentially(text);
  };

  test('both rules side by side; the larger is recommended with the reason', async ({ page }) => {
    await openWork(page);
    // Defaults: 20,000 ÷ 5,000 = 4 by ratio; tasks 64.76 h → 2.16 → 3; answering 91 h → 2.28 → 3.
    await expect(wstat(page, '按成员比例')).toHaveText('4');
    await expect(wstat(page, '按任务工时')).toHaveText('3');
    await expect(wstat(page, '按值守时间')).toHaveText('3');
    await expect(wstat(page, '每周任务工时')).toHaveText('64.8');
    await expect(wstat(page, '每周值守工时')).toHaveText('91');
    await expect(wstat(page, '建议运营人数')).toHaveText('4');
    await expect(work(page).locator('.calc-verdict')).toContainText('成员比例给出的人数最多');
    await typeIn(page, '每名运营负责的成员数', '10000');
    await expect(wstat(page, '建议运营人数')).toHaveText('3');
    await expect(work(page).locator('.calc-verdict')).toContainText('值守时间决定人数');
    await typeIn(page, '运营的群数', '100');
    await expect(wstat(page, '按任务工时')).toHaveText('10');
    await expect(work(page).locator('.calc-verdict')).toContainText('任务工时决定人数');
    await expect(page.locator('main')).not.toContainText(BROKEN);
  });

  test('the rota covers every hour with enough people and lists the gaps when there are too few', async ({ page }) => {
    await openWork(page);
    const table = work(page).locator('.calc-rota-table');
    await expect(table.locator('thead th')).toHaveText(['班次', '周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    await expect(table).toContainText('09:00–15:30');
    await expect(table).toContainText('15:30 交接');
    await expect(work(page).getByText('每个值守时段都有 1 人在岗。')).toBeVisible();
    // Nobody over their weekly hours (40) or more than 5 days.
    const perOp = work(page).locator('.calc-rota table').last().locator('tbody tr');
    await expect(perOp).toHaveCount(4);
    for (const r of await perOp.all()) {
      const [hours, days] = await r.locator('td').allInnerTexts();
      expect(Number(hours)).toBeLessThanOrEqual(40);
      expect(Number(days)).toBeLessThanOrEqual(5);
      expect(Number(days)).toBeGreaterThan(0);
    }
    await typeIn(page, '排班人数（留空 = 建议人数）', '1');
    await expect(work(page).locator('.calc-rota-gaps li')).toContainText(['周一 15:30–22:00 缺 1 人']);
    await expect(work(page).locator('.calc-rota-gaps')).toContainText('周日 09:00–22:00 缺 1 人');
    await expect(work(page).getByText('每周共缺 58.5 人·小时。')).toBeVisible();
    await expect(work(page).getByText('至少需要 3 人')).toBeVisible();
  });

  test('bad input is named; the link restores the rota in a fresh browser', async ({ page, browser, baseURL }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await openWork(page);
    await typeIn(page, '每天结束值守', '8');
    await expect(page.locator('#workload-end-err')).toHaveText('结束时间要晚于开始时间');
    await expect(work(page).locator('.calc-fix').first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText(BROKEN);
    await typeIn(page, '每天结束值守', '22');
    await typeIn(page, '每周值守天数', '8');
    await expect(page.locator('#workload-days-err')).toHaveText('数值太大（最多 7）');
    await typeIn(page, '每周值守天数', 'abc');
    await expect(page.locator('#workload-days-err')).not.toHaveText('');
    await typeIn(page, '每周值守天数', '6');
    await work(page).getByLabel('运营姓名（每行一个，可不填）').pressSequentially('小王\n小李');
    await work(page).getByRole('button', { name: '复制链接' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await openWork(other, link);
    // Six answering days: the shift column plus Monday to Saturday, no Sunday.
    await expect(other.locator('.calc-rota-table thead th')).toHaveCount(7);
    await expect(other.locator('.calc-rota-table thead')).not.toContainText('周日');
    // A reload keeps what the link brought.
    await other.reload();
    await other.locator('[data-calc="workload"]').scrollIntoViewIfNeeded();
    await expect(other.locator('.calc-rota-table thead th')).toHaveCount(7);
    await expect(other.locator('.calc-rota-table')).toContainText('小王');
    await expect(other.locator('.calc-rota-table')).toContainText('小李');
    await fresh.close();
  });

  test('bad input is named in English too', async ({ page }) => {
    await openWork(page, '/en/calculators/workload/');
    await typeIn(page, 'Answering ends at', '8');
    await expect(page.locator('#workload-end-err')).toHaveText('The end must be later than the start');
    await typeIn(page, 'Answering ends at', '22');
    await expect(page.locator('#workload-end-err')).toHaveCount(0);
    await typeIn(page, 'Days covered per week', '8');
    await expect(page.locator('#workload-days-err')).toContainText('too large');
    await expect(page.locator('main')).not.toContainText(BROKEN);
  });

  test('the CSV carries the inputs and both rules', async ({ page }) => {
    await openWork(page);
    await typeIn(page, '运营的群数', '100');
    const [file] = await Promise.all([page.waitForEvent('download'), work(page).getByRole('button', { name: '导出 CSV', exact: true }).click()]);
    const rows = Papa.parse<string[]>(readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const row = (label: string) => rows.find((r) => r[1] === label);
    expect(row('运营的群数')?.slice(0, 3)).toEqual(['输入', '运营的群数', '100']);
    expect(row('每天结束值守')?.[2]).toBe('22');
    expect(row('按成员比例')?.[2]).toBe('4');
    expect(row('按任务工时')?.[2]).toBe('10');
    expect(row('建议运营人数')?.[2]).toBe('10');
    expect(rows.flat().join(' ')).not.toMatch(BROKEN);
  });

  test('rota CSV and .ics read back; the print shows the rota', async ({ page }) => {
    await openWork(page);
    await work(page).getByLabel('运营姓名（每行一个，可不填）').pressSequentially('小王\n小李');
    const csv = await download(page, '导出排班 CSV');
    const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['星期', '开始', '结束', '在岗', '缺人数']);
    expect(rows).toHaveLength(15);
    expect(rows.slice(1).every((r) => r[4] === '0' && r[3] !== '')).toBe(true);
    expect(rows.some((r) => r[3]?.includes('小王'))).toBe(true);
    expect(rows.some((r) => r[3]?.includes('运营 4'))).toBe(true);

    const ics = await download(page, '导出日历（.ics）');
    expect(ics.name).toMatch(/\.ics$/);
    const cal = new ICAL.Component(ICAL.parse(ics.text));
    const events = cal.getAllSubcomponents('vevent');
    // Expanding each weekly series over one week gives back the 14 shifts.
    let occurrences = 0;
    for (const e of events) {
      const ev = new ICAL.Event(e);
      const it = ev.iterator();
      for (let next = it.next(); next && next.compare(ICAL.Time.fromDateString('2027-01-11')) < 0; next = it.next()) occurrences++;
    }
    expect(occurrences).toBe(14);
    expect(events.map((e) => String(e.getFirstPropertyValue('summary'))).some((s) => s.includes('小王'))).toBe(true);

    await page.emulateMedia({ media: 'print' });
    const { text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    // pdf.js gives some Han characters as their Kangxi-radical twins (⼀ for 一): NFKC folds them back.
    const flat = text.normalize('NFKC').replace(/\s+/g, '');
    for (const s of ['7天排班', '09:00–15:30', '小王', '建议运营人数']) expect(flat).toContain(s.replace(/\s+/g, ''));
  });

  test('axe clean in light and dark (English too), fits a 360 px phone', async ({ page }) => {
    for (const path of ['/calculators/workload/', '/en/calculators/workload/']) {
      await openWork(page, path);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        const violations = await axeViolations(page);
        expect(violations.map((v) => `${path} ${scheme} ${v}`)).toEqual([]);
      }
    }
    await expect(work(page).locator('.calc-verdict')).toContainText('member ratio asks for the most');
    await page.setViewportSize({ width: 360, height: 740 });
    await openWork(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
