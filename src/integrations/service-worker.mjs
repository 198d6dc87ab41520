// @ts-check
// Writes dist/sw.js after the build (and after Pagefind has indexed it): the runtime in src/sw/sw.js,
// preceded by this build's version and the list of files to precache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * What a reader needs offline: every page in both languages, the CSS/JS under /_astro/, and what
 * Pagefind loads to search (its script, worker, WASM, metadata, index and result fragments), and the
 * health check's sample export (its "try with sample data" button works offline too). Not
 * precached: Pagefind's own UI bundles (our search dialog uses only its JS API), social images, sitemap, robots.txt.
 * @param {string} file path relative to dist, with forward slashes
 */
export function shouldPrecache(file) {
  if (file.endsWith('index.html') || file === '404.html') return true;
  if (file.startsWith('_astro/')) return true;
  if (file.startsWith('pagefind/')) return /^pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[^/]+\.pagefind|[^/]+\.pf_meta|index\/.+|fragment\/.+)$/.test(file);
  if (file.startsWith('samples/')) return true;
  return ['favicon.svg', 'manifest.webmanifest', 'icon-512.png'].includes(file);
}

/** @param {string} file */
const toUrl = (file) => '/' + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);

/**
 * The precache list and a version that changes whenever any precached file (or the runtime) changes.
 * @param {string} dist @param {string} runtime the service worker runtime source
 */
export function precacheManifest(dist, runtime) {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative(dist, full).split(sep).join('/'));
    }
  };
  walk(dist);
  const kept = files.filter(shouldPrecache).sort();
  const hash = createHash('sha256').update(runtime);
  let bytes = 0;
  for (const f of kept) {
    const body = readFileSync(join(dist, f));
    bytes += body.length;
    hash.update(`${f}\0`).update(body);
  }
  return { version: hash.digest('hex').slice(0, 12), urls: kept.map(toUrl), bytes };
}

/** @param {string} dist @param {string} runtimePath */
export function writeServiceWorker(dist, runtimePath) {
  const runtime = readFileSync(runtimePath, 'utf8');
  const { version, urls, bytes } = precacheManifest(dist, runtime);
  writeFileSync(join(dist, 'sw.js'), `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(urls)};\n${runtime}`);
  return { version, count: urls.length, bytes };
}
