/**
 * Issue #18: the staffing page checks its member-ratio headcount against the workload — task hours, duty
 * hours, the rule that binds, the larger number recommended with its reason and extra cost — and hands the
 * same values to the workload page. Expected figures are worked out here from the contract's formulas
 * (shared/spec/calculators.md, "Workload"), not read off the page.
 */
import { type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import { ui } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { formatCurrency, formatNumber, formatPercent, type Locale } from '../../src/lib/format';
import { checkWorkload, defaultStaffingInput as S, defaultWorkloadInput as W, planStaffing } from '../../src/lib';
import { expect, test } from './fixtures';
import { axeViolations, BROKEN, download, hydrated, pdfText, retype } from './helpers';

interface Typed {
  members: number;
  start: number;
  end: number;
  days: number;
  onDuty: number;
  fte: number;
}

/** The contract's arithmetic, written out: staffing's ratio and groups, the six tasks at the workload defaults, duty hours. */
function expected(x: Typed) {
  const groups = Math.ceil(x.members / S.groupCapacity);
  const ratio = Math.ceil(x.members / S.membersPerOperator);
  const tasks =
    (W.newMembersPerMonth * 12 * W.welcomeMinutes) / 52 / 60 +
    (groups * W.postsPerGroupPerDay * 7 * W.minutesPerPost) / 60 +
    (W.careContactsPerDay * 7 * W.minutesPerContact) / 60 +
    (groups * W.moderationMinutesPerGroupPerDay * 7) / 60 +
    (W.eventsPerMonth * W.hoursPerEvent * 12) / 52 +
    W.reportingHoursPerWeek;
  const coverage = (x.end - x.start) * x.days * x.onDuty;
  const workload = Math.ceil(tasks / (x.fte * W.productiveShare));
  const byCoverage = Math.ceil(coverage / x.fte);
  const operators = Math.max(ratio, workload, byCoverage);
  const reason = byCoverage === operators ? 'coverage' : workload === operators ? 'workload' : 'ratio';
  const extra = operators - ratio;
  return { groups, ratio, tasks, coverage, workload, byCoverage, operators, reason, extra, extraCost: (extra * S.operatorAnnualSalary * (1 + S.overheadRate)) / 12 } as const;
}

/** A field's label from the workload table (the staffing page shows the same words). */
const label = (t: (typeof ui)['en']['workload'], key: keyof (typeof ui)['en']['workload']['fields']) => t.fields[key][0]!;

const DEFAULTS: Typed = { members: S.members, start: W.coverage.startHour, end: W.coverage.endHour, days: W.coverage.daysPerWeek, onDuty: W.minOnDuty, fte: W.hoursPerFteWeek };

const section = (page: Page, locale: Locale) => page.getByRole('region', { name: `${ui[locale].common.results} · ${ui[locale].staffing.workloadCheck.title}`, exact: true });
const stat = (page: Page, locale: Locale, label: string) =>
  section(page, locale).locator('.calc-stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.calc-stat-value');

/** Every figure of the section against the hand arithmetic, and the reason sentence word for word. */
async function expectFigures(page: Page, locale: Locale, x: Typed) {
  const e = expected(x);
  const t = ui[locale].workload;
  const s = ui[locale].staffing.workloadCheck;
  const h = (n: number) => formatNumber(n, locale, { maximumFractionDigits: 1 });
  const n = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 0 });
  await expect(stat(page, locale, t.taskHours)).toHaveText(h(e.tasks));
  await expect(stat(page, locale, t.coverageHours)).toHaveText(h(e.coverage));
  await expect(stat(page, locale, t.byRule.ratio)).toHaveText(n(e.ratio));
  await expect(stat(page, locale, t.byRule.workload)).toHaveText(n(e.workload));
  await expect(stat(page, locale, t.byRule.coverage)).toHaveText(n(e.byCoverage));
  await expect(stat(page, locale, t.recommended)).toHaveText(n(e.operators));
  await expect(stat(page, locale, s.binds)).toHaveText(t.byRule[e.reason]);
  const sentence = fill(t.reasons[e.reason], {
    operators: n(e.operators),
    workload: n(e.workload),
    coverage: n(e.byCoverage),
    ratio: n(S.membersPerOperator),
    hours: h(e.reason === 'coverage' ? e.coverage : e.tasks),
    productive: formatPercent(W.productiveShare, locale),
  });
  await expect(section(page, locale).locator('.calc-verdict')).toHaveText(sentence);
  const cost = e.extra > 0 ? fill(s.extra, { n: n(e.extra), extra: formatCurrency(e.extraCost, locale), salary: formatCurrency(S.operatorAnnualSalary, locale), overhead: formatPercent(S.overheadRate, locale) }) : s.noExtra;
  await expect(section(page, locale).locator('[data-extra]')).toHaveText(cost);
  return e;
}

