import { expect, test } from './fixtures';

const homes = [
  { path: '/', lang: 'zh-CN', title: '社群运营手册', groups: ['手册', '计算器', '培训', '附录'], other: '/en/' },
  {
    path: '/en/',
    lang: 'en',
    title: 'Community Operations Playbook',
    groups: ['Handbook', 'Calculators', 'Training', 'Reference'],
    other: '/',
  },
];

for (const home of homes) {
  test(`home page ${home.path} has its language, title, sidebar groups and reader paths`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(home.path);
    await expect(page.locator('html')).toHaveAttribute('lang', home.lang);
    await expect(page).toHaveTitle(new RegExp(home.title));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(home.title);
    const sidebar = page.locator('#starlight__sidebar');
    for (const label of home.groups) {
      await expect(sidebar.locator('summary .group-label', { hasText: new RegExp(`^${label}$`) })).toBeVisible();
    }
    // The landing page sends each kind of reader somewhere: three paths, each with a working link.
    await expect(page.locator('.reader-card')).toHaveCount(3);
    const links = page.locator('main a.sl-link-card, main .hero a');
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
  });
}

const readerCards = [
  { path: '/', cards: [['读手册的运营团队', '/handbook/metrics/'], ['做规划的策划与负责人', '/calculators/plan/'], ['带新人的培训师', '/training/onboarding/']] },
  { path: '/en/', cards: [['Teams reading the playbook', '/en/handbook/metrics/'], ['Planners and leads', '/en/calculators/plan/'], ['Trainers onboarding new operators', '/en/training/onboarding/']] },
] as const;

for (const home of readerCards) {
  for (const width of [390, 1280]) {
    test(`on ${home.path} at ${width} px each reader card is one link to that reader's first step, by Tab and by click`, async ({ page }) => {
      test.slow(); // nine page loads
      await page.setViewportSize({ width, height: 900 });
      for (const [title, first] of home.cards) {
        await page.goto(home.path);
        const card = page.locator('.reader-card', { hasText: title });
        // One link per card and none nested: the card's only link goes to the first step.
        const links = card.locator('a');
        await expect(links).toHaveCount(1);
        await expect(links).toHaveAttribute('href', first);
        expect(await links.evaluate((a) => a.querySelector('a') === null && a.parentElement!.closest('a') === null)).toBe(true);
        // Keyboard: Tab reaches the card's link.
        await page.locator('main h2').first().click();
        let reached = false;
        for (let i = 0; i < 12 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await links.evaluate((a) => a === document.activeElement);
        }
        expect(reached, `Tab reaches the ${title} card`).toBe(true);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === first);
        // Pointer: a click on the card's text (not on the link words) follows the same link.
        await page.goto(home.path);
        await card.scrollIntoViewIfNeeded();
        const box = (await card.locator('.reader-card-body').boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForURL((url) => url.pathname === first);
        expect((await page.request.get(first)).status()).toBe(200);
      }
    });
  }
}

const switches = [
  { from: '/handbook/metrics/', to: '/en/handbook/metrics/', value: 'English', lang: 'en' },
  { from: '/en/handbook/metrics/', to: '/handbook/metrics/', value: '简体中文', lang: 'zh-CN' },
  { from: '/', to: '/en/', value: 'English', lang: 'en' },
];

for (const s of switches) {
  test(`language switch on ${s.from} goes to the same page in the other language`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(s.from);
    const select = page.locator('header starlight-lang-select select');
    await select.selectOption({ label: s.value });
    await page.waitForURL((url) => url.pathname === s.to);
    await expect(page.locator('html')).toHaveAttribute('lang', s.lang);
  });
}

test('chapter pages show computed reading time, audience, owner and review date', async ({ page }) => {
  await page.goto('/handbook/metrics/');
  const meta = page.locator('.page-meta');
  await expect(meta).toContainText(/阅读约 \d+ 分钟/);
  await expect(meta).toContainText('适合：');
  await expect(meta.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await page.goto('/en/handbook/metrics/');
  await expect(page.locator('.page-meta')).toContainText(/\d+ min read/);
});
