import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hydrated } from './helpers';

async function open(page: Page, path = '/calculators/plan/') {
  await page.goto(path);
  await page.locator('.plan').scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator('.plan-results .calc-stats')).toBeVisible();
}
const stat = (page: Page, label: string) => page.locator('.plan-results .calc-stat', { has: page.locator('dt', { hasText: label }) }).locator('.calc-stat-value');

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  return { pages: doc.numPages, text };
}

test('a plan built through the form round-trips through JSON export and import', async ({ page }) => {
  await open(page);
  await page.getByLabel('社群名称').fill('茶饮会员社群');
  await page.getByLabel('当前成员数').fill('3000');
  await page.locator('#plan-phases-1-churn').fill('6');
  await page.getByRole('button', { name: '添加阶段' }).click();
  await page.locator('#plan-phases-3-name').fill('长期维护');
  await page.locator('#plan-phases-3-months').fill('6');
  await expect(page.locator('.plan-doc')).toContainText('茶饮会员社群');
  const before = await page.locator('.plan-results').innerText();
  const members = await stat(page, '期末成员数').innerText();

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON' }).click()]);
  const json = readFileSync((await file.path())!, 'utf8');
  expect(JSON.parse(json)).toMatchObject({ kind: 'community-plan', version: 1 });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.plan').scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(stat(page, '期末成员数')).not.toHaveText(members);

  const path = join(tmpdir(), `plan-${Date.now()}.json`);
  writeFileSync(path, json);
  await page.locator('.plan input[type=file]').setInputFiles(path);
  await expect(page.locator('.calc-notice')).toContainText('已导入方案');
  await expect(stat(page, '期末成员数')).toHaveText(members);
  expect(await page.locator('.plan-results').innerText()).toBe(before);
});

test('an invalid or newer file is refused with its problems and leaves the plan as it was', async ({ page }) => {
  await open(page);
  await page.getByLabel('当前成员数').fill('2500');
  const before = await page.locator('.plan-results').innerText();
  for (const [content, problem] of [
    ['{"kind":"community-plan","version":9,"plan":{}}', 'version: 9 is newer'],
    ['{"kind":"community-plan","version":1,"plan":{"basics":{}}}', 'plan.basics.name'],
    ['not json at all', 'not JSON'],
  ]) {
    const path = join(tmpdir(), `bad-${Date.now()}.json`);
    writeFileSync(path, content!);
    await page.locator('.plan input[type=file]').setInputFiles(path);
    await expect(page.locator('.calc-notice')).toContainText('无法导入这个文件，当前方案没有改动');
    await expect(page.locator('.plan-problems')).toContainText(problem!);
    expect(await page.locator('.plan-results').innerText()).toBe(before);
    await expect(page.getByLabel('当前成员数')).toHaveValue('2500');
  }
});

test('bad input marks the field and the plan waits for a fix; checks link to the handbook', async ({ page }) => {
  await open(page);
  await expect(page.locator('.plan-check--bad a').first()).toHaveAttribute('href', /^\/handbook\//);
  await page.locator('#plan-phases-0-churn').fill('0');
  await expect(page.locator('#plan-phases-0-churn')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.plan-results .calc-fix')).toBeVisible();
  await page.locator('#plan-phases-0-months').fill('abc');
  await expect(page.locator('#plan-phases-0-months-err')).toContainText('无法识别为数字');
  expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity|undefined/);
});

test('scenarios and the tornado draw', async ({ page }) => {
  await open(page, '/en/calculators/plan/');
  await expect(page.locator('table.plan-scenarios thead')).toContainText('Cautious');
  const canvases = page.locator('.plan-results canvas');
  await expect(canvases).toHaveCount(3);
  await page.waitForFunction(() => [...document.querySelectorAll('.plan-results canvas')].every((c) => (c as HTMLCanvasElement).width > 0));
  // The tornado's data table lists all seven drivers.
  await expect(page.locator('.calc-chart-table').nth(2).locator('tbody tr')).toHaveCount(7);
});

test('the print view is a PDF of at least 3 pages with the plan’s key numbers', async ({ page }) => {
  await open(page);
  await page.getByLabel('社群名称').fill('PDF 测试社群');
  const members = await stat(page, '期末成员数').innerText();
  const annual = await stat(page, '年化总成本').innerText();
  await page.emulateMedia({ media: 'print' });
  const { pages, text } = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pages).toBeGreaterThanOrEqual(3);
  // CJK glyphs can come back as compatibility ideographs (⽅ for 方): NFKC folds them.
  const flat = text.normalize('NFKC').replace(/\s+/g, '');
  expect(flat).toContain(members.replace(/\s+/g, ''));
  expect(flat).toContain(annual.replace(/\s+/g, ''));
  expect(flat).toContain('社群运营方案');
});
