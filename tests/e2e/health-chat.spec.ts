import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from './fixtures';
import { axeViolations, BROKEN, calcStat, download, hydrated, retype } from './helpers';

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
  // The owner is in no figure: only in the staff list, ticked and marked as left out by default.
  await expect(page.getByTestId('health-groups')).not.toContainText('wxid_owner01');
  const owner = page.getByRole('checkbox', { name: '我方员工 / 机器人：运营小林 · wxid_owner01' });
  await expect(owner).toBeChecked();
  await expect(owner).toBeDisabled();
  await expect(page.getByTestId('health-senders')).toContainText('导出账号，默认不计');
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

/** Drops files on the drop zone the way a browser does (a DataTransfer of Files), each with its own date. */
async function dropFiles(page: import('@playwright/test').Page, path: string, files: { name: string; buffer: Buffer; lastModified?: number }[]) {
  await page.goto(path);
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { lastModified: f.lastModified }));
    document.querySelector('.health-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, b64: f.buffer.toString('base64'), lastModified: f.lastModified ?? Date.now() })));
}

const ROOM = '12345678901@chatroom';
/** PyWxDump's full first part of a room (5,000 rows: wxid_sp01…04 in turn, one a minute from 2024-05-01 00:00). */
function firstPart(): Buffer {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = ['id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime'];
  for (let i = 0; i < 5000; i++) lines.push(`${i + 1},7${i},文本,0,wxid_sp0${(i % 4) + 1},${ROOM},好,,2024-05-${pad(1 + Math.floor(i / 1440))} ${pad(Math.floor((i % 1440) / 60))}:${pad(i % 60)}:00`);
  return Buffer.from(lines.join('\n') + '\n');
}
const fixture = (p: string) => readFileSync(`${FIXTURES}${p}`);

test('a folder of mixed exports: each file named, refused ones say why, PyWxDump parts as a set, two rosters give leavers (zh)', async ({ page }) => {
  await dropFiles(page, '/calculators/health-check/', [
    { name: '产品交流群_utf8.csv', buffer: fixture('wechatmsg/产品交流群_utf8.csv') },
    { name: 'general.json', buffer: fixture('dce-channel.json') },
    { name: `${ROOM}_5000_10000.csv`, buffer: fixture(`pywxdump/split/${ROOM}_5000_10000.csv`) },
    { name: `${ROOM}_0_5000.csv`, buffer: firstPart() },
    { name: 'users.json', buffer: fixture('pywxdump/split/users.json') },
    { name: 'groupchat-get-later.json', buffer: fixture('wecom/groupchat-get-later.json'), lastModified: Date.UTC(2024, 5, 1) },
    { name: 'groupchat-get.json', buffer: fixture('wecom/groupchat-get.json'), lastModified: Date.UTC(2024, 2, 1) },
    { name: 'notes.json', buffer: Buffer.from('{"hello": "world"}') },
    { name: '成员.csv', buffer: Buffer.from('成员ID,日期\nu1,2024-03-01\n') },
  ]);
  await expect(page.getByTestId('health-format')).toContainText('识别为：留痕 (WeChatMsg) CSV、DiscordChatExporter JSON、PyWxDump / WeClone CSV');
  const files = page.getByTestId('health-files');
  await expect(files.locator('tbody tr')).toHaveCount(9);
  await page.getByRole('button', { name: '开始分析' }).click();
  await expect(page.getByTestId('health-files-summary')).toContainText('共 9 个文件：读取 7 个，未读取 2 个');
  const row = (name: string) => files.locator('tbody tr', { has: page.locator('th', { hasText: name }) });
  await expect(row('notes.json')).toContainText('未读取：不是能识别的聊天记录导出');
  await expect(row('成员.csv')).toContainText('通用表格不能和聊天记录一起读');
  await expect(row(`${ROOM}_0_5000.csv`)).toContainText('PyWxDump 分段，2 个文件合读');
  await expect(row('groupchat-get.json')).toContainText('名册 5 人');
  // Hand count: WeChatMsg 6 messages / 4 speakers, Discord 5 / 3, PyWxDump 5,000 + 1 (the exporter's own 1 left out) / 4.
  await expect(page.getByTestId('health-summary')).toContainText('计入 5,012 条消息、11 位发过言的成员');
  // Rosters: the newer file is the book group now (zhangsan, ext01, ext03), the run group from the older one (2): 3 silent IDs,
  // counted as members since rosters count silent members (11 speakers + 3), as in the all-groups row.
  await expect(calcStat(page, '成员数')).toHaveText('14');
  await expect(page.getByTestId('health-groups').locator('tbody tr').first().locator('td').first()).toHaveText('14');
  await expect(page.getByTestId('health-chat-note')).toContainText('名册上有 3 位成员从没发过言，他们已计入成员数');
  const groups = page.getByTestId('health-groups').locator('tbody tr');
  await expect(groups).toHaveCount(6); // all groups, 产品交流群, #general, 摄影交流群, the two roster groups
  await expect(groups.filter({ hasText: '读书会客户群' }).locator('td').first()).toHaveText('3');
  await expect(groups.filter({ hasText: '摄影交流群' }).locator('td').nth(2)).toHaveText('5,001');
  await expect(page.getByTestId('health-rosters')).toContainText('较早的名册 groupchat-get.json，较新的名册 groupchat-get-later.json。退出 1 人，新进 1 人。');
  await expect(page.getByTestId('health-roster-left')).toHaveText('wmOgQhDgAAext02');
  await expect(page.getByTestId('health-rosters')).toContainText('小林 · wmOgQhDgAAext03');
  // Names beside IDs in the staff list; message text nowhere.
  await expect(page.getByTestId('health-senders')).toContainText('北辰');
  await expect(page.locator('main')).not.toContainText('周末有活动');
  await expect(page.locator('main')).not.toContainText(BROKEN);
  expect(await axeViolations(page)).toEqual([]);
});

