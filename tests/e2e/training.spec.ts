import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { calcStat, hydrated } from './helpers';

type Q = { id: string; type: 'single' | 'multiple'; correct: number[]; zh: { prompt: string; options: { text: string; explanation: string }[] }; en: { prompt: string; options: { text: string; explanation: string }[] } };
const quiz: { questions: Q[] } = JSON.parse(readFileSync('src/data/quizzes/metrics.json', 'utf8'));
const onboarding = JSON.parse(readFileSync('src/data/onboarding.json', 'utf8'));

test('a self-check scores right and wrong answers, explains every option, keeps the attempt and resets', async ({ page }) => {
  await page.goto('/training/self-checks/metrics/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  const [first, second, ...rest] = quiz.questions;
  // First question right, second wrong, the rest right.
  for (const q of [first!, ...rest]) for (const i of q.correct) await page.locator(`#${q.id}-${i}`).check();
  const wrong = [0, 1, 2, 3, 4].find((i) => i < second!.zh.options.length && !(second!.correct.length === 1 && second!.correct[0] === i))!;
  await page.locator(`#${second!.id}-${wrong}`).check();
  if (second!.type === 'multiple') for (const i of second!.correct) if (i !== wrong) await page.locator(`#${second!.id}-${i}`).uncheck();
  await page.getByRole('button', { name: '提交并查看得分' }).click();
  await expect(page.locator('.quiz-score')).toHaveText(`答对 ${quiz.questions.length - 1} / ${quiz.questions.length} 题`);
  await expect(page.locator('.quiz-question--wrong')).toHaveCount(1);
  await expect(page.locator('.quiz-question--wrong')).toContainText(second!.zh.prompt.slice(0, 10));
  // Every option of every question now carries its explanation.
  const total = quiz.questions.reduce((n, q) => n + q.zh.options.length, 0);
  await expect(page.locator('.quiz-explanation')).toHaveCount(total);
  await expect(page.locator('.quiz-explanation').first()).toContainText(first!.zh.options[0]!.explanation.slice(0, 8));

  await page.reload();
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator('.quiz-score')).toHaveText(`答对 ${quiz.questions.length - 1} / ${quiz.questions.length} 题`);
  await expect(page.locator('.calc-notice')).toContainText('已恢复');
  await page.getByRole('button', { name: '重新作答' }).click();
  await expect(page.locator('.quiz input:checked')).toHaveCount(0);
  await expect(page.locator('.quiz-score')).toHaveText('');
});

test('without JavaScript the self-check is a readable list with answers in disclosures', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/training/self-checks/metrics/');
  const items = page.locator('.quiz-questions > li');
  await expect(items).toHaveCount(quiz.questions.length);
  const firstAnswer = items.first().locator('details');
  await expect(firstAnswer.locator('p')).toBeHidden();
  await firstAnswer.locator('summary').click();
  await expect(firstAnswer).toContainText('Correct answer');
  await context.close();
});

test('corrupt saved self-check data gives a notice and a blank quiz, not a crash', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('playbook:quiz:metrics', '{"v":7}'));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/training/self-checks/metrics/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator('.calc-notice')).toContainText('无法读取');
  expect(errors).toEqual([]);
});

test('the onboarding checklist persists, exports and resets', async ({ page }) => {
  const week1 = onboarding.weeks[0];
  await page.goto('/training/onboarding/');
  await page.locator('.onboarding').scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator(`#onb-${week1.tasks[0].id}`).check();
  await page.locator(`#onb-${week1.practice[0].id}`).check();
  await expect(page.locator('.onb-done')).toHaveCount(2);
  await page.reload();
  await page.locator('.onboarding').scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.locator(`#onb-${week1.tasks[0].id}`)).toBeChecked();
  await page.getByLabel('你的姓名（培训师看到的名字）').pressSequentially('李雷');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出我的进度' }).click()]);
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(exported).toMatchObject({ kind: 'playbook-training-progress', version: 1, name: '李雷' });
  expect(Object.keys(exported.onboarding).sort()).toEqual([week1.tasks[0].id, week1.practice[0].id].sort());
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '清空进度' }).click();
  await expect(page.locator('.onboarding input[type="checkbox"]:checked')).toHaveCount(0);
});

