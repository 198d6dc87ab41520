#!/usr/bin/env node
// Page-weight budgets on the build output: for one page of each template, the gzip size of its HTML, the
// CSS it links and the JavaScript it loads up front (module scripts and their static imports; islands'
// chunks and Chart.js, which load on visibility, are counted for calculator pages). Fails when a budget is
// exceeded and prints the table that README.md quotes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const KB = 1024;
/**
 * Budgets in KB (gzip). The JS budgets match the targets of issue #9: prose ≤ 6 KB, calculators ≤ 100 KB.
 * Every page's HTML repeats the whole sidebar, so HTML grows with each page the site gains: the home and
 * health-check budgets were raised by 3–4 KB when seven chapters, the rulebook and the experiment page
 * joined the sidebar (home 11.2 → 12.1 KB); the JS budgets are unchanged. The health check's HTML went to
 * 27 KB when it learned many files, staff ticks, roster changes and four chat views: its island's strings
 * (both the table and the "how it was computed" text, about 9 KB gzip) travel as props in the page.
 * The plan builder's JS budget is 104 KB since issue #18 chained the workload and KOC planners into every plan
 * (their modules 1.6 KB, their form and lines in PlanBuilder about 1 KB); Chart.js's line and bar parts are
 * 57.5 KB of the 102.6 KB it measured then.
 */
const templates = [
  { name: 'home', path: '/', budget: { html: 15, css: 20, js: 6 } },
  { name: 'chapter', path: '/handbook/metrics/', budget: { html: 30, css: 20, js: 6 } },
  { name: 'glossary', path: '/reference/glossary/', budget: { html: 40, css: 20, js: 6 } },
  { name: 'calculator', path: '/calculators/ltv-cac/', budget: { html: 20, css: 24, js: 100 } },
  { name: 'health check', path: '/calculators/health-check/', budget: { html: 27, css: 24, js: 60 } },
  // The warehouse page: the SQL writer (Preact + the warehouse library + zod/mini), no Chart.js.
  { name: 'warehouse', path: '/calculators/warehouse/', budget: { html: 24, css: 24, js: 40 } },
  { name: 'experiment', path: '/calculators/experiment/', budget: { html: 20, css: 24, js: 100 } },
  // The staffing page (the 'calculator' template's budgets) carries the workload check since issue #18: the
  // workload strings travel as props and its figures component is shared with the workload page.
  { name: 'staffing', path: '/calculators/staffing/', budget: { html: 20, css: 24, js: 100 } },
  { name: 'workload', path: '/calculators/workload/', budget: { html: 20, css: 24, js: 100 } },
  { name: 'koc', path: '/calculators/koc/', budget: { html: 20, css: 24, js: 100 } },
  { name: 'plan builder', path: '/calculators/plan/', budget: { html: 30, css: 24, js: 104 } },
  { name: 'self-check', path: '/training/self-checks/metrics/', budget: { html: 30, css: 24, js: 40 } },
  { name: 'onboarding', path: '/training/onboarding/', budget: { html: 40, css: 24, js: 40 } },
  { name: 'cohort', path: '/training/cohort/', budget: { html: 30, css: 24, js: 100 } },
];

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const file = (url) => join(dist, url.replace(/^\//, ''));

/** A JS module and everything it imports statically or dynamically, each file once. */
function jsGraph(entry, seen = new Set()) {
  if (seen.has(entry) || !existsSync(file(entry))) return seen;
  seen.add(entry);
  const src = readFileSync(file(entry), 'utf8');
  const dir = entry.slice(0, entry.lastIndexOf('/') + 1);
  for (const m of src.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) jsGraph(new URL(m[1], `http://x${dir}`).pathname, seen);
  return seen;
}

let failed = false;
const rows = [];
for (const t of templates) {
  const html = readFileSync(file(t.path.endsWith('/') ? `${t.path}index.html` : t.path));
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const scripts = new Set();
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) jsGraph(m[1], scripts);
  // Astro islands: the renderer and component URLs are attributes of <astro-island>.
  for (const m of text.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) jsGraph(m[1], scripts);
  // The search dialog's code and Pagefind are fetched only when the reader reaches for search (see the Search
  // override), Papa Parse only
  // when they export a CSV, and @preact/signals only for an island given signal props (ours never are:
  // Astro's Preact client imports it dynamically); none is part of loading the page.
  const upFront = [...scripts].filter((s) => !/search-dialog|pagefind|papaparse|signals\.module/.test(s));
  const size = {
    html: gz(html),
    css: css.reduce((n, c) => n + gz(readFileSync(file(c))), 0),
    js: upFront.reduce((n, s) => n + gz(readFileSync(file(s))), 0),
  };
  const over = Object.entries(size).filter(([k, v]) => v > t.budget[k] * KB);
  if (over.length) failed = true;
  rows.push(`| ${t.name} | ${(size.html / KB).toFixed(1)} / ${t.budget.html} | ${(size.css / KB).toFixed(1)} / ${t.budget.css} | ${(size.js / KB).toFixed(1)} / ${t.budget.js} | ${((size.html + size.css + size.js) / KB).toFixed(1)} | ${over.length ? `✗ ${over.map(([k]) => k).join(', ')}` : '✓'} |`);
}
console.log('| template | HTML KB (gzip) / budget | CSS KB / budget | JS KB / budget | total KB | |\n| --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
if (failed) {
  console.error('✗ a page-weight budget is exceeded');
  process.exit(1);
}