async function openStaffing(page: Page, path: string) {
  await page.goto(path);
  await page.locator('#staffing-workload').scrollIntoViewIfNeeded();
  await hydrated(page);
}

test('zh: the workload check as typed, its errors, CSV, reload, link, old saved state and the hand-off to the workload page', async ({ page }) => {
  const t = ui['zh-CN'].workload;
  const s = ui['zh-CN'].staffing.workloadCheck;
  // The library's own worked example (checkWorkload's comment) is what the hand arithmetic gives for the defaults.
  const lib = checkWorkload(planStaffing().operators, { groups: planStaffing().groups }, { operatorAnnualSalary: S.operatorAnnualSalary, overheadRate: S.overheadRate });
  const e0 = expected(DEFAULTS);
  expect([lib.operators, lib.reason, lib.byRule.workload, lib.byRule.coverage]).toEqual([e0.operators, e0.reason, e0.workload, e0.byCoverage]);
  expect(lib.extraPersonnelMonthly).toBeCloseTo(e0.extraCost, 6);
  expect(e0).toMatchObject({ groups: 40, operators: 5, reason: 'workload', extra: 1 });

  await openStaffing(page, '/calculators/staffing/');
  await expect(page.locator('#staffing-workload')).toHaveText(s.title);
  await expectFigures(page, 'zh-CN', DEFAULTS);

  // Three on duty at once: the duty hours bind.
  const typed = { ...DEFAULTS, onDuty: 3 };
  await retype(page, label(t, 'onDuty'), '3');
  const e = await expectFigures(page, 'zh-CN', typed);
  expect(e.reason).toBe('coverage');

  // Bad values are named in Chinese, both at once; the ratio results above stay.
  await retype(page, label(t, 'end'), '8');
  await retype(page, label(t, 'days'), '7.5');
  await expect(page.locator('#staffing-end-err')).toHaveText('结束时间要晚于开始时间');
  await expect(page.locator('#staffing-days-err')).toHaveText('请输入整数');
  await expect(section(page, 'zh-CN')).toContainText(ui['zh-CN'].common.fixFields);
  await expect(page.locator('.calc-stat', { hasText: '需要的运营专员' }).locator('.calc-stat-value')).toHaveText('4');
  await retype(page, label(t, 'end'), '22');
  await retype(page, label(t, 'days'), '7');
  await expectFigures(page, 'zh-CN', typed);

  // The CSV carries the new inputs and results, rounded as shown.
  const csv = await download(page, '导出 CSV');
  const rows = Papa.parse<string[]>(csv.text.slice(1).trim()).data;
  const cell = (sec: string, item: string) => rows.find((r) => r[0] === sec && r[1] === item)?.[2];
  const res = `结果 · ${s.title}`;
  expect(cell('输入', label(t, 'onDuty'))).toBe('3');
  expect(cell('输入', label(t, 'start'))).toBe('9');
  expect(cell('输入', label(t, 'fteHours'))).toBe('40');
  expect(Number(cell(res, t.coverageHours))).toBe(e.coverage);
  expect(Number(cell(res, t.tasks.total))).toBeCloseTo(e.tasks, 1);
  expect(Number(cell(res, t.recommended))).toBe(e.operators);
  expect(cell(res, s.binds)).toBe(t.byRule.coverage);
  expect(Number(cell(res, s.extraCost))).toBe(e.extraCost);

  // Saved in this browser; the address reproduces the state elsewhere.
  await openStaffing(page, '/calculators/staffing/');
  await expect(page.getByLabel(label(t, 'onDuty'))).toHaveValue('3');
  await expect(page).toHaveURL(/onDuty=3/);
  const url = new URL(page.url());
  expect(url.searchParams.get('onDuty')).toBe('3');
  await page.evaluate(() => localStorage.clear());
  await openStaffing(page, url.pathname + url.search);
  await expect(page.getByLabel(label(t, 'onDuty'))).toHaveValue('3');
  await expectFigures(page, 'zh-CN', typed);

  // The hand-off: the workload page opens with the same values and recommends the same number.
  await page.getByRole('link', { name: s.toWorkload }).click();
  await page.waitForURL(/\/calculators\/workload\/\?/);
  await hydrated(page);
  const work = page.locator('[data-calc="workload"]');
  await expect(work.getByLabel(label(t, 'onDuty'))).toHaveValue('3');
  await expect(work.getByLabel(label(t, 'groups'))).toHaveValue(String(e.groups));
  await expect(work.getByLabel(label(t, 'members'))).toHaveValue(String(S.members));
  await expect(work.locator('.calc-stat', { has: page.locator('dt', { hasText: t.recommended }) }).locator('.calc-stat-value')).toHaveText(String(e.operators));

  // State saved before this section existed (none of its fields) still loads, with the section at its defaults.
  const old = { members: '30000', ratio: '5000', active: '25', kocMin: '5', kocMax: '8', leadCount: '1', leadSalary: '300000', contentCount: '1', contentSalary: '200000', analystCount: '1', analystSalary: '250000', operatorSalary: '150000', overhead: '30', groupCap: '500' };
  await page.evaluate((v) => localStorage.setItem('playbook:calc:staffing', JSON.stringify({ v: 1, fields: v })), old);
  await openStaffing(page, '/calculators/staffing/');
  await expect(page.getByLabel('社群成员数')).toHaveValue('30000');
  await expect(page.getByLabel(label(t, 'onDuty'))).toHaveValue(String(W.minOnDuty));
  await expect(page.locator('.calc-notice')).toHaveCount(0);
  await expectFigures(page, 'zh-CN', { ...DEFAULTS, members: 30_000 });
  await expect(page.locator('main')).not.toContainText(BROKEN);
});