test('a WeCom roster with a chat (en): silent roster members are members, each in the cohort of their join month, last in the tiers, never at risk', async ({ page }) => {
  // groupchat-get.json (join days at UTC+8): zhangsan 2019-10-31, wmOgQhDgAAext01 2024-01-01, wmOgQhDgAAext02
  // 2024-02-01, none of whom posts; the 留痕 file: 4 speakers on 5–6 Mar 2024 (see health-chat-summary.test.ts).
  await dropFiles(page, '/en/calculators/health-check/', [
    { name: '产品交流群_utf8.csv', buffer: fixture('wechatmsg/产品交流群_utf8.csv') },
    { name: 'groupchat-get.json', buffer: fixture('wecom/groupchat-get.json') },
  ]);
  await retype(page, 'Days without activity before a member is at risk', '1');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('health-summary')).toContainText('6 messages from 4 members who posted are counted');
  // One number for members: 4 speakers + 3 silent roster members, in the figure and the all-groups row.
  await expect(calcStat(page, /^Members$/)).toHaveText('7');
  await expect(page.getByTestId('health-groups').locator('tbody tr').first().locator('td').first()).toHaveText('7');
  await expect(page.getByTestId('health-chat-note')).toContainText('A roster was read too: 3 members on it never posted. They are counted as members');
  // wmOgQhDgAAext02 joined on 1 Feb 2024 and never posted: the February cohort is them alone, 0% active that month.
  const cohort = (month: string) => page.getByTestId('health-heatmap').locator('tbody tr', { has: page.locator('th', { hasText: month }) }).locator('td');
  for (const [k, text] of ['1', '0%', '0%'].entries()) await expect(cohort('2024-02').nth(k)).toHaveText(text);
  await expect(cohort('2024-03').first()).toHaveText('4');
  // Tiers CSV: the three silent roster members last, as silent, with no last activity; at risk only speakers.
  const lines = (await download(page, 'Download every member’s tier (CSV)')).text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines).toHaveLength(8);
  expect(lines.slice(-3).map((l) => l.split(',')[0])).toEqual(['wmOgQhDgAAext01', 'wmOgQhDgAAext02', 'zhangsan']);
  expect(lines.find((l) => l.startsWith('wmOgQhDgAAext02,'))).toBe('wmOgQhDgAAext02,,Silent,0,never posted (on the roster)');
  const risk = (await download(page, 'Download the needs-care list (CSV)')).text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(risk.slice(1).map((l) => l.split(',')[0])).toEqual(['wxid_alice01', 'wxid_chen03']);
  await page.locator('.calc-formula summary').click();
  await expect(page.locator('.calc-formula')).toContainText('the earlier of that date and the first activity');
  await expect(page.locator('main')).not.toContainText(BROKEN);
});

