/**
 * Printing as a reader does it: the page's own print button (or Ctrl+P), then the PDF Chromium prints,
 * read back with pdfjs (tests/e2e/pdf.ts): every chart drawn, at the paper's width, clear of its caption,
 * its data table and every other chart; the plan builder prints only the plan document, from page 1.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hydrated } from './helpers';
import { lines, overlaps, readPdf, type PdfPage } from './pdf';
import { confusablePairs, SERIES } from '../../src/lib/chart-colors';

/** Replaces the print dialog (which headless Chromium cannot show) by a flag, then prints to PDF. */
async function stubPrintDialog(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
}
async function printWith(page: Page, how: 'button' | 'keys'): Promise<PdfPage[]> {
  await stubPrintDialog(page);
  if (how === 'button') await page.getByRole('button', { name: /打印|Print/ }).click();
  else await page.keyboard.press('Control+P');
  await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
  return readPdf(await page.pdf({ format: 'A4', printBackground: true }));
}
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * Every chart on paper: as many as the page shows, each at least three quarters of the text width
 * (A4 less 14 mm margins: 516 pt), none overlapping another, each with its caption (and so its data
 * table, which follows the caption) below it rather than under it.
 */
async function checkCharts(page: Page, pages: PdfPage[]) {
  // Charts drawn by Chart.js: the retention tiers are a figure of <meter>s, not a chart.
  const figures = page.locator('figure.calc-chart:visible').filter({ has: page.locator('canvas') });
  const captions = (await figures.locator('figcaption').allInnerTexts()).map(flat);
  expect(captions.length, 'the page shows a chart').toBeGreaterThan(0);
  const charts = pages.flatMap((p, n) => p.charts.map((box) => ({ n, box })));
  expect(charts, 'charts drawn on paper').toHaveLength(captions.length);
  for (const { n, box } of charts) {
    expect(box.x1 - box.x0, `chart on page ${n + 1} at paper width`).toBeGreaterThan(0.75 * 516);
    for (const other of pages[n]!.charts) if (other !== box) expect(overlaps(box, other)).toBe(false);
  }
  for (const caption of captions) {
    // The caption's line (its first line when it wraps): the longest printed line that begins it.
    const found = pages
      .flatMap((p, n) => lines(p).map((l) => ({ n, l })))
      .filter(({ l }) => caption.startsWith(l.text) && l.text.length >= Math.min(caption.length, 12))
      .sort((a, b) => b.l.text.length - a.l.text.length)[0];
    expect(found, `caption “${caption}” printed`).toBeDefined();
    const { n, l: line } = found!;
    // The chart just above its caption, on the same page: its drawing ends above the caption's top.
    const above = pages[n]!.charts.filter((c) => c.y0 >= line.y0 - 1).sort((a, b) => a.y0 - b.y0)[0];
    expect(above, `a chart above “${caption}” on page ${n + 1}`).toBeDefined();
    expect(overlaps(above!, line), `chart drawn over “${caption}”`).toBe(false);
    expect(above!.y0).toBeGreaterThanOrEqual(line.y1);
  }
}

// Printing renders every page of the PDF: slow on a busy machine.
test.slow();

for (const [locale, path, formLabel] of [
  ['zh', '/calculators/plan/', '社群名称'],
  ['en', '/en/calculators/plan/', 'Communityname'],
] as const) {
  test(`the printed plan (${locale}) is the plan document from page 1, with every chart drawn clear of the tables`, async ({ page }) => {
    await page.goto(path);
    await page.locator('.plan').scrollIntoViewIfNeeded();
    await hydrated(page);
    const name = page.locator('#plan-basics-name');
    await name.fill('');
    await name.pressSequentially(locale === 'zh' ? '茶饮会员社群' : 'Tea Club');
    await expect(page.locator('table.plan-scenarios')).toBeVisible();
    const pages = await printWith(page, 'button');

    const first = lines(pages[0]!).map((l) => l.text);
    const heading = await page.locator('#plan-doc-title').innerText();
    expect(heading).toContain(locale === 'zh' ? '茶饮会员社群' : 'Tea Club');
    expect(first[0]).toBe(flat(heading));
    const all = pages.flatMap((p) => lines(p).map((l) => l.text)).join('\n');
    expect(all, 'the form is not printed').not.toContain(formLabel);
    expect(all).not.toMatch(/NaN|Infinity|undefined/);

    // Phase rows stay whole: name, start and end dates and the payback period on one line each.
    const rows = await page.locator('.plan-doc .calc-data-table').first().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    for (const r of rows) {
      const line = first.find((l) => l.includes(flat(`${r[1]}${r[2]}`)));
      expect(line, `phase row ${r[0]} with its dates on one line of page 1`).toBeDefined();
      expect(line!.endsWith(flat(r[r.length - 1]!)), `${line} ends with ${r[r.length - 1]}`).toBe(true);
    }
    await checkCharts(page, pages);
  });
}

