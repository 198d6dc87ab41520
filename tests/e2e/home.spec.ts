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
    await expect(page.locator('.card')).toHaveCount(3);
    const links = page.locator('main a.sl-link-card, main .hero a');
    expect(await links.count()).toBeGreaterThanOrEqual(2);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
  });
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
