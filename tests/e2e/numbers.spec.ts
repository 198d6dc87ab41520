/**
 * Issue #14, "wrong numbers": each figure checked the way a planner meets it — typed key by key, read off
 * the page, downloaded and parsed back — in both languages. Labels come from the translation tables, so a
 * test names what the reader sees in either language.
 */
import { type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { ui } from '../../src/i18n';
import type { Locale } from '../../src/lib/format';
import { expect, test } from './fixtures';
import { hydrated } from './helpers';

// Several of these walk four or five pages each (and the machine may be shared): more time than one page needs.
test.describe.configure({ timeout: 180_000 });

const LOCALES: { locale: Locale; prefix: string }[] = [
  { locale: 'zh-CN', prefix: '' },
  { locale: 'en', prefix: '/en' },
];

async function open(page: Page, path: string) {
  await page.goto(path);
  await page.locator('.calc').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator('.calc-results').first()).toBeVisible();
}

/** Clears a field and types the text key by key, as a person does. */
async function type(page: Page, label: string, text: string) {
  const input = page.getByLabel(label, { exact: false }).first();
  await input.fill('');
  await input.pressSequentially(text);
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const stat = (page: Page, label: string) => page.locator('.calc-stat', { has: page.locator('dt', { hasText: exactly(label) }) }).locator('.calc-stat-value');

/** A figure as shown (¥1,234.5, CN¥5.28, 5,137, -20%) as a number. */
const figure = (text: string) => Number(text.replace(/[−–]/g, '-').replace(/[^\d.\-]/g, ''));

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

/** The CSV as rows (BOM checked and dropped), header first. */
async function csvRows(page: Page, locale: Locale): Promise<string[][]> {
  const text = await download(page, ui[locale].common.exportCsv);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1).trim()).data;
}

const cell = (rows: string[][], section: string, item: string) => {
  const row = rows.find((r) => r[0] === section && r[1] === item);
  expect(row, `${section} / ${item}`).toBeDefined();
  return row![2]!;
};

/** Digits after the decimal point of a CSV number. */
const decimals = (text: string) => (text.split('.')[1] ?? '').length;