test('every onboarding exercise opens its calculator with its numbers, and its first expected figure is on screen', async ({ page }) => {
  const practice = onboarding.weeks.flatMap((w: { practice: unknown[] }) => w.practice) as { id: string; calculator: string; query: string; zh: { expected: string } }[];
  for (const p of practice) {
    await page.goto(`/calculators/${p.calculator}/?${p.query}`);
    await page.locator('.calc').scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(page.locator('.calc-notice'), p.id).toHaveCount(0);
    // The first money amount (or, for the timeline, the first date) the exercise expects.
    const figure = /¥[\d,.]+\d|\d{4}-\d{2}-\d{2}/.exec(p.zh.expected.replace(/\d{4}-\d{2}-\d{2}(?=.*¥)/g, ''))?.[0];
    if (!figure) continue;
    await expect.poll(async () => (await page.locator('.calc-results').first().textContent()) ?? '', { message: `${p.id} shows ${figure}` }).toContain(figure);
  }
});

test('the first use of a glossary term links to its definition, with the short definition on hover and focus', async ({ page }) => {
  for (const [path, glossary] of [
    ['/handbook/metrics/', '/reference/glossary/'],
    ['/en/handbook/risk-crisis/', '/en/reference/glossary/'],
  ] as const) {
    await page.goto(path);
    const terms = page.locator('main .gloss');
    expect(await terms.count()).toBeGreaterThan(5);
    const first = terms.first();
    const link = first.locator('a');
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${glossary}#`)).toBe(true);
    // Each term is linked once per page.
    const hrefs = await page.locator('main .gloss > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const tip = first.locator('.gloss-tip');
    await expect(tip).toBeHidden();
    await link.hover();
    await expect(tip).toBeVisible();
    await expect(link).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
    await page.mouse.move(0, 0);
    await link.focus();
    await expect(tip).toBeVisible();
    // The definition it points to exists.
    await page.goto(href);
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeVisible();
  }
});

test('a reload straight after "check" brings back the answers, the score and every explanation (both languages)', async ({ page }) => {
  test.slow(); // four page loads with hydration
  for (const [path, check, score] of [
    ['/training/self-checks/metrics/', '提交并查看得分', /^答对 \d+ \/ \d+ 题$/],
    ['/en/training/self-checks/metrics/', 'Check my answers', /^\d+ of \d+ right$/],
  ] as const) {
    await page.goto(path);
    await page.evaluate(() => localStorage.clear());
    await page.locator('astro-island').first().scrollIntoViewIfNeeded();
    await hydrated(page);
    for (const q of quiz.questions) await page.locator(`#${q.id}-${q.correct[0]}`).check();
    // Check and reload in one task, as a reader who presses F5 at once: nothing may wait for a later frame.
    await page.getByRole('button', { name: check }).evaluate((b) => {
      (b as HTMLButtonElement).click();
      location.reload();
    });
    await page.waitForLoadState('load');
    await page.locator('astro-island').first().scrollIntoViewIfNeeded();
    await hydrated(page);
    await expect(page.locator('.quiz input:checked')).toHaveCount(quiz.questions.length);
    await expect(page.locator('.quiz-score')).toHaveText(score);
    const options = quiz.questions.reduce((n, q) => n + q.zh.options.length, 0);
    await expect(page.locator('.quiz-explanation')).toHaveCount(options);
    await expect(page.locator('.quiz-verdict')).toHaveCount(quiz.questions.length);
  }
});

test('each question says once whether it takes one answer or several', async ({ page }) => {
  await page.goto('/training/self-checks/metrics/');
  const multiple = quiz.questions.findIndex((q) => q.type === 'multiple');
  const prompt = page.locator('.quiz-question').nth(multiple);
  await expect(prompt.locator('.quiz-type')).toHaveText('（多选）');
  expect(((await prompt.innerText()).match(/多选/g) ?? []).length).toBe(1);
  await page.goto('/en/training/self-checks/metrics/');
  await expect(page.locator('.quiz-question').nth(multiple).locator('.quiz-type')).toHaveText('(Choose all that apply)');
  expect(((await page.locator('.quiz-question').nth(multiple).innerText()).match(/all that apply/gi) ?? []).length).toBe(1);
});

test('onboarding links use the site link colour, not the browser default, in light and dark', async ({ page }) => {
  test.slow(); // four page loads with hydration
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/training/onboarding/', '/en/training/onboarding/']) {
      await page.goto(path);
      await page.locator('.onboarding').scrollIntoViewIfNeeded();
      await hydrated(page);
      // The colour of an ordinary link in the page's prose is the site's link style.
      const site = await page.locator('.sl-markdown-content > p a').first().evaluate((a) => getComputedStyle(a).color);
      const colours = await page.locator('.onboarding a').evaluateAll((as) => [...new Set(as.map((a) => getComputedStyle(a).color))]);
      expect(colours, `${path} ${scheme}`).toEqual([site]);
      expect(colours[0]).not.toBe('rgb(0, 0, 238)');
    }
  }
});

