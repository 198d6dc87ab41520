import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { axeViolations, BROKEN, calcStat, hydrated } from './helpers';

/**
 * Issue #15, first slice: a real chat export opens in the health check without editing. The format is named,
 * no columns are asked for, the exporting account, bots and system rows are left out (and the page says how
 * many), the "never speaks" limit is stated, and each group gets its row. Figures are the hand counts of the
 * fixtures (tests/unit/health-readers-*.test.ts).
 */
const FIXTURES = 'tests/fixtures/exports/';

async function openFile(page: import('@playwright/test').Page, path: string, name: string, buffer: Buffer) {
  await page.goto(path);
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer });
}

test('a 留痕 (WeChatMsg) group export: named, read without column choices, own account and notices left out (zh)', async ({ page }) => {
  const name = '产品交流群_utf8.csv';
  await openFile(page, '/calculators/health-check/', name, readFileSync(`${FIXTURES}wechatmsg/${name}`));
  await expect(page.getByTestId('health-format')).toContainText('识别为：留痕 (WeChatMsg) CSV');
  await expect(page.locator('#health-member')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '确认设置' })).toBeVisible();
  await page.getByRole('button', { name: '开始分析' }).click();
  // Hand count: 7 messages, 1 of them the owner's; 2 notices and 1 join → 6 messages from 4 members.
  await expect(page.getByTestId('health-summary')).toContainText('计入 6 条消息、4 位发过言的成员');
  await expect(calcStat(page, '成员数')).toHaveText('4');
  await expect(page.getByTestId('health-chat-left')).toContainText('导出账号自己的消息 1 条，机器人 0 条，标记为本方人员的 0 条，入群、撤回、通知等系统记录 3 条');
  await expect(page.getByTestId('health-chat-time')).toContainText('CreateTime');
  await expect(page.getByTestId('health-chat-note')).toContainText('只记下发过言的人');
  const rows = page.getByTestId('health-groups').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('th')).toHaveText('全部群');
  await expect(rows.nth(1).locator('th')).toHaveText('产品交流群');
  await expect(rows.nth(1).locator('td').nth(3)).toHaveText('6');
  // The at-risk list names members by their platform ID, never the owner.
  await expect(page.locator('main')).not.toContainText('wxid_owner01');
  await expect(page.locator('main')).not.toContainText(BROKEN);
  // Message text is never shown.
  await expect(page.locator('main')).not.toContainText('周末有活动');
  await expect(page.getByTestId('health-status')).toContainText('4 位发过言的成员');
  // WeChat exports carry no reply mark: the page says so instead of showing a reply time.
  await expect(page.getByTestId('health-response')).toContainText('留痕 (WeChatMsg) CSV 不记录一条消息回复的是哪条');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await axeViolations(page)).map((v) => `${scheme} ${v}`)).toEqual([]);
  }
});

test('a DiscordChatExporter JSON channel: the bot and system messages left out, the channel named (en)', async ({ page }) => {
  await openFile(page, '/en/calculators/health-check/', 'Guild - general [880000000000000100].json', readFileSync(`${FIXTURES}dce-channel.json`));
  await expect(page.getByTestId('health-format')).toContainText('Read as: DiscordChatExporter JSON');
  await page.getByRole('button', { name: 'Analyse' }).click();
  // Hand count: alice 2, bob 2, carol 1 messages (the bot's 1 left out); a pin, a thread and a join are not activity.
  await expect(page.getByTestId('health-summary')).toContainText('5 messages from 3 members who posted are counted');
  await expect(page.getByTestId('health-chat-left')).toContainText('0 messages of the exporting account, 1 from bots, 0 from people marked as your staff, and 3 system records');
  await expect(page.getByTestId('health-groups').locator('tbody tr').nth(1).locator('th')).toHaveText('Invented Makers Guild #general · 880000000000000100');
  await expect(page.locator('main')).not.toContainText(BROKEN);
});

test('a cut-off export is refused with the reason in the page language, and no figure is shown', async ({ page }) => {
  const cut = readFileSync(`${FIXTURES}dce-channel.json`).subarray(0, 900);
  for (const [path, button, words] of [
    ['/calculators/health-check/', '开始分析', ['看起来是 DiscordChatExporter JSON', '文件在中途被截断']],
    ['/en/calculators/health-check/', 'Analyse', ['This looks like DiscordChatExporter JSON', 'the file stops part-way']],
  ] as const) {
    await openFile(page, path, 'general.json', cut);
    await page.getByRole('button', { name: button }).click();
    const alert = page.getByRole('alert');
    for (const w of words) await expect(alert).toContainText(w);
    await expect(page.getByTestId('health-summary')).toHaveCount(0);
  }
});

