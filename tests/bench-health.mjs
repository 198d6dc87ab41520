#!/usr/bin/env node
// Browser benchmark of the health check, measured against DuckDB on the same file in the same run.
// A seeded activity export (tests/health-bench-data.mjs; 1,000,000 rows ≈ 40 MB by default, written to a
// temporary folder) is picked in Debian's Chromium on the built site; the time from picking the file(s) to the
// results on screen is reported, split into preview (encoding + columns) and analysis, with the peak memory of
// Chromium's renderer. DuckDB (@duckdb/node-api) then reads the same CSV and runs the SQL the page's warehouse
// generator writes (src/lib/warehouse, dialect duckdb); its members / MAU / average DAU / as-of day must equal the
// page's (and, up to 2M rows, those of analyzeActivity run in Node on the same rows).
//
// `npm run build && npm run bench:health` — flags after `--`:
//   --rows=N      rows in all (default 1,000,000)       --files=K   split them into K files, each with the header,
//   --runs=R      runs of each side (default 3)                       picked together (setInputFiles([...]))
//   --json        print one JSON line instead of the tables
//   --duckdb-threads=N  DuckDB's threads (default: all cores, as the page uses two workers on this machine)
//   --xlsx        the same rows as Excel workbooks (date-time cells) instead of CSV (no DuckDB reference)
//   --chat        the rows as a 留痕 (MemoTrace / WeChatMsg) group-chat CSV (Unix CreateTime, wxid senders, one
//                 system row in 50), read with the chat reader and the chat analytics (no DuckDB reference)
// The 10M-row, ≈400 MB case: `-- --rows=10000000 --files=20 --runs=1` (files are written in chunks).
import { chromium } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { serve } from './serve.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { benchRows, importTs, memberId, writeBenchFiles, writtenDay } from './health-bench-data.mjs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const rows = arg('rows', 1_000_000);
const runs = arg('runs', 3);
const fileCount = arg('files', 1);
const xlsx = process.argv.includes('--xlsx');
const chat = !xlsx && process.argv.includes('--chat');
const json = process.argv.includes('--json');
const duckThreads = arg('duckdb-threads', 0);
const csv = !xlsx && !chat;
const log = (...a) => (json ? console.error(...a) : console.log(...a));

const lib = await importTs(
  `export { warehouseSql, parseSummary } from './src/lib/warehouse'; export { analyzeActivity } from './src/lib/activity'; export { SOURCE_DEFAULTS } from './src/lib/defaults';`,
);
const inactiveDays = lib.SOURCE_DEFAULTS.inactiveDays.value;

