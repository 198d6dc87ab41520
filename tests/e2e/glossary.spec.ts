import { expect, test } from './fixtures';
import { readingMinutes } from '../../src/utils/reading-time';
import { hydrated } from './helpers';

const glossaries = [
  { path: '/reference/glossary/', minutes: /约 (\d+) 分钟/ },
  { path: '/en/reference/glossary/', minutes: /(\d+) min/ },
] as const;

for (const g of glossaries) {
  test(`${g.path}: the reading time counts the terms the page renders, not only its introduction`, async ({ page }) => {
    await page.goto(g.path);
    const shown = Number(g.minutes.exec((await page.locator('.page-meta span').first().innerText()).replace(/,/g, ''))?.[1]);
    // What a reader actually reads: the rendered main text, by the same rule as every other page.
    const rendered = readingMinutes(await page.locator('.sl-markdown-content').innerText());
    expect(rendered).toBeGreaterThan(1);
    expect(Math.abs(shown - rendered), `shown ${shown}, rendered text ${rendered}`).toBeLessThanOrEqual(1);
  });

  test(`${g.path}: on a 390 px phone every letter in the index is at least 24 × 24 px and clear of its neighbours`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(g.path);
    const boxes = await page.locator('.glossary-index a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(10);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThanOrEqual(24);
      expect(b.height).toBeGreaterThanOrEqual(24);
    }
    // No two targets overlap, and each is at least 4 px from the next one on its row.
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const gapX = Math.max(b.left - a.right, a.left - b.right);
        const gapY = Math.max(b.top - a.bottom, a.top - b.bottom);
        expect(Math.max(gapX, gapY), `letters ${i} and ${j}`).toBeGreaterThanOrEqual(4);
      }
    // A tap on a letter goes to its section.
    const first = page.locator('.glossary-index a').nth(1);
    const target = (await first.getAttribute('href'))!;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(target)).toBeInViewport();
  });
}

test('the onboarding path\'s reading time counts its weeks, rendered from data, in both languages', async ({ page }) => {
  test.slow(); // two loads with hydration
  for (const [path, pattern] of [
    ['/training/onboarding/', /约 (\d+) 分钟/],
    ['/en/training/onboarding/', /(\d+) min/],
  ] as const) {
    await page.goto(path);
    await page.locator('.onboarding').scrollIntoViewIfNeeded();
    await hydrated(page);
    const shown = Number(pattern.exec(await page.locator('.page-meta span').first().innerText())?.[1]);
    // Everything a reader reads, the expected results behind each exercise's disclosure included.
    await page.locator('.onboarding details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const rendered = readingMinutes(await page.locator('.sl-markdown-content').innerText());
    expect(rendered).toBeGreaterThan(1);
    expect(Math.abs(shown - rendered), `${path}: shown ${shown}, rendered text ${rendered}`).toBeLessThanOrEqual(1);
  }
});