test('several files picked at once (en): a Slack workspace zip is read as Slack, a PyWxDump set with a missing part is refused naming the part, the rest read', async ({ page }) => {
  const json = (v: unknown) => strToU8(JSON.stringify(v));
  const slack = zipSync({
    'users.json': json([
      { id: 'U01', name: 'mia.tan', is_bot: false, profile: { display_name: 'mia', real_name: 'Mia Tan' } },
      { id: 'U02', name: 'noah', is_bot: false, profile: { display_name: '', real_name: 'Noah Berg' } },
      { id: 'U0BOT', name: 'standup', is_bot: true, profile: { real_name: 'Standup Bot' } },
    ]),
    'channels.json': json([{ id: 'C01', name: 'general', created: 1706700000, members: ['U01', 'U02', 'U0BOT'] }]),
    'general/2024-02-01.json': json([
      { type: 'message', user: 'U01', ts: '1706774460.000200', text: 'Who is hosting Friday?' },
      { type: 'message', user: 'U02', ts: '1706774520.123456', text: 'I can' },
      { type: 'message', user: 'U0BOT', bot_id: 'B01', ts: '1706778000.000000', text: 'Standup time' },
      { type: 'message', user: 'U01', ts: '1706781600.000000', text: 'Great' },
    ]),
  });
  await page.goto('/en/calculators/health-check/');
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await hydrated(page);
  await page.locator('input[type="file"]').setInputFiles([
    { name: 'Acme Slack export.zip', mimeType: 'application/zip', buffer: Buffer.from(slack) },
    { name: `${ROOM}_0_5000.csv`, mimeType: 'text/csv', buffer: firstPart() },
    { name: `${ROOM}_10000_15000.csv`, mimeType: 'text/csv', buffer: fixture(`pywxdump/missing/${ROOM}_10000_15000.csv`) },
    { name: 'group.csv', mimeType: 'text/csv', buffer: fixture('wechatmsg/产品交流群_utf8.csv') },
  ]);
  await expect(page.getByTestId('health-format')).toContainText('Read as: Slack workspace export ZIP, PyWxDump / WeClone CSV, MemoTrace (WeChatMsg) CSV');
  await page.getByRole('button', { name: 'Analyse' }).click();
  const files = page.getByTestId('health-files');
  await expect(page.getByTestId('health-files-summary')).toContainText('4 files: 2 read, 2 not read');
  for (const part of [`${ROOM}_0_5000.csv`, `${ROOM}_10000_15000.csv`]) {
    await expect(files.locator('tbody tr', { has: page.locator('th', { hasText: part }) })).toContainText(`not read: a part of the split export is missing (${ROOM}_5000_10000.csv)`);
  }
  // Slack: mia 2 and Noah 1 counted, the bot's 1 left out; WeChatMsg: 6 messages from 4 members.
  await expect(page.getByTestId('health-summary')).toContainText('9 messages from 6 members who posted are counted');
  await expect(page.getByTestId('health-chat-left')).toContainText('1 from bots');
  const bot = page.getByRole('checkbox', { name: 'Our staff / bot: Standup Bot · U0BOT' });
  await expect(bot).toBeChecked();
  await expect(bot).toBeDisabled();
  await expect(page.getByTestId('health-senders')).toContainText('marked as a bot by the platform, left out by default');
  await expect(page.getByTestId('health-groups').locator('tbody tr').filter({ hasText: 'general' })).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('hosting');
  await expect(page.locator('main')).not.toContainText(BROKEN);
});