const dir = mkdtempSync(join(tmpdir(), 'health-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));
let mismatch = false;

try {
  const files = await writeBenchFiles({ rows, files: fileCount, kind: xlsx ? 'xlsx' : chat ? 'chat' : 'csv', dir });
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1024 / 1024;
  const kind = xlsx ? '.xlsx' : chat ? '留痕 chat CSV' : 'CSV';
  log(`${rows.toLocaleString('en')} rows, ${kind}, ${fileCount} file${fileCount > 1 ? 's' : ''}, ${mb.toFixed(1)} MB, ${runs} run${runs > 1 ? 's' : ''} of each side`);

  const page = await pageRuns(files);
  const duck = csv ? await duckRuns(files) : null;
  // A chat export's figures are the chat reader's (system rows left out, wxid senders): no Node reference.
  const node = !chat && rows <= 2_000_000 ? nodeFigures() : null;

  // The same figures from each side: the comparison is only honest if all of them computed the same report.
  // Reference: DuckDB's, else (a workbook) analyzeActivity's.
  const [refName, ref] = duck ? ['DuckDB', duck.figures] : ['analyzeActivity in Node', node];
  const checks = [];
  if (ref && page.figures) checks.push(['page', page.figures]);
  if (duck && node) checks.push(['analyzeActivity in Node', node]);
  for (const [who, f] of checks) {
    for (const k of ['asOf', 'members', 'mau', 'avgDau']) {
      if (f[k] !== ref[k]) {
        mismatch = true;
        log(`MISMATCH: ${k} ${who} ${f[k]} ≠ ${refName} ${ref[k]}`);
      }
    }
  }

  const pageS = page.ok ? median(page.results.map((r) => r.total)) : null;
  const duckS = duck ? median(duck.times) : null;
  const out = {
    rows,
    files: fileCount,
    kind: xlsx ? 'xlsx' : chat ? 'chat' : 'csv',
    mb: Number(mb.toFixed(1)),
    runs,
    page: page.ok
      ? {
          preview: median(page.results.map((r) => r.preview)),
          analysis: median(page.results.map((r) => r.analysis)),
          total: pageS,
          rowsPerS: Math.round(rows / pageS),
          runs: page.results.map((r) => r.total),
          figures: page.figures,
        }
      : { error: page.error },
    duckdb: duck ? { total: r3(duckS), rowsPerS: Math.round(rows / duckS), runs: duck.times.map(r3), threads: duck.threads, figures: duck.figures } : null,
    node: node ?? null,
    checked: checks.map(([who]) => who),
    equal: checks.length > 0 && !mismatch,
    ratio: pageS !== null && duckS !== null ? Number((pageS / duckS).toFixed(1)) : null,
    // Only for a run that analysed the file: a refusal's peak says nothing about the analysis.
    peakRendererMB: page.ok ? Math.round(page.peak.largest) : null,
    peakRenderersSumMB: page.ok ? Math.round(page.peak.sum) : null,
  };

  if (json) console.log(JSON.stringify(out));
  else {
    if (page.ok) {
      console.log(`page: ${page.summary}`);
      console.log('| step | median s | runs |\n| --- | --- | --- |');
      for (const k of ['preview', 'analysis', 'total']) console.log(`| ${k} | ${fmt(median(page.results.map((r) => r[k])))} | ${page.results.map((r) => fmt(r[k])).join(' · ')} |`);
      console.log(`page: ${out.page.rowsPerS.toLocaleString('en')} rows/s`);
      if (!duck && checks.length) console.log(`figures (page): as of ${page.figures.asOf}, members ${page.figures.members}, MAU ${page.figures.mau}, average DAU ${page.figures.avgDau}; equal to ${refName}: ${mismatch ? 'NO' : 'yes'}`);
    } else console.log(`page REFUSED the file${fileCount > 1 ? 's' : ''}: ${page.error}`);
    if (duck) {
      console.log(`DuckDB ${duck.version} (${duck.threads} thread${duck.threads > 1 ? 's' : ''}): ${duck.times.map((t) => fmt(t)).join(' · ')} s, median ${fmt(duckS)} s, ${out.duckdb.rowsPerS.toLocaleString('en')} rows/s`);
      const f = duck.figures;
      console.log(`figures (DuckDB): as of ${f.asOf}, members ${f.members}, MAU ${f.mau}, average DAU ${f.avgDau}; ${checks.length ? `equal to ${out.checked.join(' and ')}: ${mismatch ? 'NO' : 'yes'}` : 'not checked'}`);
    }
    console.log(`peak renderer memory (private, largest renderer): ${out.peakRendererMB ?? '–'} MB; all renderers together: ${out.peakRenderersSumMB ?? '–'} MB`);
    console.log('\n| rows | files | MB | page s | DuckDB s | ratio | peak renderer MB |\n| --- | --- | --- | --- | --- | --- | --- |');
    console.log(
      `| ${rows.toLocaleString('en')} | ${fileCount} | ${mb.toFixed(0)} | ${page.ok ? fmt(pageS, 1) : 'refused'} | ${duck ? fmt(duckS, 1) : '–'} | ${out.ratio === null ? '–' : `${out.ratio}×`} | ${out.peakRendererMB ?? '–'} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (mismatch) process.exitCode = 1;

/** The page's runs: pick the files, click 开始分析, wait for the results or the page's error. */
async function pageRuns(files) {
  // dist/ served as a host serves it (tests/serve.mjs), on a port the OS picks.
  const server = await serve({ port: 0 });
  const { port } = server.address();
  const sampler = memorySampler();
  const results = [];
  let summary = '';
  let figures = null;
  let error = null;
  // A 10M-row run takes minutes; a refusal shows at once and ends the wait.
  const timeout = Math.max(120_000, (rows / 1_000_000) * 60_000);
  try {
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      for (let run = 0; run < runs && error === null; run++) {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${port}/calculators/health-check/`);
        await page.locator('.health').scrollIntoViewIfNeeded();
        await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
        const go = page.getByRole('button', { name: '开始分析' });
        const alert = page.locator('.health [role="alert"]');
        sampler.start();
        const t0 = Date.now();
        await page.locator('.health input[type="file"]').setInputFiles(files);
        await go.or(alert).first().waitFor({ timeout });
        const t1 = Date.now();
        if (await alert.first().isVisible()) {
          error = (await alert.allInnerTexts()).join(' / ');
          sampler.stop();
          break;
        }
        // The page must guess 成员ID as the member column (an earlier guess took the repeating 群名称: 7 "members").
        if (!chat) {
          const guessed = await page.locator('#health-member option:checked').innerText();
          if (!guessed.includes('成员ID')) throw new Error(`the page guessed "${guessed}" as the member column, not 成员ID`);
        }
        const t1b = Date.now();
        await go.click();
        await page.getByTestId('health-heatmap').or(alert).first().waitFor({ timeout });
        const t2 = Date.now();
        sampler.stop();
        if (await alert.first().isVisible()) {
          error = (await alert.allInnerTexts()).join(' / ');
          break;
        }
        summary = await page.getByTestId('health-summary').innerText();
        figures = await pageFigures(page, summary);
        results.push({ preview: (t1 - t0) / 1000, analysis: (t2 - t1b) / 1000, total: (t1 - t0 + t2 - t1b) / 1000 });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    sampler.stop();
    server.close();
  }
  return { ok: error === null && results.length > 0, results, summary, figures, error, peak: sampler.peak };
}

/** Members, MAU and average DAU as the page shows them (zh-CN labels), and the as-of day of its summary line. */
async function pageFigures(page, summary) {
  const stats = Object.fromEntries(
    await page.locator('.health-results .calc-stat').evaluateAll((els) => els.map((e) => [e.querySelector('dt')?.textContent ?? '', e.querySelector('.calc-stat-value')?.textContent ?? ''])),
  );
  const num = (s) => (s === undefined ? null : Number(s.replace(/[^\d.]/g, '')));
  return {
    asOf: summary.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? null,
    members: num(stats['成员数']),
    mau: num(stats['月活跃成员（MAU）']),
    // Shown to one decimal: the other sides are rounded the same way before comparing.
    avgDau: num(stats['平均日活跃成员（DAU）']),
  };
}

/**
 * DuckDB on the same files: from opening the database to the summary rows in hand, each run a fresh
 * in-memory database. The warehouse mapping's `text` time type reads `YYYY-MM-DD…` by position, which
 * `2026/3/5 14:03` is not; so the load casts the column with strptime and the mapping reads it as a
 * `timestamp` at offset 0 — the day written in the file, as the page takes a time without a zone. The rows are
 * loaded into a table first (every row parsed, the date cast; the nickname and group columns are dropped, as the
 * page ignores them too): a view over read_csv, or read_csv's own timestampformat, measured the same within
 * this machine's noise (3.1–3.6 s each at 1M rows), and a table leaves no doubt that the whole file was read.
 */
async function duckRuns(files) {
  const list = `[${files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')}]`;
  const load = `CREATE TABLE ev AS SELECT "成员ID", strptime("互动时间", '%Y/%m/%d %H:%M') AS t FROM read_csv(${list}, header = true, columns = {'互动时间': 'VARCHAR', '成员ID': 'VARCHAR', '昵称': 'VARCHAR', '群名称': 'VARCHAR'})`;
  // No group: the page's generic CSV path reports everyone only, so DuckDB does the same work.
  const sql = lib.warehouseSql({ dialect: 'duckdb', table: 'ev', member: '成员ID', time: 't', timeType: 'timestamp', offsetMinutes: 0, inactiveDays });
  const times = [];
  let summary;
  let threads;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const instance = await DuckDBInstance.create(':memory:', duckThreads ? { threads: String(duckThreads) } : undefined);
    const con = await instance.connect();
    await con.run(load);
    const got = (await con.runAndReadAll(sql)).getRowObjectsJson();
    times.push((performance.now() - t0) / 1000);
    summary = got;
    threads ??= (await con.runAndReadAll(`SELECT current_setting('threads') AS n, version() AS v`)).getRowObjectsJson()[0];
    con.closeSync();
    instance.closeSync();
  }
  // BIGINTs come back as strings: read them as the page reads a summary file.
  const report = lib.parseSummary(JSON.stringify(summary));
  return { times, threads: Number(threads.n), version: threads.v, figures: { asOf: report.asOf, members: report.all.members, mau: report.all.mau, avgDau: round1(report.all.avgDau) } };
}

/** analyzeActivity on the same rows in Node (the events the page's collector makes of them). */
function nodeFigures() {
  const events = [];
  for (const { m, t } of benchRows(rows)) events.push({ member: memberId(m), date: writtenDay(t) });
  const r = lib.analyzeActivity(events, { inactiveDays });
  return { asOf: r.asOf, members: r.members, mau: r.mau, avgDau: round1(r.avgDau) };
}

function r3(x) {
  return Math.round(x * 1000) / 1000;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

/**
 * Memory of Chromium's renderer processes, sampled every 200 ms while the page works. A renderer is found as a
 * descendant of this Node process (Playwright spawns the browser) whose command line has --type=renderer; the
 * page and its dedicated worker live in one. Reported: private memory (Private_Clean + Private_Dirty of
 * /proc/PID/smaps_rollup, the USS) — what that renderer alone holds and closing the tab gives back: the file's
 * bytes, the decoded text, V8 heaps of page and worker. Rss would count the shared libraries and fonts in full,
 * Pss a share of them; neither grows with the file. `largest`: the peak of the largest renderer (the page's);
 * `sum`: the peak of all renderers together.
 */
function memorySampler() {
  const peak = { largest: 0, sum: 0 };
  let timer = null;
  const children = () => {
    const parent = new Map();
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended between the listing and the read.
      }
    }
    const tree = new Set([process.pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of parent) if (!tree.has(pid) && tree.has(ppid)) tree.add(pid), (grew = true);
    }
    return [...tree].filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
      } catch {
        return false;
      }
    });
  };
  const privateMb = (pid) => {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
      return (kb('Private_Clean') + kb('Private_Dirty')) / 1024;
    } catch {
      return 0;
    }
  };
  let renderers = [];
  let tick = 0;
  const sample = () => {
    // The process list changes rarely: look it up again once a second.
    if (tick++ % 5 === 0) renderers = children();
    const mbs = renderers.map(privateMb);
    peak.largest = Math.max(peak.largest, ...mbs);
    peak.sum = Math.max(peak.sum, mbs.reduce((a, b) => a + b, 0));
  };
  return {
    peak,
    start() {
      tick = 0;
      sample();
      timer ??= setInterval(sample, 200);
    },
    stop() {
      if (timer) sample();
      clearInterval(timer);
      timer = null;
    },
  };
}
