import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hydrated, BROKEN } from './helpers';

/**
 * Typing as a person does, key by key, into every number box of every calculator, the plan builder and the
 * health check, in both languages: the box must hold exactly what was typed (a controlled input that
 * rewrites its own value moves the caret: "2.5" in the timeline's months box used to come out as "52").
 */

/** Decimals, grouping and 万: on the way each passes a prefix that a number box may not rewrite (`2.`, `1,`). */
const TYPED = ['2.5', '12.5', '1,200', '1.2万'];
/** Every box that takes a number: text boxes with a numeric keyboard, and any type=number box. */
const NUMBER_BOXES = 'input[inputmode="decimal"], input[inputmode="numeric"], input[type="number"]';

interface Target {
  path: string;
  /** Shows number boxes the page hides at first (a mode, a comparison, a loaded file); called once. */
  reveal?: (page: Page, zh: boolean) => Promise<void>;
}

const TARGETS: Target[] = [
  { path: '/calculators/budget/' },
  { path: '/calculators/staffing/' },
  {
    path: '/calculators/ltv-cac/',
    // The comparison's boxes, then the spend-and-customers way of giving the CAC.
    reveal: async (page) => {
      await page.locator('#ltv-cac-compare').selectOption('on');
      await page.locator('#ltv-cac-cacMode').selectOption('spend');
    },
  },
  { path: '/calculators/retention/' },
  { path: '/calculators/timeline/' },
  { path: '/calculators/plan/' },
  {
    path: '/calculators/health-check/',
    reveal: async (page, zh) => {
      await page.getByRole('button', { name: zh ? '用示例数据试一试' : 'Try it with sample data' }).click();
      await expect(page.locator('#health-inactive')).toBeVisible({ timeout: 30_000 }); // the sample is read first
    },
  },
];

async function typeInto(box: Locator, text: string) {
  await box.click();
  await box.press('ControlOrMeta+a');
  await box.press('Backspace');
  await box.pressSequentially(text);
}

/**
 * Types strings key by key into every visible number box not done yet (select all, then type over it, as a
 * person replaces a value) and checks the box after each; returns how many boxes it typed into. To keep the
 * file quick, box i gets two of the four strings in Chinese (`TYPED[i]`, `TYPED[i+2]`) and the other two in
 * English: the boxes are the same code in both languages, so every box meets every string once, and each
 * language meets every string on every page with four or more boxes.
 */
async function typeEverywhere(page: Page, done: Set<string>, zh: boolean): Promise<number> {
  const ids = await page.locator(NUMBER_BOXES).evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.id));
  // Repeated rows (phases, roles) are one piece of code: the first row's boxes stand for the rest.
  const row = (id: string) => id.replace(/-\d+-/g, '-N-');
  const todo = ids.filter((id, k) => !done.has(row(id)) && ids.findIndex((other) => row(other) === row(id)) === k);
  for (const id of todo) {
    const i = done.size + (zh ? 0 : 1);
    done.add(row(id));
    const box = page.locator(`#${id}`);
    await box.focus();
    for (const text of [TYPED[i % 4]!, TYPED[(i + 2) % 4]!]) {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(text);
      expect(await box.inputValue(), `${id} after typing ${text}`).toBe(text);
    }
  }
  return todo.length;
}

for (const { path, reveal } of TARGETS) {
  for (const zh of [true, false]) {
    test(`every number box of ${zh ? '' : '/en'}${path} holds exactly what was typed`, async ({ page }) => {
      // Two strings key by key into each of up to 40 boxes, each key re-rendering the island: over a minute
      // when three workers share two cores.
      test.slow();
      const started = Date.now();
      await page.goto(zh ? path : `/en${path}`);
      await page.locator('astro-island').first().scrollIntoViewIfNeeded();
      await hydrated(page);
      const done = new Set<string>();
      let count = 0;
      if (reveal) {
        // The boxes shown before revealing are typed into first, in the state the page opens in.
        count += await typeEverywhere(page, done, zh);
        await reveal(page, zh);
      }
      count += await typeEverywhere(page, done, zh);
      expect(count, 'number boxes found').toBeGreaterThan(0);
      expect(await page.locator('main').innerText()).not.toMatch(BROKEN);
      // The state keeps the raw text too: after a reload the timeline's months box holds what was typed.
      if (path.includes('timeline')) {
        await page.reload();
        await hydrated(page);
        await expect(page.locator('#timeline-phase-0-months')).toHaveValue(TYPED[zh ? 2 : 3]!);
      }
      test.info().annotations.push({ type: 'typed', description: `${count} boxes in ${Date.now() - started} ms` });
    });
  }
}

test('one unreadable field does not hide the range errors of the others', async ({ page }) => {
  test.slow(); // three pages, typed key by key
  for (const [path, messages] of [
    ['/calculators/budget/', ['无法识别为数字', '数值太大（最多 100%）', '不能小于 0']],
    ['/en/calculators/budget/', ['This is not a number', 'The number is too large (at most 100%)', 'Enter 0 or more']],
  ] as const) {
    await page.goto(path);
    await page.locator('.calc').scrollIntoViewIfNeeded();
    await hydrated(page);
    const keys = ['tools', 'contingency', 'members'];
    for (const [i, text] of ['abc', '150', '-5'].entries()) await typeInto(page.locator(`#budget-${keys[i]}`), text);
    await expect(page.locator('.calc-field--invalid')).toHaveCount(3);
    for (const [i, message] of messages.entries()) await expect(page.locator(`#budget-${keys[i]}-err`)).toContainText(message);
    await expect(page.locator('main')).not.toContainText(BROKEN);
  }

  // The plan builder: an unreadable ARPU, a 150% contingency and −5 people in a role, all at once.
  await page.goto('/calculators/plan/');
  await page.locator('.plan').scrollIntoViewIfNeeded();
  await hydrated(page);
  await typeInto(page.locator('#plan-basics-arpu'), 'abc');
  await typeInto(page.locator('#plan-team-contingency'), '150');
  await typeInto(page.locator('#plan-team-roles-0-count'), '-5');
  await expect(page.locator('#plan-basics-arpu-err')).toContainText('无法识别为数字');
  await expect(page.locator('#plan-team-contingency-err')).toContainText('数值太大（最多 100%）');
  await expect(page.locator('#plan-team-roles-0-count-err')).toContainText('不能小于 0');
  await expect(page.locator('main')).not.toContainText(BROKEN);
});

test('a months box typed as 2.5 or emptied says what to type (no more "enter a finite number"), in both languages', async ({ page }) => {
  for (const [path, phrases] of [
    ['/calculators/timeline/', ['请输入整数', '请输入一个数']],
    ['/en/calculators/timeline/', ['Enter a whole number', 'Enter a number']],
  ] as const) {
    await page.goto(path);
    await page.locator('.calc').scrollIntoViewIfNeeded();
    await hydrated(page);
    const months = page.locator('#timeline-phase-1-months');
    await typeInto(months, '2.5');
    await expect(months).toHaveValue('2.5');
    await expect(page.locator('#timeline-phase-1-months-err')).toHaveText(phrases[0]);
    await typeInto(months, '');
    await expect(page.locator('#timeline-phase-1-months-err')).toHaveText(phrases[1]);
    await expect(page.locator('main')).not.toContainText(/有限|finite/i);
  }
});