test('en: typed key by key, the binding rule, an English error, axe light and dark, print and a 390 px phone', async ({ page }) => {
  const t = ui.en.workload;
  const s = ui.en.staffing.workloadCheck;
  await openStaffing(page, '/en/calculators/staffing/');
  await retype(page, label(t, 'fteHours'), '35');
  const e = await expectFigures(page, 'en', { ...DEFAULTS, fte: 35 });
  expect(e.reason).toBe('workload');

  await retype(page, label(t, 'days'), '8');
  await expect(page.locator('#staffing-days-err')).toContainText('at most 7');
  await expect(page.locator('#staffing-days-err')).not.toContainText(/[\u4e00-\u9fff]/);
  await expect(section(page, 'en')).toContainText(ui.en.common.fixFields);
  await retype(page, label(t, 'days'), '7');
  await expectFigures(page, 'en', { ...DEFAULTS, fte: 35 });

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, '[data-calc="staffing"]'), scheme).toEqual([]);
  }

  // On paper: the section's title, figures and reason, without the hand-off link.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const pdf = await pdfText(await page.pdf({ format: 'A4' }));
  const flat = (x: string) => x.replace(/\s+/g, '');
  expect(flat(pdf.text)).toContain(flat(s.title));
  expect(flat(pdf.text)).toContain(flat(t.recommended));
  expect(flat(pdf.text)).toContain(flat((await section(page, 'en').locator('.calc-verdict').innerText()).slice(0, 60)));
  expect(flat(pdf.text)).not.toContain(flat(s.toWorkload));
  expect(pdf.text).not.toMatch(BROKEN);
  await page.emulateMedia({ media: 'screen' });

  // A 390 px phone: nothing wider than the screen; a picture to look at.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#staffing-workload').scrollIntoViewIfNeeded();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(390);
  mkdirSync('reports/shots', { recursive: true });
  await page.locator('[data-calc="staffing"]').screenshot({ path: 'reports/shots/staffing-workload-390.png' });
});
