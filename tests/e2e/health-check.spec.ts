import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/node';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { hydrated, axeViolations } from './helpers';
import { serve } from '../serve.mjs';

const PAGE = '/calculators/health-check/';
const BROKEN = /NaN|Infinity|undefined|\[object /;

/**
 * A small export with Chinese member names, written by hand so the expected figures can be checked:
 * 张三 joins in January and stays, 李四 joins in January and leaves after February, 王五 joins in February,
 * "=1+2" (a name Excel would run as a formula) joins in March. Latest date 2026-03-31.
 */
const ROWS = [
  ['日期', '成员', '群'],
  ['2026-01-05', '张三', '一群'],
  ['2026-01-06', '李四', '一群'],
  ['2026-02-02', '张三', '一群'],
  ['2026-02-10', '李四', '一群'],
  ['2026-02-11', '王五', '二群'],
  ['2026-03-01', '王五', '二群'],
  ['2026-03-20', '张三', '一群'],
  ['2026-03-27', '=1+2', '二群'],
  ['2026-03-31', '张三', '一群'],
];
const csvText = (rows: string[][]) => `${rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

async function openPage(page: Page, path = PAGE) {
  await page.goto(path);
  await page.locator('.health').scrollIntoViewIfNeeded();
  await hydrated(page);
}

async function pick(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.locator('.health input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

/** The figures a planner reads, without the file name and timing line. */
async function figures(page: Page) {
  return {
    stats: await page.locator('.health-results .calc-stats').first().innerText(),
    heatmap: await page.getByTestId('health-heatmap').innerText(),
    tiers: await page.getByTestId('health-tiers').innerText(),
    atRisk: await page.getByTestId('health-at-risk').innerText(),
  };
}

async function analyse(page: Page) {
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.locator('.health-results')).toBeVisible({ timeout: 30_000 });
}

test('a UTF-8 file and a GBK file with Chinese names give the same results, and say which encoding was used', async ({ page }) => {
  await openPage(page);
  const text = csvText(ROWS);
  await pick(page, 'utf8.csv', Buffer.from(text, 'utf8'));
  await expect(page.getByTestId('health-encoding')).toContainText('UTF-8');
  // The guesses: member = 成员 (column 2), date = 日期 (column 1), first row is a header.
  await expect(page.getByLabel('成员列')).toHaveValue('1');
  await expect(page.getByLabel('日期列')).toHaveValue('0');
  await expect(page.locator('.health-preview')).toContainText('张三');
  await analyse(page);
  const utf8 = await figures(page);
  expect(utf8.stats).toContain('4'); // members
  expect(Object.values(utf8).join('\n')).not.toMatch(BROKEN);
  // Cohorts: 2026-01 (张三, 李四): month 1 both active, month 2 only 张三; 2026-02 (王五): 100%, 100%.
  expect(utf8.heatmap).toMatch(/2026-01\s+2\s+100%\s+100%\s+50%/);
  expect(utf8.heatmap).toMatch(/2026-02\s+1\s+100%\s+100%/);
  expect(utf8.heatmap).toMatch(/2026-03\s+1\s+100%/);

  await page.getByRole('button', { name: '换一个文件' }).click();
  await pick(page, 'gbk.csv', iconv.encode(text, 'gbk'));
  await expect(page.getByTestId('health-encoding')).toContainText('GBK / GB18030');
  await expect(page.locator('.health-preview')).toContainText('张三');
  await analyse(page);
  expect(await figures(page)).toEqual(utf8);

  // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
  await page.getByRole('button', { name: '换一个文件' }).click();
  const tsv = `\uFEFF${ROWS.map((r) => r.join('\t')).join('\r\n')}\r\n`;
  await pick(page, 'unicode.txt', Buffer.from(tsv, 'utf16le'), 'text/plain');
  await expect(page.getByTestId('health-encoding')).toContainText('UTF-16（小端），带 BOM');
  await expect(page.getByTestId('health-encoding')).toContainText('制表符');
  await analyse(page);
  expect(await figures(page)).toEqual(utf8);

  // The same export as an Excel workbook: real date-time cells (the evening times must not move a day),
  // a blank row, and one row without a member, which is reported by its row number in the sheet.
  await page.getByRole('button', { name: '换一个文件' }).click();
  const [head, ...body] = ROWS;
  const dateCell = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return { value: new Date(Date.UTC(y, m - 1, d, 23, 45)), format: 'yyyy/m/d hh:mm' };
  };
  const workbook = await writeExcelFile([
    head!,
    ...body.slice(0, 4).map(([d, m, g]) => [dateCell(d!), m!, g!]),
    [null, null, null],
    [dateCell('2026-02-12'), null, '二群'],
    ...body.slice(4).map(([d, m, g]) => [dateCell(d!), m!, g!]),
  ]).toBuffer();
  await pick(page, '活动导出.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await expect(page.getByTestId('health-encoding')).toContainText('Excel 工作簿（.xlsx），读取第一个工作表');
  await expect(page.getByLabel('成员列')).toHaveValue('1');
  await expect(page.getByLabel('日期列')).toHaveValue('0');
  await expect(page.locator('.health-preview')).toContainText('2026-01-05 23:45:00');
  // The preview numbers rows as the skipped-rows list does: the blank row 6 is not shown, and row 7 is row 7.
  expect(await page.locator('.health-preview tbody th').allInnerTexts()).toEqual(['1', '2', '3', '4', '5', '7']);
  await analyse(page);
  expect(await figures(page)).toEqual(utf8);
  await expect(page.getByTestId('health-summary')).toContainText('跳过 1 行');
  const bad = page.locator('details.health-bad');
  await bad.locator('summary').click();
  expect(await bad.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)))).toEqual([['7', '缺少成员', '2026-02-12 23:45:00']]);
});

test('bad rows are counted, listed by row number and skipped without stopping the analysis', async ({ page }) => {
  await openPage(page);
  const rows = [...ROWS.slice(0, 4), ['2026-02-30', '李四', '一群'], ['2026-02-10', '', '一群'], ...ROWS.slice(4), ['2099-01-01', '赵六', '一群'], ['下周三', '赵六', '一群']];
  await pick(page, 'bad.csv', Buffer.from(csvText(rows), 'utf8'));
  await analyse(page);
  await expect(page.getByTestId('health-summary')).toContainText('跳过 4 行');
  const bad = page.locator('details.health-bad');
  await bad.locator('summary').click();
  await expect(bad).toContainText('日期无法识别：2 行');
  await expect(bad).toContainText('缺少成员：1 行');
  await expect(bad).toContainText('日期晚于今天：1 行');
  const listed = await bad.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  expect(listed).toEqual([
    ['5', '日期无法识别', '2026-02-30'],
    ['6', '缺少成员', '2026-02-10'],
    ['13', '日期晚于今天', '2099-01-01'],
    ['14', '日期无法识别', '下周三'],
  ]);
  // The good rows still make the same community as the clean file.
  await expect(page.locator('.health-results .calc-stats').first()).toContainText('4');
});

test('an unreadable file gets a clear message and the page stays usable', async ({ page }) => {
  await openPage(page);
  await pick(page, 'members.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // The workbook reader is fetched on first use: on two busy cores that alone can take more than 5 s.
  await expect(page.getByRole('alert')).toContainText('无法读取这个 Excel 工作簿', { timeout: 20_000 });
  await pick(page, 'empty.csv', Buffer.alloc(0));
  await expect(page.getByRole('alert')).toContainText('文件是空的');
  // A chat export is read whole, so one too big to hold is refused from its head and size alone (a sparse
  // file: a Telegram export's first keys, then nothing written). A "member, date" CSV has no such limit.
  const dir = mkdtempSync(join(tmpdir(), 'health-'));
  const huge = join(dir, 'result.json');
  // Its first 64 KB (all the page samples) are messages; the rest of the 251 MB is never read.
  const message = (i: number) => `{"id": ${i}, "type": "message", "date": "2026-03-05T09:00:00", "date_unixtime": "1772672400", "from": "张三", "from_id": "user1", "text": "好"},`;
  writeFileSync(huge, `{\n "name": "社群", "type": "public_supergroup", "id": 1, "messages": [${Array.from({ length: 800 }, (_, i) => message(i)).join('\n')}`);
  truncateSync(huge, 251 * 1024 * 1024);
  await page.locator('.health input[type="file"]').setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('聊天记录导出超过 250 MB');
  rmSync(dir, { recursive: true, force: true });
  await pick(page, 'ok.csv', Buffer.from(csvText(ROWS), 'utf8'));
  await expect(page.getByRole('button', { name: '开始分析' })).toBeVisible();
});

test('the at-risk days field says what is wrong, in the page language, and blocks the analysis until fixed', async ({ page }) => {
  await openPage(page);
  await pick(page, 'ok.csv', Buffer.from(csvText(ROWS), 'utf8'));
  const days = page.getByLabel(/多少天无互动算流失风险/);
  for (const bad of ['0', '2.5', 'abc', '']) {
    await days.fill(bad);
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#health-inactive-err')).not.toBeEmpty();
    await expect(page.getByRole('button', { name: '开始分析' })).toBeDisabled();
  }
  await days.fill('7');
  await expect(page.locator('#health-inactive-err')).toHaveCount(0);
  await analyse(page);
  await expect(page.locator('.health-results')).toContainText('最近 7 天没有互动');
});

test('a file where no row is usable explains why instead of showing empty figures', async ({ page }) => {
  await openPage(page);
  await pick(page, 'nodates.csv', Buffer.from(csvText([['成员', '日期'], ['张三', '不详'], ['李四', '']]), 'utf8'));
  await analyse(page);
  await expect(page.locator('.health-results [role="alert"]')).toContainText('没有一行可用');
  await expect(page.locator('details.health-bad tbody tr')).toHaveCount(2);
  await expect(page.locator('.health-results')).not.toContainText(BROKEN);
});

test('a large Excel workbook opens under the strict CSP: its sheet is unzipped in the page’s own worker', async ({ page }) => {
  test.slow();
  // Served with the _headers a static host sends: only then does the worker script itself carry the
  // Content-Security-Policy (a <meta> policy does not reach workers). 30,000 rows make a sheet of 2.5 MB
  // of XML, the size at which the zip library would otherwise start a blob: worker, which that policy refuses.
  const server = await serve({ port: 0, dir: 'dist' });
  try {
    await openPage(page, `http://127.0.0.1:${(server.address() as AddressInfo).port}${PAGE}`);
    await largeWorkbook(page);
  } finally {
    server.close();
  }
});