test('the path: times per item and per week, the operator/planner switch kept on reload, a rubric after handing in, and the training data pack read by the health check', async ({ page }) => {
  test.slow(); // three page loads with hydration and one analysis
  await page.goto('/training/onboarding/');
  await page.locator('.onboarding').scrollIntoViewIfNeeded();
  await hydrated(page);
  const time = (week: string) => page.locator(`section[aria-labelledby="${week}-title"] .onb-week-time`);
  // Totals of src/data/onboarding.json: week 1 570 min for both tracks; week 3 operator 355, planner 540.
  await expect(time('week-1')).toHaveText('本周预计用时：9 小时 30 分钟（两个方向相同）');
  await expect(time('week-3')).toHaveText('本周预计用时：运营方向 5 小时 55 分钟，策划方向 9 小时');
  await expect(page.locator('#onb-w1-p1').locator('..')).toContainText('约 30 分钟');
  await expect(page.getByRole('heading', { name: '第 2 个月：理论与商业化——为什么有效、怎样赚钱而不伤社群' })).toBeVisible();
  await page.getByRole('radio', { name: '运营方向' }).check();
  await expect(time('week-3')).toHaveText('本周预计用时（运营方向）：5 小时 55 分钟');
  // Budget and phase-model work is the planner's; the operator takes over groups.
  await expect(page.locator('#onb-w3-t6, #onb-w3-t7, #onb-w3-p3')).toHaveCount(0);
  await expect(page.locator('#onb-w3-t8')).toHaveCount(1);
  await page.reload();
  await page.locator('.onboarding').scrollIntoViewIfNeeded();
  await hydrated(page);
  await expect(page.getByRole('radio', { name: '运营方向' })).toBeChecked();
  await expect(page.locator('#onb-w3-t7')).toHaveCount(0);
  // The rubric and model answer appear once the written task is ticked, and the link lands on it.
  await expect(page.locator('a.onb-rubric')).toHaveCount(0);
  await page.locator('#onb-w2-t1').check();
  await page.locator('a.onb-rubric').click();
  await expect(page).toHaveURL(/\/training\/written-work\/#value-proposition$/);
  await expect(page.locator('#value-proposition')).toBeInViewport();
  // The pack's chat export, as linked from the path, opens in the health check as chatlog CSV.
  await page.goto('/training/onboarding/');
  const href = (await page.getByRole('link', { name: '聊天导出 chat-export.csv' }).getAttribute('href'))!;
  const csv = await (await page.request.get(href)).body();
  await page.goto('/calculators/health-check/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator('input[type="file"]').setInputFiles({ name: 'chat-export.csv', mimeType: 'text/csv', buffer: csv });
  await expect(page.getByTestId('health-format')).toContainText('chatlog');
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.getByTestId('health-groups').locator('tbody tr')).toHaveCount(4);
  // The answer key in the trainer's guide: every account that posted counts, operators and bot included.
  await expect(page.getByTestId('health-summary')).toContainText('计入 581 条消息、63 位发过言的成员');
  await expect(calcStat(page, '成员数')).toHaveText('63');
  await expect(calcStat(page, /粘性/)).toHaveText('0.28');
});

test('a new self-check scores and explains every option: organisation and culture (en)', async ({ page }) => {
  const quiz: { questions: Q[] } = JSON.parse(readFileSync('src/data/quizzes/organization-culture.json', 'utf8'));
  await page.goto('/en/training/self-checks/organization-culture/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  // All right except the last question, where only the first option is ticked.
  for (const q of quiz.questions.slice(0, -1)) for (const i of q.correct) await page.locator(`#${q.id}-${i}`).check();
  const last = quiz.questions.at(-1)!;
  await page.locator(`#${last.id}-${last.correct.includes(0) ? 1 : 0}`).check();
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.locator('.quiz-score')).toHaveText(`${quiz.questions.length - 1} of ${quiz.questions.length} right`);
  await expect(page.locator('.quiz-explanation')).toHaveCount(quiz.questions.reduce((n, q) => n + q.en.options.length, 0));
  await expect(page.locator('.quiz-question--wrong')).toContainText(last.en.prompt.slice(0, 20));
});
