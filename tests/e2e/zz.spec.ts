import { test } from './fixtures';
import { hydrated } from './helpers';
test('prof', async ({ page }) => {
  await page.goto('/calculators/budget/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  const ids = await page.locator('input[inputmode="decimal"]').evaluateAll((els) => els.map((e) => e.id));
  console.log(ids.length, ids.join(' '));
  const box = page.locator('#' + ids[0]);
  await box.focus();
  for (let k = 0; k < 3; k++) {
    let t = Date.now();
    await page.keyboard.press('ControlOrMeta+a'); console.log('selall', Date.now() - t); t = Date.now();
    await page.keyboard.type('1,200'); console.log('type', Date.now() - t); t = Date.now();
  }
  await page.evaluate(() => { (window as any).__n = 0; const o = new MutationObserver((m) => ((window as any).__n += m.length)); o.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true }); });
  await page.keyboard.type('5');
  console.log('mutations per key', await page.evaluate(() => (window as any).__n));
});