for (const { locale, prefix } of LOCALES) {
  const t = ui[locale];
  const c = t.common;
  const money = (x: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2, trailingZeroDisplay: 'stripIfInteger' } as Intl.NumberFormatOptions).format(x);

  test.describe(`${locale}`, () => {
    test('staffing → budget hand-off carries cost and members; cost per member is per the same members, and stays after a visit elsewhere', async ({ page }) => {
      await open(page, `${prefix}/calculators/staffing/`);
      await type(page, t.staffing.fields.members[0]!, '3000');
      await expect(stat(page, t.staffing.operators)).toHaveText('1');
      const monthly = figure(await stat(page, t.staffing.monthlyCost).innerText());
      await page.getByRole('link', { name: t.staffing.toBudget }).click();
      await page.waitForURL(/\/calculators\/budget\//);
      await hydrated(page);
      await expect(page.getByLabel(t.budget.fields.personnel[0]!)).toHaveValue(String(monthly));
      await expect(page.getByLabel(t.budget.fields.members[0]!)).toHaveValue('3000');
      const total = figure(await stat(page, t.budget.monthlyTotal).innerText());
      const perMember = stat(page, t.budget.costPerMember);
      await expect(perMember).toHaveText(money(total / 3000));
      // Before: the budget divided by its default 20,000 members.
      await expect(perMember).not.toHaveText(money(total / 20000));
      await expect(page.locator('.calc-notice')).toHaveCount(0);

      // A chapter, then back to the budget by its plain address: the linked values are still there.
      await page.goto(`${prefix}/handbook/metrics/`);
      await open(page, `${prefix}/calculators/budget/`);
      await expect(page.getByLabel(t.budget.fields.personnel[0]!)).toHaveValue(String(monthly));
      await expect(page.getByLabel(t.budget.fields.members[0]!)).toHaveValue('3000');
      await expect(stat(page, t.budget.costPerMember)).toHaveText(money(total / 3000));
      await expect(page.locator('.calc-notice')).toHaveCount(0);
    });

    test('formula lines carry their numbers: the budget year and the staffing month', async ({ page }) => {
      await open(page, `${prefix}/calculators/budget/`);
      await page.locator('.calc-formula summary').click();
      const monthly = await stat(page, t.budget.monthlyTotal).innerText();
      const annual = await stat(page, t.budget.annualTotal).innerText();
      const budgetLines = await page.locator('.calc-formula ol li').allInnerTexts();
      expect(budgetLines.join('\n')).toContain(`= ${monthly} × 12 = ${annual}`);
      for (const line of budgetLines) expect(line).not.toMatch(/=\s*[×÷]/);

      await open(page, `${prefix}/calculators/staffing/`);
      await page.locator('.calc-formula summary').first().click();
      const year = await stat(page, t.staffing.annualCost).innerText();
      const month = await stat(page, t.staffing.monthlyCost).innerText();
      const staffingLines = await page.locator('.calc-formula ol li').allInnerTexts();
      expect(staffingLines.join('\n')).toContain(`= ${year} ÷ 12 = ${month}`);
      for (const line of staffingLines) expect(line).not.toMatch(/=\s*[×÷]/);
    });

    test('every calculator: no formula line starts a step with an operator', async ({ page }) => {
      for (const calc of ['budget', 'staffing', 'ltv-cac', 'retention', 'timeline']) {
        await open(page, `${prefix}/calculators/${calc}/`);
        await page.locator('.calc-formula summary').first().click();
        const lines = await page.locator('.calc-formula ol li').allInnerTexts();
        expect(lines.length, calc).toBeGreaterThan(1);
        for (const line of lines) expect(line, calc).not.toMatch(/(^|[=(（;；:：])\s*[×÷+]/);
      }
    });

    test('retention: tiers split the forecast end membership, on the page and in the CSV', async ({ page }) => {
      await open(page, `${prefix}/calculators/retention/`);
      await type(page, t.retention.fields.newPerMonth[0]!, '300');
      await type(page, t.retention.fields.target[0]!, '5000');
      const end = figure(await stat(page, t.retention.projected).innerText());
      expect(end).not.toBe(5000);
      const shown = (await page.locator('.calc-bars-value').allInnerTexts()).map(figure);
      expect(shown).toHaveLength(3);
      expect(shown.reduce((a, b) => a + b, 0)).toBe(end);
      // Not the target's 250 / 1,000 / 3,750.
      expect(shown).not.toEqual([250, 1000, 3750]);
      await expect(page.locator('figure.calc-chart:has(.calc-bars) figcaption')).toContainText(new Intl.NumberFormat(locale).format(end));

      const rows = await csvRows(page, locale);
      const tierRows = rows.filter((r) => r[0] === c.results && r[1]!.startsWith(`${t.retention.tiers}: `));
      expect(tierRows.map((r) => Number(r[2]))).toEqual(shown);
      expect(Number(cell(rows, c.results, t.retention.projected))).toBe(end);
      // Inputs are in the CSV too, and every member count is whole people as on the page.
      expect(cell(rows, c.inputs, t.retention.fields.newPerMonth[0]!)).toBe('300');
      expect(cell(rows, c.inputs, t.retention.fields.churn[0]!)).toBe('5');
      for (const r of rows.filter((r) => r[0] === t.retention.projectionLabel)) expect(decimals(r[2]!), r.join()).toBe(0);
    });

    test('CSV: results rounded as shown, inputs included (budget, staffing, LTV/CAC, timeline)', async ({ page }) => {
      // Budget: tools 232,000 a year is 19,333.33… a month; a 6% contingency.
      await open(page, `${prefix}/calculators/budget/`);
      await type(page, t.budget.fields.tools[0]!, '232000');
      await type(page, t.budget.fields.contingency[0]!, '6');
      await type(page, t.budget.fields.revenue[0]!, '30000000');
      let rows = await csvRows(page, locale);
      expect(rows[0]).toEqual([c.section, c.item, c.value, c.unit]);
      expect(cell(rows, c.results, t.budget.lines.tools)).toBe('19333.33');
      expect(cell(rows, c.results, t.budget.costPerMember)).toBe(String(figure(await stat(page, t.budget.costPerMember).innerText())));
      expect(Number(cell(rows, c.results, t.budget.techShare)) * 100).toBeCloseTo(figure(await stat(page, t.budget.techShare).innerText()), 6);
      expect(cell(rows, c.inputs, t.budget.fields.tools[0]!)).toBe('232000');
      expect(cell(rows, c.inputs, t.budget.fields.contingency[0]!)).toBe('6');
      expect(cell(rows, c.inputs, t.budget.fields.phase[0]!)).toBe(t.budget.phases.launch);
      for (const r of rows.slice(1)) expect(r[2], r.join()).not.toMatch(/\d\.\d{4,}/);

      // Staffing: 20,000 members over a team of 7 is 2,857.14… per head.
      await open(page, `${prefix}/calculators/staffing/`);
      rows = await csvRows(page, locale);
      expect(cell(rows, c.results, t.staffing.membersPerHead)).toBe(String(figure(await stat(page, t.staffing.membersPerHead).innerText())));
      expect(cell(rows, c.results, t.staffing.monthlyCost)).toBe(String(figure(await stat(page, t.staffing.monthlyCost).innerText())));
      expect(cell(rows, c.inputs, t.staffing.fields.members[0]!)).toBe('20000');
      expect(cell(rows, c.inputs, t.staffing.fields.overhead[0]!)).toBe('30');
      for (const r of rows.slice(1)) expect(r[2], r.join()).not.toMatch(/\d\.\d{3,}/);

      // LTV/CAC with a horizon and a discount: long decimals unless rounded. The verdict row is labelled as one.
      await open(page, `${prefix}/calculators/ltv-cac/`);
      await type(page, t.ltv.fields.discount[0]!, '7');
      await type(page, t.ltv.fields.horizon[0]!, '30');
      await page.getByLabel(t.ltv.fields.compare[0]!).selectOption('on');
      rows = await csvRows(page, locale);
      const ltvA = cell(rows, t.ltv.segmentA, t.ltv.ltvLabel);
      expect(decimals(ltvA)).toBeLessThanOrEqual(2);
      expect(Object.values(t.ltv.verdicts)).toContain(cell(rows, t.ltv.segmentA, t.ltv.verdict));
      expect(rows.some((r) => r[1] === c.value)).toBe(false);
      expect(cell(rows, c.inputs, t.ltv.fields.horizon[0]!)).toBe('30');
      expect(cell(rows, c.inputs, t.ltv.fields.arpuB[0]!)).toBe('100');
      for (const r of rows.slice(1)) expect(r[2], r.join()).not.toMatch(/\d\.\d{3,}/);
      const compare = page.locator('table.calc-compare');
      await expect(compare.locator('tbody th')).toContainText([t.ltv.verdict]);
      await expect(compare.locator('tbody th', { hasText: new RegExp(`^${c.value}$`) })).toHaveCount(0);

      // Timeline: the start date and template are in the CSV with the phases.
      await open(page, `${prefix}/calculators/timeline/`);
      await page.getByLabel(t.timeline.fields.start[0]!, { exact: true }).fill('2027-03-01');
      rows = await csvRows(page, locale);
      expect(cell(rows, c.inputs, t.timeline.fields.start[0]!)).toBe('2027-03-01');
      expect(cell(rows, c.inputs, t.timeline.fields.preset[0]!)).toBe(t.timeline.presets['launch-growth-mature']);
    });

    test('calendar: a KPI written without a colon is not marked done', async ({ page }) => {
      await open(page, `${prefix}/calculators/timeline/`);
      await page.getByLabel(t.timeline.fields.start[0]!, { exact: true }).fill('2027-03-01');
      const kpis = page.getByLabel(t.timeline.phaseKpis).first();
      await kpis.fill('');
      await kpis.pressSequentially(locale === 'en' ? 'Members 1,000; Stickiness: ≥ 0.4' : '成员 1,000; 粘性: ≥ 0.4');
      await kpis.press('Tab');
      await expect(page.locator('.calc-kpis').first()).toHaveText(locale === 'en' ? 'Members 1,000; Stickiness: ≥ 0.4' : '成员 1,000; 粘性: ≥ 0.4');
      const ics = await download(page, t.timeline.downloadIcs);
      expect(ics).not.toContain('✓');
      const cal = new ICAL.Component(ICAL.parse(ics));
      const first = new ICAL.Event(cal.getAllSubcomponents('vevent')[0]!);
      const lines = first.description.split('\n');
      expect(lines).toContain(locale === 'en' ? 'Members 1,000' : '成员 1,000');
      expect(lines).toContain(locale === 'en' ? 'Stickiness: ≥ 0.4' : '粘性: ≥ 0.4');
      // A reload shows the KPI as typed, still unmarked.
      await open(page, `${prefix}/calculators/timeline/`);
      await expect(page.getByLabel(t.timeline.phaseKpis).first()).toHaveValue(locale === 'en' ? 'Members 1,000; Stickiness: ≥ 0.4' : '成员 1,000; 粘性: ≥ 0.4');
    });

    test('plan builder: the tornado plots LTV/CAC too, so ARPU and margin have bars', async ({ page }) => {
      await page.goto(`${prefix}/calculators/plan/`);
      await page.locator('astro-island').first().scrollIntoViewIfNeeded();
      await hydrated(page);
      const figureEl = page.locator('figure.calc-chart', { has: page.locator('figcaption', { hasText: t.plan.chartTornado }) });
      await figureEl.scrollIntoViewIfNeeded();
      await expect(figureEl.locator('figcaption')).toContainText('LTV/CAC');
      await figureEl.locator('summary').click();
      const head = await figureEl.locator('thead th').allInnerTexts();
      expect(head).toEqual([c.item, `${t.plan.ltvCac} ${t.plan.low}`, `${t.plan.ltvCac} ${t.plan.high}`, `${t.plan.annualCost} ${t.plan.low}`, `${t.plan.annualCost} ${t.plan.high}`]);
      // Each cell: the value, then in brackets the change the bar draws.
      const change = (text: string) => figure(/[（(]([^）)]*)[）)]/.exec(text)![1]!);
      for (const driver of [t.plan.drivers.arpuMonthly, t.plan.drivers.grossMargin]) {
        const cells = await figureEl.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${driver}$`) }) }).locator('td').allInnerTexts();
        expect(cells, driver).toHaveLength(4);
        expect(change(cells[0]!), driver).toBeCloseTo(-20, 0);
        expect(change(cells[1]!), driver).toBeCloseTo(20, 0);
        // Neither moves what the community costs: those bars are zero, and said to be.
        expect(change(cells[2]!)).toBe(0);
        expect(change(cells[3]!)).toBe(0);
      }
      const tools = await figureEl.locator('tbody tr', { has: page.locator('th', { hasText: t.plan.drivers.toolsAnnual }) }).locator('td').allInnerTexts();
      expect(change(tools[3]!)).toBeGreaterThan(0);
    });
  });
}
