#!/usr/bin/env node
// Browser benchmark of the health check: a 1,000,000-row activity export (about 30 MB, written to a
// temporary folder) is picked in Debian's Chromium on the built site, and the time from picking the file
// to the results on screen is reported, split into preview (encoding + columns) and analysis.
// `npm run build && npm run bench:health` (rows: `-- --rows=200000`). Target: under 5 s here.
// `-- --xlsx` writes the same rows as an Excel workbook (date-time cells) instead of a CSV.
// `-- --chat` writes them as a 留痕 (MemoTrace / WeChatMsg) group-chat CSV (Unix CreateTime, wxid senders, one
// system row in 50), which the page reads with its chat reader and the chat analytics (lifecycle, weekday × hour,
// response, presence tiers).
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';

const rows = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 1_000_000);
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const xlsx = process.argv.includes('--xlsx');
const chat = !xlsx && process.argv.includes('--chat');

// Seeded like a real export: date-times, IDs, nicknames and a group column; a few members far more active.
let s = 7;
const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const start = Date.UTC(2026, 0, 1);
const parts = [chat ? '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' : '互动时间,成员ID,昵称,群名称\n'];
const sheet = [['互动时间', '成员ID', '昵称', '群名称']];
for (let i = 0; i < rows; i++) {
  const m = Math.floor(rand() ** 2 * 60_000);
  const t = new Date(start + Math.floor(rand() * 300) * 86_400_000 + Math.floor(rand() * 86_400_000));
  if (xlsx) sheet.push([{ value: t, format: 'yyyy/m/d hh:mm' }, `wx_${m.toString(36)}`, `成员${m}`, `社群${m % 7}`]);
  else if (chat) {
    const system = i % 50 === 49;
    const local = new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    parts.push(`${i + 1},7,${system ? 10000 : 1},0,0,${Math.floor(t.getTime() / 1000)},2,${system ? '"成员加入了群聊"' : 'ok'},${local},,成员${m},${system ? '' : `wxid_${m.toString(36)}`}\n`);
  } else parts.push(`${t.getUTCFullYear()}/${t.getUTCMonth() + 1}/${t.getUTCDate()} ${t.getUTCHours()}:${String(t.getUTCMinutes()).padStart(2, '0')},wx_${m.toString(36)},成员${m},社群${m % 7}\n`);
}
const dir = mkdtempSync(join(tmpdir(), 'health-bench-'));
const file = join(dir, xlsx ? 'activity.xlsx' : chat ? '社群.csv' : 'activity.csv');
if (xlsx) await writeExcelFile(sheet).toFile(file);
else writeFileSync(file, parts.join(''));
const mb = statSync(file).size / 1024 / 1024;

// dist/ served as a host serves it (tests/serve.mjs), on a port the OS picks.
const server = await serve({ port: 0 });
const { port } = server.address();
try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/calculators/health-check/`);
    await page.locator('.health').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const t0 = Date.now();
    await page.locator('.health input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: '开始分析' }).waitFor();
    const t1 = Date.now();
    await page.getByRole('button', { name: '开始分析' }).click();
    await page.getByTestId('health-heatmap').waitFor({ timeout: 120_000 });
    const t2 = Date.now();
    const summary = await page.getByTestId('health-summary').innerText();
    results.push({ preview: (t1 - t0) / 1000, analysis: (t2 - t1) / 1000, total: (t2 - t0) / 1000, summary });
    await page.close();
  }
  await browser.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${rows.toLocaleString('en')} rows, ${xlsx ? '.xlsx' : chat ? '留痕 chat CSV' : 'CSV'}, ${mb.toFixed(1)} MB, ${runs} runs in Chromium`);
  console.log(results.at(-1).summary);
  console.log('| step | median s | runs |\n| --- | --- | --- |');
  for (const k of ['preview', 'analysis', 'total']) console.log(`| ${k} | ${median(results.map((r) => r[k])).toFixed(2)} | ${results.map((r) => r[k].toFixed(2)).join(' · ')} |`);
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
