#!/usr/bin/env node
// Link check of the built site: every internal href/src in dist/**/*.html must name a file that exists,
// and every #fragment must name an id on the target page. Exits 1 and lists the broken links otherwise.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const pages = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.html')) pages.push(full);
  }
};
walk(dist);

const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const html = readFileSync(file, 'utf8');
    ids.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeHtml(m[1]))));
  }
  return ids.get(file);
};
const decodeHtml = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The file a URL path is served from, as a static host would resolve it. */
function target(pathname) {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html'), join(dist, `${clean}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const broken = [];
let checked = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  const here = '/' + relative(dist, page).split(sep).join('/').replace(/index\.html$/, '');
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const raw = decodeHtml(m[1]);
    if (/^(https?:|mailto:|tel:|data:|blob:|javascript:)/.test(raw) || raw.startsWith('//')) continue;
    const url = new URL(raw, `http://site${here}`);
    checked++;
    const file = target(url.pathname);
    if (!file) {
      broken.push(`${here}: ${raw} (no such page or file)`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) broken.push(`${here}: ${raw} (no element with id "${fragment}")`);
  }
}

if (broken.length) {
  console.error(`✗ ${broken.length} broken internal links:\n  ${[...new Set(broken)].join('\n  ')}`);
  process.exit(1);
}
console.log(`✓ ${checked} internal links and anchors in ${pages.length} pages all resolve`);