test('JSON that is no known export is named as such before any analysis (zh and en)', async ({ page }) => {
  for (const [path, words] of [
    ['/calculators/health-check/', '不是能识别的聊天记录导出'],
    ['/en/calculators/health-check/', 'not a chat export this page knows'],
  ] as const) {
    await openFile(page, path, 'notes.json', Buffer.from('{"hello": "world"}'));
    await expect(page.getByRole('alert')).toContainText(words);
  }
});

test('chat analytics of a two-group Telegram export: weekday × hour, replies, lifecycle and presence tiers match a hand count (zh and en)', async ({ page }) => {
  // tests/fixtures/exports/tg-analytics.json, counted by hand (see health-chat-summary.test.ts): 15 messages of
  // Ann, Ben, Cy and Dee (the exporter Oli left out), Jan–Mar 2025 at UTC+8; 10 of them on Mondays 20:xx.
  const buffer = readFileSync(`${FIXTURES}tg-analytics.json`);
  const figures = async (lang: 'zh' | 'en') => {
    const zh = lang === 'zh';
    await openFile(page, zh ? '/calculators/health-check/' : '/en/calculators/health-check/', 'result.json', buffer);
    await page.getByRole('button', { name: zh ? '开始分析' : 'Analyse' }).click();
    await expect(page.getByTestId('health-rhythm-busiest')).toContainText(
      zh ? '周一 20:00–20:59（10）、周日 21:00–21:59（2）、周一 22:00–22:59（1）' : 'Mon 20:00–20:59 (10), Sun 21:00–21:59 (2), Mon 22:00–22:59 (1)',
    );
    const monday = page.getByTestId('health-rhythm').locator('tbody tr').nth(0);
    await expect(monday.locator('th')).toHaveText(zh ? '周一' : 'Mon');
    await expect(monday.locator('td').nth(20)).toHaveText('10');
    await expect(monday.locator('td').nth(20)).toHaveClass('rhythm-5');
    // Questions: 5; answered after 30 min, 2 h and 45 min → median 45 min; 4 old enough, 2 of them unanswered.
    await expect(calcStat(page, zh ? '提问数' : /^Questions$/)).toHaveText('5');
    await expect(calcStat(page, zh ? '首次回复的中位时间' : 'Median time to first reply')).toHaveText(zh ? '45 分钟' : '45 min');
    await expect(calcStat(page, zh ? '7 天内没人回复的提问' : 'Questions with no reply within 7 days')).toHaveText('50%');
    // Lifecycle: Jan new 3; Feb returning 2, dormant 1 (Cy); Mar new 1 (Dee), returning 1 (Ann), resurrecting 1 (Cy), dormant 1 (Ben).
    const months = page.getByTestId('health-lifecycle').locator('tbody tr');
    await expect(months.locator('th')).toHaveText(['2025-01', '2025-02', '2025-03']);
    await expect(months.nth(0).locator('td')).toHaveText(['3', '3', '0', '0', '0']);
    await expect(months.nth(1).locator('td')).toHaveText(['2', '0', '2', '0', '1']);
    await expect(months.nth(2).locator('td')).toHaveText(['3', '1', '1', '1', '1']);
    // Presence on 31 Mar: Dee posted on 7 of the last 30 days, Ann on 2 of the last 7; Ben and Cy exploring.
    await expect(page.getByTestId('health-presence').locator('tbody td:last-child')).toHaveText(
      zh ? ['0（0%）', '1（25%）', '1（25%）', '2（50%）'] : ['0 (0%)', '1 (25%)', '1 (25%)', '2 (50%)'],
    );
    await page.locator('.calc-formula summary').click();
    for (const word of ['PostHog', 'Orbit', 'Common Room', '⌈5 ×']) await expect(page.locator('.calc-formula')).toContainText(word);
    await expect(page.locator('main')).not.toContainText(BROKEN);
  };
  await figures('zh');
  // The page offers the multi-group sample chat export as a download.
  await expect(page.locator('a[href="/samples/health-check-sample-telegram.json"]')).toHaveAttribute('download', 'health-check-sample-telegram.json');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await axeViolations(page)).map((v) => `${scheme} ${v}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await figures('en');
  // The same messages at UTC: Monday 20:00 in Beijing is Monday 12:00.
  await page.getByLabel('Time zone').selectOption({ label: 'UTC' });
  await page.getByRole('button', { name: 'Analyse again with these settings' }).click();
  await expect(page.getByTestId('health-rhythm-busiest')).toContainText('Mon 12:00–12:59 (10)');
  await expect(page.getByTestId('health-rhythm-caption')).toContainText('at UTC;')
});