test('our staff ticked are left out of every figure and remembered for the next file; names beside IDs, hidden by the switch, kept in the CSV (zh)', async ({ page }) => {
  const name = '产品交流群_utf8.csv';
  const open = async () => {
    await openFile(page, '/calculators/health-check/', name, fixture(`wechatmsg/${name}`));
    await retype(page, /多少天无互动算流失风险/, '1');
    await page.getByRole('button', { name: '开始分析' }).click();
  };
  // A corrupt saved value from an older page never stops the page: it reads as no ticks.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return; // once: the reload below must find what the page saved
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('health-check:staff', '{"v":1,"ids":[nope');
  });
  await open();
  await expect(page.getByTestId('health-summary')).toContainText('计入 6 条消息、4 位发过言的成员');
  await expect(page.getByTestId('health-staff-remembered')).toHaveCount(0);
  // Names beside IDs: the at-risk list (quiet 1 day as of 2024-03-06) and the staff list.
  await expect(page.getByTestId('health-at-risk').locator('tbody tr', { hasText: 'wxid_alice01' })).toContainText('阿杉');
  await expect(page.getByTestId('health-senders')).toContainText('木子');
  // Tick 木子 (2 messages): everything is computed again without them.
  await page.getByRole('checkbox', { name: '我方员工 / 机器人：木子 · wxid_bob02' }).check();
  await expect(page.getByTestId('health-summary')).toContainText('计入 4 条消息、3 位发过言的成员');
  await expect(calcStat(page, '成员数')).toHaveText('3');
  await expect(page.getByTestId('health-chat-left')).toContainText('标记为本方人员的 2 条');
  await expect(page.getByTestId('health-groups')).not.toContainText('wxid_bob02');
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('health-check:staff')))!)).toEqual({ v: 1, ids: ['wxid_bob02'] });
  // The member CSV has a name column; a ticked member is in no row.
  const tiers = await download(page, '下载全部成员的分层（CSV）');
  const lines = tiers.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe('成员,昵称,分层,近 90 天互动次数,最后互动日期');
  expect(lines.find((l) => l.startsWith('wxid_alice01,'))).toMatch(/^wxid_alice01,阿杉,/);
  expect(tiers.text).not.toContain('wxid_bob02');
  // Hide names: no name anywhere on the page, IDs stay; the CSV still has them.
  await page.getByRole('checkbox', { name: '隐藏昵称（截图用）' }).check();
  for (const n of ['阿杉', '木子', '陈晨', '运营小林']) await expect(page.locator('main .calc')).not.toContainText(n);
  await expect(page.getByTestId('health-at-risk')).toContainText('wxid_alice01');
  expect((await download(page, '下载全部成员的分层（CSV）')).text).toContain('wxid_alice01,阿杉,');
  // The next file (here: the same export opened again after a reload) leaves 木子 out from the start.
  await page.reload();
  await open();
  await expect(page.getByTestId('health-summary')).toContainText('计入 4 条消息、3 位发过言的成员');
  await expect(page.getByTestId('health-staff-remembered')).toContainText('记住了 1 个本方人员 ID');
  await expect(page.getByRole('checkbox', { name: '我方员工 / 机器人：木子 · wxid_bob02' })).toBeChecked();
  // Unticking brings them back.
  await page.getByRole('checkbox', { name: '我方员工 / 机器人：木子 · wxid_bob02' }).uncheck();
  await expect(page.getByTestId('health-summary')).toContainText('计入 6 条消息、4 位发过言的成员');
  expect(await page.evaluate(() => localStorage.getItem('health-check:staff'))).toBeNull();
});

test('a message number guessed as the member column is warned about (zh); future-dated chat messages get their own sentence (en)', async ({ page }) => {
  const sheet = Buffer.from(['localId,日期', ...Array.from({ length: 25 }, (_, i) => `${i + 1},2024-03-${String(i + 1).padStart(2, '0')}`)].join('\n'));
  await openFile(page, '/calculators/health-check/', 'sheet.csv', sheet);
  await expect(page.getByTestId('health-member-warning')).toContainText('选中的成员列几乎每一行都不同');
  await expect(page.locator('#health-member')).toHaveAccessibleDescription(/选中的成员列几乎每一行都不同/);
  // Choosing another member column clears the warning.
  await page.locator('#health-member').selectOption({ index: 1 });
  await expect(page.getByTestId('health-member-warning')).toHaveCount(0);
  // The last row (wxid_gone09) dated 2100-01-01: not counted, and said so in words, not as a skipped row.
  const name = '产品交流群_utf8.csv';
  const future = Buffer.from(fixture(`wechatmsg/${name}`).toString('utf8').replace(',1709690000,', ',4102444800,'));
  await openFile(page, '/en/calculators/health-check/', name, future);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('health-summary')).toContainText('5 messages from 3 members who posted are counted');
  await expect(page.getByTestId('health-chat-future')).toContainText('Messages dated after today (in the chosen time zone) were left out: 1.');
  await expect(page.locator('.health-bad')).toHaveCount(0);
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
  // At 390 px the wide tables scroll in their own boxes; the page never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });
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
  await expect(page.getByTestId('health-rhythm-caption')).toContainText('at UTC;');
});
