import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { pdfText, axeViolations } from './helpers';
import { formatRule, HOUSE_RULES, ruleSentence } from '../../src/data/house-rules';

/** The rulebook page: every rule in both languages, no island JS, accessible, and it prints. */
// CJK glyphs can come back as compatibility ideographs (NFKC folds them) or as radical-supplement and
// variant forms (⻅ for 见, 戶 for 户), mapped here; layout adds spaces and breaks.
const VARIANTS: Record<string, string> = { '⻅': '见', '⻓': '长', '⻛': '风', '⻚': '页', '⻢': '马', '⻔': '门', '⻬': '齐', '戶': '户' };
const flat = (s: string) => s.normalize('NFKC').replace(/[⻅⻓⻛⻚⻢⻔⻬戶]/g, (c) => VARIANTS[c]!).replace(/\s+/g, '').replace(/[‘’]/g, "'");

for (const [path, locale, title] of [
  ['/reference/house-rules/', 'zh-CN', '运营规则一览'],
  ['/en/reference/house-rules/', 'en', 'House rules at a glance'],
] as const) {
  test(`${path}: every rule with its value, whom it binds and why; no island; axe clean light and dark`, async ({ page }) => {
    // 25 rules × 3 checks plus two axe passes: near the default minute on a busy 2-core machine.
    test.slow();
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText(title);
    const items = page.locator('.house-rule-item');
    await expect(items).toHaveCount(HOUSE_RULES.length);
    for (const r of HOUSE_RULES) {
      const item = page.locator(`#rule-${r.id}`);
      await expect(item.locator('dt')).toHaveText(ruleSentence(r.id, locale));
      await expect(item.locator('.house-rule-meta')).toContainText(formatRule(r.id, locale));
      await expect(item.locator('dd')).toContainText(r.why[locale].slice(0, 12));
    }
    // A platform fact shows the day it was checked.
    await expect(page.locator('#rule-groupCapacity .house-rule-meta')).toContainText('2026-11-23');
    expect(await page.locator('astro-island').count()).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(page);
      expect(violations.map((v) => `${scheme}: ${v}`)).toEqual([]);
    }
  });

  test(`${path}: prints to a PDF that holds every rule`, async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(test.info().outputPath('house-rules.pdf'), pdf);
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const got = flat(text);
    expect(got).toContain(flat(title));
    for (const r of HOUSE_RULES) expect(got, r.id).toContain(flat(ruleSentence(r.id, locale)));
  });
}

test('a chapter shows the rulebook’s value where it states a rule (zh and en)', async ({ page }) => {
  await page.goto('/handbook/tools-data/');
  await expect(page.locator('[data-rule="stickinessAlert"]').first()).toHaveText(formatRule('stickinessAlert', 'zh-CN'));
  await expect(page.locator('[data-rule="lapseDays"]').first()).toHaveText(formatRule('lapseDays', 'zh-CN'));
  await page.goto('/en/handbook/risk-crisis/');
  await expect(page.locator('[data-rule="healthReportLevel"]').first()).toHaveText(formatRule('healthReportLevel', 'en'));
  await page.goto('/en/training/trainer-guide/');
  await expect(page.locator('[data-rule="promoPerWeek"]').first()).toHaveText(formatRule('promoPerWeek', 'en'));
});