/**
 * A calculator page printed through its own button: every chart drawn and clear of the tables; the tool's
 * controls (actions, calendar download, hand-off link, phase editor) left off the paper; each chosen
 * option (a template, a community phase) printed whole.
 */
async function checkCalculatorPrint(page: Page) {
  const controls = (await page.locator('.calc-actions button, .calc-ics, .calc-handoff, .calc-phases > button, .calc-phase-title').allInnerTexts()).map(flat).filter(Boolean);
  const chosen = (await page.locator('.calc select').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? ''))).map(flat);
  const pages = await printWith(page, 'button');
  const text = pages.flatMap((p) => lines(p).map((l) => l.text)).join('\n');
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
  for (const c of controls) expect(text, `“${c}” is not printed`).not.toContain(c);
  for (const c of chosen) expect(text, `the choice “${c}” is printed whole`).toContain(c);
  await checkCharts(page, pages);
}

// One test per calculator, printing both languages (and the retention calculator's second tab).
for (const calc of ['budget', 'staffing', 'ltv-cac', 'retention', 'timeline'])
  test(`printing /calculators/${calc}/ (zh and en) draws every chart at paper width, clear of the tables, without the tool's controls`, async ({ page }) => {
    for (const locale of ['', '/en']) {
      await page.goto(`${locale}/calculators/${calc}/`);
      await page.locator('.calc').first().scrollIntoViewIfNeeded();
      await hydrated(page);
      await checkCalculatorPrint(page);
    }
    if (calc === 'retention') {
      // The cohort tab's chart (observed points and the fitted line) has never been on screen.
      await page.getByRole('tab', { name: 'Cohort retention curve' }).click();
      await expect(page.locator('#retention-panel-cohort canvas')).toBeAttached();
      await checkCalculatorPrint(page);
    }
  });

for (const scheme of ['light', 'dark'] as const)
  test(`every chart's series colours stay apart with red–green colour blindness (${scheme} scheme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/calculators/budget/', '/calculators/staffing/', '/calculators/ltv-cac/', '/calculators/retention/', '/calculators/timeline/', '/calculators/plan/']) {
      await page.goto(path);
      await page.locator('.calc').first().scrollIntoViewIfNeeded();
      await hydrated(page);
      const canvases = page.locator('.calc canvas:visible');
      await expect(canvases.first()).toBeAttached();
      if (path.endsWith('/plan/')) await expect(canvases).toHaveCount(3);
      for (const canvas of await canvases.all()) {
        await canvas.scrollIntoViewIfNeeded();
        await expect(canvas).toHaveAttribute('data-colors', /#/);
        const colors = (await canvas.getAttribute('data-colors'))!.split(' ');
        // What Chart.js was given is this scheme's palette, and no two series can be confused.
        for (const c of colors) expect(SERIES[scheme]).toContain(c);
        expect(confusablePairs(colors), `${path} ${await canvas.getAttribute('aria-label')}: ${colors.join(' ')}`).toEqual([]);
      }
    }
  });

test('Ctrl+P prints the charts that have not scrolled into view yet', async ({ page }) => {
  await page.goto('/calculators/plan/');
  await hydrated(page);
  await expect(page.locator('table.plan-scenarios')).toBeAttached();
  // The tornado, far below the fold, has not been drawn (ChartBlock records the colours it drew with).
  const tornado = page.locator('.plan canvas').last();
  await expect(tornado).not.toBeInViewport();
  expect(await tornado.evaluate((c) => (c as HTMLCanvasElement).dataset.colors ?? '')).toBe('');
  await checkCharts(page, await printWith(page, 'keys'));
});