async function largeWorkbook(page: Page) {
  const rows: (string | number)[][] = [['成员ID', '日期']];
  for (let i = 0; i < 30_000; i++) rows.push([100_000 + (i % 3_000), `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`]);
  const workbook = await writeExcelFile(rows).toBuffer();
  // While the workbook is read there is a busy bar and a word on why it takes a moment: recorded by an
  // observer, since the reading may be over before a locator looks.
  await page.evaluate(() => {
    const w = window as unknown as { readingSeen: string[] };
    w.readingSeen = [];
    new MutationObserver(() => {
      const p = document.querySelector('.health-open .health-progress-text');
      if (p?.querySelector('progress:not([value])')) w.readingSeen.push(p.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await pick(page, 'large.xlsx', workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // The whole 2.5 MB sheet is unzipped and read before the preview: allow for a busy machine.
  await expect(page.getByTestId('health-encoding')).toContainText('Excel 工作簿', { timeout: 30_000 });
  await expect(page.getByLabel('成员列')).toHaveValue('0');
  expect((await page.evaluate(() => (window as unknown as { readingSeen: string[] }).readingSeen)).join('\n')).toMatch(/正在读取 large\.xlsx……\s*Excel 工作簿要整个读完才能预览/);
  await analyse(page);
  await expect(page.getByTestId('health-summary')).toContainText('读取 30,000 行');
  await expect(page.locator('.health-results .calc-stat').first()).toContainText('3,000');
}

test('a big file streams with rows, MB a second and the time left, and can be cancelled midway; the page stays responsive', async ({ page }) => {
  test.setTimeout(90_000);
  await openPage(page);
  // 3,000,000 rows (≈ 70 MB) written to disk in parts: long enough to cancel mid-way on any machine.
  const dir = mkdtempSync(join(tmpdir(), 'health-big-'));
  const big = join(dir, 'big.csv');
  writeFileSync(big, 'member,date\n');
  for (let part = 0; part < 30; part++) {
    const lines = [];
    for (let i = part * 100_000; i < (part + 1) * 100_000; i++) lines.push(`m${i % 50_000},2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`);
    appendFileSync(big, `${lines.join('\n')}\n`);
  }
  await page.locator('.health input[type="file"]').setInputFiles(big);
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.locator('#health-progress')).toBeVisible();
  // Rows, MB of the whole, rows and MB a second, as the worker reads them.
  await expect(page.getByTestId('health-speed')).toContainText(/已读 [\d,]+ 行（\d+ \/ \d+ MB），每秒 [\d,]+ 行、[\d.]+ MB/);
  await expect(page.getByTestId('health-speed')).not.toContainText(BROKEN);
  // The main thread is free while the worker parses: the page answers a script at once.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('health-status')).toHaveText(/已取消/);
  await expect(page.locator('#health-progress')).toHaveCount(0);
  await page.waitForTimeout(3000);
  await expect(page.locator('.health-results')).toHaveCount(0);
  // And it can start again, to the end this time: every row read, 50,000 members.
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.getByTestId('health-speed')).toContainText(/约剩 \d+ 秒/);
  await expect(page.getByTestId('health-summary')).toContainText('读取 3,000,000 行', { timeout: 60_000 });
  await expect(page.locator('.health-results .calc-stats').first()).toContainText('50,000');
  rmSync(dir, { recursive: true, force: true });
});

test('several CSV files with the same columns are read as one sheet; a file with other columns is named and refused', async ({ page }) => {
  await openPage(page);
  // The hand-made export cut in three parts, each with its header and 80,000 rows of 500 more members (6 MB
  // in all: enough for the page to share the files between two workers); the third part has a bad date.
  const filler = (k: number) => Array.from({ length: 80_000 }, (_, i) => [`2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`, `f${k}_${Math.floor(i / 160)}`, '三群']);
  const parts = [[...ROWS.slice(1, 4), ...filler(1)], [...ROWS.slice(4, 7), ...filler(2)], [...ROWS.slice(7), ['2026-02-30', '李四', '一群'], ...filler(3)]];
  const files = parts.map((rows, i) => ({ name: `导出-${i + 1}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csvText([ROWS[0]!, ...rows]), 'utf8') }));
  await page.locator('.health input[type="file"]').setInputFiles(files);
  await expect(page.getByTestId('health-sheets')).toContainText('共 3 个文件');
  await expect(page.getByTestId('health-sheets')).toContainText('导出-1.csv');
  await analyse(page);
  await expect(page.getByTestId('health-summary')).toContainText('读取 240,010 行，使用 240,009 条互动记录，跳过 1 行');
  await expect(page.locator('.health-results .calc-stats').first()).toContainText('1,504');
  const several = await figures(page);
  // The skipped row is named by its file and its line in that file (the header is line 1).
  await page.getByText('跳过了 1 行').click();
  const skipped = page.locator('.health-results details table tbody tr');
  await expect(skipped).toHaveCount(1);
  expect(await skipped.first().locator('th, td').allInnerTexts()).toEqual(['导出-3.csv', '5', '日期无法识别', '2026-02-30']);
  // The same rows in one file give the same figures.
  await page.getByRole('button', { name: '换一个文件' }).click();
  await pick(page, 'one.csv', Buffer.from(csvText([ROWS[0]!, ...parts.flat()]), 'utf8'));
  await analyse(page);
  expect(await figures(page)).toEqual(several);
  // A part whose header differs is refused by name, and nothing is shown.
  await page.getByRole('button', { name: '换一个文件' }).click();
  await page.locator('.health input[type="file"]').setInputFiles([files[0]!, { name: '别的表.csv', mimeType: 'text/csv', buffer: Buffer.from('时间,用户\n2026-03-01,x\n', 'utf8') }]);
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.getByRole('alert')).toContainText('别的表.csv 的列名和第一个文件不一样');
  await expect(page.locator('.health-results')).toHaveCount(0);
});

test('the at-risk list downloads as an Excel-safe CSV with every member on it', async ({ page }) => {
  await openPage(page);
  await pick(page, 'risk.csv', Buffer.from(csvText(ROWS), 'utf8'));
  await analyse(page);
  // As of 2026-03-31 with 3 quiet days: 王五 (last 03-01) and "=1+2" (last 03-27) are at risk; 张三 was active.
  // Tiers of 4 members are 0 / 1 / 3, and the one active place goes to 张三 (most events in 90 days).
  await expect(page.getByTestId('health-at-risk').locator('tbody tr')).toHaveCount(2);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载待关怀名单（CSV）' }).click()]);
  expect(file.suggestedFilename()).toBe('待关怀名单-2026-03-31.csv');
  const raw = readFileSync((await file.path())!, 'utf8');
  expect(raw.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(raw.slice(1).trim(), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toEqual([
    ['成员', '最后互动日期', '已沉默天数', '分层'],
    ["'=1+2", '2026-03-27', '4', '沉默'],
    ['王五', '2026-03-01', '30', '沉默'],
  ]);
});

test('every member’s tier downloads in ranking order', async ({ page }) => {
  await openPage(page);
  await pick(page, 'tiers.csv', Buffer.from(csvText(ROWS), 'utf8'));
  await analyse(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载全部成员的分层（CSV）' }).click()]);
  expect(file.suggestedFilename()).toBe('成员分层-2026-03-31.csv');
  const raw = readFileSync((await file.path())!, 'utf8');
  expect(Papa.parse<string[]>(raw.slice(1).trim()).data).toEqual([
    ['成员', '分层', '近 90 天互动次数', '最后互动日期'],
    ['张三', '活跃', '4', '2026-03-31'],
    ['李四', '沉默', '2', '2026-02-10'],
    ['王五', '沉默', '2', '2026-03-01'],
    ["'=1+2", '沉默', '1', '2026-03-27'],
  ]);
});

test('the sample data, the sBG fit and the hand-over to the retention and LTV/CAC calculators', async ({ page }) => {
  await openPage(page);
  await page.getByRole('button', { name: '用示例数据试一试' }).click();
  await expect(page.getByTestId('health-encoding')).toContainText('UTF-8，带 BOM');
  await expect(page.getByLabel('成员列')).toHaveValue('1'); // 成员ID, not 昵称
  await expect(page.getByLabel('日期列')).toHaveValue('0');
  await analyse(page);
  await expect(page.getByTestId('health-summary')).toContainText('跳过 3 行');
  await page.getByRole('button', { name: '拟合 sBG 模型' }).click();
  const fit = page.getByTestId('health-fit');
  await expect(fit).toBeVisible();
  await expect(fit).not.toContainText(BROKEN);
  const churn = await fit.locator('.calc-stat', { hasText: '等效月流失率' }).locator('.calc-stat-value').innerText();

  await fit.getByRole('link', { name: '在留存目标计算器中打开这条曲线' }).click();
  await expect(page).toHaveURL(/\/calculators\/retention\/\?.*survival=100/);
  await hydrated(page);
  await expect(page.getByRole('tab', { name: '同期群留存曲线' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel(/观察到的留存率/)).toHaveValue(/^100, \d/);
  await expect(page.locator('.calc-results')).not.toContainText('请先修正');

  await page.goBack();
  await openPage(page, PAGE);
  await page.getByRole('button', { name: '用示例数据试一试' }).click();
  await analyse(page);
  await page.getByRole('button', { name: '拟合 sBG 模型' }).click();
  await page.getByRole('link', { name: '用等效月流失率计算 LTV/CAC' }).click();
  await expect(page).toHaveURL(/\/calculators\/ltv-cac\/\?.*churn=\d/);
  await hydrated(page);
  // The query is applied after hydration: wait for the field to take it rather than reading it once.
  await expect.poll(async () => `${Number(await page.getByLabel(/^月流失率/).inputValue()).toFixed(1)}%`).toBe(churn);
});

test('nothing leaves the browser while analysing, and the results pass axe in both colour schemes', async ({ page, baseURL }) => {
  test.slow();
  await openPage(page, `/en${PAGE}`);
  await pick(page, 'export.csv', Buffer.from(csvText(ROWS), 'utf8'));
  await expect(page.getByRole('button', { name: 'Analyse' })).toBeVisible();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.locator('.health-results')).toBeVisible();
  await page.getByRole('button', { name: 'Fit the sBG model' }).click();
  // March is complete (as of its last day): months 0–2 give a curve of 1, 1, 0.5 to fit.
  await expect(page.getByTestId('health-fit')).toBeVisible();
  expect(requests).toEqual([]);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

  await page.locator('details.health-bad, details.calc-formula').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${scheme} ${v}`)).toEqual([]);
  }
});

test('keyboard only: pick the sample, analyse, and reach the download', async ({ page }) => {
  await openPage(page, `/en${PAGE}`);
  await page.getByRole('button', { name: 'Try it with sample data' }).focus();
  await page.keyboard.press('Enter');
  const analyseButton = page.getByRole('button', { name: 'Analyse' });
  await expect(analyseButton).toBeVisible();
  await analyseButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.health-results')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('health-status')).toContainText('Analysis done: 300 members');
  const download = page.getByRole('button', { name: 'Download the needs-care list (CSV)' });
  await download.focus();
  await expect(download).toBeFocused();
});

test('the sample file is offered as a download in both languages, is the file the sample button reads, and matches its description', async ({ page }) => {
  const sample = readFileSync('public/samples/health-check-sample.csv');
  const rows = Papa.parse<string[]>(sample.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  for (const [path, name, rowText] of [
    [PAGE, /下载示例数据/, '2,967 行'],
    [`/en${PAGE}`, /download the sample data/i, '2,967 rows'],
  ] as const) {
    await page.goto(path);
    const link = page.getByRole('link', { name });
    await expect(link).toHaveAttribute('download', 'health-check-sample.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('health-check-sample.csv');
    const got = readFileSync((await download.path())!);
    expect(got.equals(sample), 'the downloaded file is the committed sample').toBe(true);
    // The page's description of the file holds: the row count it states is the file's own (header excluded).
    expect(rows.length - 1).toBe(2967);
    await expect(page.locator('main')).toContainText(rowText);
    // No repository path is named to the reader.
    await expect(page.locator('main')).not.toContainText(/scripts\/|\.mjs/);
  }
});
