/**
 * Issue #19, the trainer's cohort view: a trainee exports their progress from the onboarding page, the trainer
 * imports several trainees' files on /training/cohort/ and reads the table, the most-missed questions, the
 * CSV and the printout; bad files are refused per file with the table unchanged. Fixtures:
 * tests/fixtures/training/ (three trainees, a later export of one, a cut-off file and a plan file).
 */
import { type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { axeViolations, BROKEN, download, hydrated, pdfText } from './helpers';

const fixture = (name: string) => join('tests/fixtures/training', name);
const quiz = (chapter: string) => JSON.parse(readFileSync(`src/data/quizzes/${chapter}.json`, 'utf8')) as { questions: { id: string; zh: { prompt: string }; en: { prompt: string } }[] };
const onboarding = JSON.parse(readFileSync('src/data/onboarding.json', 'utf8')) as { weeks: { practice: unknown[]; tasks: unknown[] }[] };
const weekItems = (i: number) => onboarding.weeks[i]!.practice.length + onboarding.weeks[i]!.tasks.length;
const METRICS = quiz('metrics').questions;
const DIAGNOSIS = quiz('diagnosis').questions;

async function openCohort(page: Page, path: string) {
  await page.goto(path);
  await page.locator('.cohort').scrollIntoViewIfNeeded();
  await hydrated(page);
}
const picker = (page: Page) => page.locator('.cohort input[type=file]');
/** The cells of one trainee's row, as text. */
const row = (page: Page, name: string) => page.locator('[data-testid=cohort-table] tbody tr', { has: page.locator('th', { hasText: name }) });
const cells = async (page: Page, name: string) => (await row(page, name).locator('th, td').allInnerTexts()).map((s) => s.trim());
/** The headers of the table, so a cell is found by its column name rather than its position. */
const column = async (page: Page, header: string) => (await page.locator('[data-testid=cohort-table] thead th').allInnerTexts()).map((s) => s.trim()).indexOf(header);

test('a trainee exports their progress and self-check on the onboarding page, and the cohort page reads it', async ({ page }) => {
  await page.goto('/training/onboarding/');
  await page.locator('.onboarding').scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator('#onb-w1-p1').check();
  await page.locator('#onb-w1-t1').check();
  // A self-check: question 1 wrong (B), question 2 right (C), then the score.
  await page.goto('/training/self-checks/metrics/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator('label[for="metrics-1-1"]').click();
  await page.locator('label[for="metrics-2-2"]').click();
  await page.getByRole('button', { name: '提交并查看得分' }).click();
  await expect(page.locator('.quiz-score')).toHaveText(`答对 1 / ${METRICS.length} 题`);

  await page.goto('/training/onboarding/');
  // The path hydrates when it scrolls into view; its export section is drawn by the island.
  await page.locator('.onboarding').scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator('#onb-export').scrollIntoViewIfNeeded();
  // No name: refused with a sentence, and nothing is downloaded.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: '导出我的进度' }).click();
  await expect(page.locator('#onb-name-error')).toHaveText('请先填写姓名：培训师要靠它区分每位学员的文件。');
  await expect(page.getByLabel('你的姓名（培训师看到的名字）')).toHaveAttribute('aria-invalid', 'true');
  expect(downloads).toBe(0);
  await page.getByLabel('你的姓名（培训师看到的名字）').pressSequentially('张 晓');
  await expect(page.locator('#onb-name-error')).toHaveCount(0);
  await page.locator('#onb-drill-hostile-koc').check();
  const file = await download(page, '导出我的进度');
  expect(file.name).toMatch(/^张-晓-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(file.text);
  const today = new Intl.DateTimeFormat('sv-SE').format(new Date());
  expect(doc).toMatchObject({ kind: 'playbook-training-progress', version: 1, name: '张 晓', locale: 'zh-CN', onboarding: { 'w1-p1': today, 'w1-t1': today }, drills: { 'hostile-koc': today } });
  expect(Object.keys(doc.onboarding)).toHaveLength(2);
  expect(doc.quizzes).toEqual({ metrics: { answers: { 'metrics-1': [1], 'metrics-2': [2] }, submitted: true, right: 1, total: METRICS.length } });
  expect(Date.now() - Date.parse(doc.exported)).toBeLessThan(60_000);
  await expect(page.locator('.onb-exported')).toContainText(file.name);

  // The trainer imports it together with two other trainees' files.
  const mine = join(tmpdir(), file.name);
  writeFileSync(mine, file.text);
  await openCohort(page, '/training/cohort/');
  await picker(page).setInputFiles([mine, fixture('li-lei.json'), fixture('chen-jing.json')]);
  await expect(page.locator('[data-testid=cohort-table] tbody tr')).toHaveCount(3);
  const me = await cells(page, '张 晓');
  expect(me[await column(page, '第 1 周')]).toBe(`2/${weekItems(0)}`);
  expect(me[await column(page, '指标体系')]).toBe(`1/${METRICS.length}`);
  expect(me[await column(page, '演练签核')]).toBe('1/3');
  expect(me[await column(page, '最近活动')]).toBe(today);
  // Li Lei answered metrics-1 right; the new trainee and Chen Jing did not: 2 of 3. Metrics-2: only Chen Jing.
  const missed = page.locator('[data-testid=cohort-missed] li');
  await expect(missed.filter({ hasText: METRICS[0]!.zh.prompt })).toContainText('2/3 人答错（67%）');
  await expect(missed.filter({ hasText: METRICS[1]!.zh.prompt })).toHaveCount(0);
  await expect(page.locator('[data-testid=cohort-messages]')).toContainText(`已导入 ${file.name}：张 晓。`);
});

test('three trainees side by side; bad files refused with the table unchanged; a later export replaces; CSV, print and axe', async ({ page }) => {
  await openCohort(page, '/training/cohort/');
  await expect(page.locator('.cohort-empty')).toBeVisible();
  // Dropped, not picked: the drop zone takes several files at once.
  const dropped = await page.evaluateHandle(
    (files) => {
      const dt = new DataTransfer();
      for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    ['li-lei.json', 'chen-jing.json', 'wang-fang.json'].map((n) => [n, readFileSync(fixture(n), 'utf8')] as const),
  );
  await page.locator('.cohort-drop').dispatchEvent('drop', { dataTransfer: dropped });
  const rows = page.locator('[data-testid=cohort-table] tbody tr');
  await expect(rows).toHaveCount(3);
  const [w1, w2, metrics, diagnosis, drills] = (await Promise.all(['第 1 周', '第 2 周', '指标体系', '现状诊断', '演练签核'].map((h) => column(page, h)))) as [number, number, number, number, number];
  const li = await cells(page, '李雷');
  const chen = await cells(page, 'Chen Jing');
  const wang = await cells(page, '王芳');
  expect([li[w1], chen[w1], wang[w1]]).toEqual([`${weekItems(0)}/${weekItems(0)}`, `4/${weekItems(0)}`, `7/${weekItems(0)}`]);
  expect([li[metrics], chen[metrics], wang[metrics]]).toEqual([`${METRICS.length}/${METRICS.length}`, `0/${METRICS.length}`, `${METRICS.length - 1}/${METRICS.length}`]);
  expect([li[diagnosis], chen[diagnosis], wang[diagnosis]]).toEqual([`${DIAGNOSIS.length}/${DIAGNOSIS.length}`, `0/${DIAGNOSIS.length}`, `1/${DIAGNOSIS.length}（未提交）`]);
  expect(li[w2]).toBe(`0/${weekItems(1)}`);
  expect(li[drills]).toBe('0/3');
  // Metrics-1 is missed by Chen Jing and Wang Fang (2 of 3); diagnosis has 2 submitted, 1 wrong: not most.
  await expect(page.locator('[data-testid=cohort-missed] li')).toHaveCount(1);
  await expect(page.locator('[data-testid=cohort-missed] li')).toContainText(METRICS[0]!.zh.prompt);
  const table = await page.locator('[data-testid=cohort-table]').innerText();
  // On a 390 px phone the wide table scrolls in its own box; the page itself never scrolls sideways (the
  // cells' hidden "remove" labels once widened it to 2,405 px).
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // A cut-off file and a plan file: each refused with its reason, the table as it was.
  await picker(page).setInputFiles([fixture('corrupt.json'), fixture('plan-export.json')]);
  const messages = page.locator('[data-testid=cohort-messages] li');
  await expect(messages).toHaveText([
    'corrupt.json 未导入：文件不是有效的 JSON，可能已损坏或被截断。表格没有改变。',
    'plan-export.json 未导入：这不是学员进度文件（它是“community-plan”文件）。请让学员在“新人入职路径”页点“导出我的进度”。表格没有改变。',
  ]);
  expect(await page.locator('[data-testid=cohort-table]').innerText()).toBe(table);

  // Li Lei sends a later export: it replaces the earlier one, with a note.
  await picker(page).setInputFiles(fixture('li-lei-later.json'));
  await expect(messages).toContainText(['li-lei-later.json：李雷 的进度已换成这次较新的导出']);
  await expect(rows).toHaveCount(3);
  const later = await cells(page, '李雷');
  expect([later[w2], later[drills], later[await column(page, '最近活动')]]).toEqual([`3/${weekItems(1)}`, '1/3', '2026-11-28']);
  await expect(page.locator('.cohort')).not.toContainText(BROKEN);

  // CSV: byte-order mark, Chinese headers, one line per trainee, counts as words.
  const csv = await download(page, '导出 CSV');
  expect(csv.name).toMatch(/^学员进度-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^"学员","第 1 周","第 2 周",.*"现状诊断",.*"指标体系",.*"演练签核","最近活动","导出时间"$/);
  expect(lines.find((l) => l.startsWith('"王芳"'))).toContain(`"${METRICS.length - 1}（共 ${METRICS.length}）"`);
  expect(lines.find((l) => l.startsWith('"李雷"'))).toContain(`"3（共 ${weekItems(1)}）"`);

  // Print: the table and the missed question on paper, no controls.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(test.info().outputPath('cohort.pdf'), pdf);
  const { text } = await pdfText(pdf);
  // Chromium's PDF text gives some characters as their radicals (⾃ for 自): NFKC maps them back.
  const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  for (const s of ['学员进度总览', '李雷', 'Chen Jing', '王芳', '指标体系', '多数学员答错的题', METRICS[0]!.zh.prompt.slice(0, 20)]) expect(flat(text), s).toContain(flat(s));
  // Every column reaches the paper, each trainee's self-checks listed in one cell; no control does.
  for (const s of ['演练签核', '最近活动', '自测得分', '2026-11-28', '2026-11-20', `指标体系 ${METRICS.length - 1}/${METRICS.length}`, `现状诊断 1/${DIAGNOSIS.length}（未提交）`]) expect(flat(text), s).toContain(flat(s));
  for (const s of ['清空表格', '把学员导出的进度文件', '移除']) expect(flat(text), s).not.toContain(flat(s));
  await page.emulateMedia({ media: 'screen' });
  // Light here, dark on the English page: the table, messages (refusals included) and list in both schemes.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect((await axeViolations(page)).map((v) => `light: ${v}`)).toEqual([]);
});

test('the English cohort page reads the same files in English, CSV included, axe clean in dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openCohort(page, '/en/training/cohort/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await picker(page).setInputFiles([fixture('li-lei.json'), fixture('chen-jing.json'), fixture('wang-fang.json'), fixture('plan-export.json')]);
  await expect(page.locator('[data-testid=cohort-table] tbody tr')).toHaveCount(3);
  const wang = await cells(page, '王芳');
  expect(wang[await column(page, 'Week 1')]).toBe(`7/${weekItems(0)}`);
  expect(wang[await column(page, 'Metrics and KPIs')]).toBe(`${METRICS.length - 1}/${METRICS.length}`);
  expect(wang[await column(page, 'Diagnosing where you stand')]).toBe(`1/${DIAGNOSIS.length} (not checked)`);
  await expect(page.locator('[data-testid=cohort-missed] li')).toContainText(METRICS[0]!.en.prompt);
  await expect(page.locator('[data-testid=cohort-missed] li')).toContainText('2 of 3 wrong (67%)');
  await expect(page.locator('[data-testid=cohort-messages]')).toContainText('plan-export.json was not imported: this is not a trainee progress file (it is a "community-plan" file).');
  await expect(page.locator('.cohort')).not.toContainText(BROKEN);
  const csv = await download(page, 'Export CSV');
  expect(csv.name).toMatch(/^cohort-progress-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^"Trainee","Week 1",.*"Metrics and KPIs",.*"Drills signed off","Last activity","Exported"$/);
  expect(lines.find((l) => l.startsWith('"Chen Jing"'))).toContain(`"0 of ${METRICS.length}"`);
  expect((await axeViolations(page)).map((v) => `dark: ${v}`)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  const { text } = await pdfText(await page.pdf({ preferCSSPageSize: true }));
  const flat = (s: string) => s.replace(/\s+/g, '');
  for (const s of ['Cohort progress', 'Self-check scores', `Metrics and KPIs ${METRICS.length - 1}/${METRICS.length}`, 'Questions most of the cohort gets wrong', '2 of 3 wrong']) expect(flat(text), s).toContain(flat(s));
  expect(flat(text)).not.toContain(flat('Clear the table'));
});
