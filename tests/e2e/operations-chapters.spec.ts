import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { hydrated, search } from './helpers';

/**
 * The operations chapters of issue #17 (platform facts, moderation, personal information, the member journey,
 * the KOC programme, workload and rota, running the playbook outside China):
 * search finds their key terms in both languages, each ends in a checklist and copyable templates,
 * each self-check scores in both languages, and the team-budget table calls 500 a platform fact.
 */
const chapters = [
  { slug: 'platform-data', zh: ['离职继承', '会话内容存档', '防骚扰'], en: ['handover', 'archiving', 'anti-harassment'] },
  { slug: 'moderation', zh: ['处置记录', '谣言', '尺度'], en: ['rumours', 'appeal', 'calibration'] },
  { slug: 'personal-information', zh: ['委托处理', '监护人', '保存期限'], en: ['guardian', 'entrusted', 'retention schedule'] },
  { slug: 'member-journey', zh: ['新人必看', '裂变', '抽奖式'], en: ['cold start', 'induced sharing', 'run sheet'] },
  { slug: 'koc-programme', zh: ['评分表', '奖励阶梯', '未成年人'], en: ['scorecard', 'reward ladder', 'minors'] },
  { slug: 'workload-rota', zh: ['覆盖时段', '交接记录', '倦怠'], en: ['coverage', 'handover', 'burnout'] },
  { slug: 'outside-china', zh: ['隐私说明', '背书', '时区'], en: ['Discourse', 'endorsement', 'time zone'] },
] as const;

type Quiz = { questions: { id: string; correct: number[]; zh: { options: unknown[] } }[] };

for (const c of chapters) {
  for (const [lang, prefix, checklist, templates] of [
    ['zh', '', '行动清单', '模板'],
    ['en', '/en', 'Action checklist', 'Templates'],
  ] as const) {
    const path = `${prefix}/handbook/${c.slug}/`;
    test(`${path} is in the sidebar, ends in a checklist and copyable templates, and search finds its key terms (${lang})`, async ({ page }) => {
      test.slow(); // three searches, the first loading Pagefind's index
      await page.goto(path);
      await expect(page.locator(`nav.sidebar a[href="${path}"]`).first()).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 2, name: checklist, exact: true })).toBeVisible();
      const boxes = page.locator('main .sl-markdown-content li input[type="checkbox"]');
      expect(await boxes.count()).toBeGreaterThanOrEqual(5);
      // Templates are code blocks with a copy button, after the checklist.
      await expect(page.getByRole('heading', { level: 2, name: templates, exact: true })).toBeVisible();
      const blocks = page.locator('main .sl-markdown-content .expressive-code');
      expect(await blocks.count()).toBeGreaterThanOrEqual(2);
      await expect(blocks.first().locator('button')).toHaveCount(1);
      const order = await page.locator('main .sl-markdown-content h2').allInnerTexts();
      expect(order.indexOf(templates)).toBeGreaterThan(order.indexOf(checklist));

      // Each key term sits mid-sentence in running text, and typing it into search lists the page.
      const prose = await page.locator('main .sl-markdown-content :is(p, li, td)').allInnerTexts();
      for (const term of c[lang]) {
        expect
          .soft(
            prose.some((text) => {
              const at = text.toLowerCase().indexOf(term.toLowerCase());
              return at > 0 && at + term.length < text.length;
            }),
            `"${term}" appears mid-sentence on ${path}`,
          )
          .toBe(true);
        expect.soft(await search(page, term, { until: path }), `search for "${term}"`).toContain(path);
        await page.keyboard.press('Escape');
      }
    });
  }

  test(`the ${c.slug} self-check scores a full set of right answers in both languages`, async ({ page }) => {
    const quiz: Quiz = JSON.parse(readFileSync(`src/data/quizzes/${c.slug}.json`, 'utf8'));
    expect(quiz.questions.length).toBeGreaterThanOrEqual(6);
    for (const [path, button, score] of [
      [`/training/self-checks/${c.slug}/`, '提交并查看得分', `答对 ${quiz.questions.length} / ${quiz.questions.length} 题`],
      [`/en/training/self-checks/${c.slug}/`, 'Check my answers', `${quiz.questions.length} of ${quiz.questions.length} right`],
    ] as const) {
      await page.goto(path);
      await page.locator('astro-island').first().scrollIntoViewIfNeeded();
      await hydrated(page);
      for (const q of quiz.questions) for (const i of q.correct) await page.locator(`#${q.id}-${i}`).check();
      await page.getByRole('button', { name: button }).click();
      await expect(page.locator('.quiz-score')).toHaveText(score);
      const options = quiz.questions.reduce((n, q) => n + q.zh.options.length, 0);
      await expect(page.locator('.quiz-explanation')).toHaveCount(options);
    }
  });
}

test('the team-budget defaults table calls 500 per group a platform fact, not a source-plan default', async ({ page }) => {
  for (const [path, item, fact, defaultLabel] of [
    ['/handbook/team-budget/', '每群人数', '平台事实', '来源方案默认值'],
    ['/en/handbook/team-budget/', 'Members per group', 'A platform fact', 'Source-plan default'],
  ] as const) {
    await page.goto(path);
    const row = page.locator('main tr', { has: page.locator('td', { hasText: item }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('500');
    await expect(row).toContainText(fact);
    await expect(row.locator('a[href$="/handbook/platform-data/"]')).toHaveCount(1);
    // The column no longer labels every row a source-plan default: the other rows say so themselves.
    await expect(page.locator('main th', { hasText: defaultLabel })).toHaveCount(0);
    await expect(page.locator('main tr', { has: page.locator('td', { hasText: defaultLabel }) })).not.toHaveCount(0);
  }
});
