#!/usr/bin/env node
// A static server for dist/ that behaves like the hosts in README.md ("Deploying"): gzip for text, the
// headers of dist/_headers (CSP, security headers, caching), 404 pages per language. `astro preview` does
// none of the first two, and Lighthouse should measure the site as readers get it.
// Usage: node tests/serve.mjs [port] [dir]   (also importable: serve({ port, dir }))
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pagefind': 'application/wasm',
};

/** `_headers` as [pattern, {name: value}] pairs; `/*` and `/dir/*` patterns, as Netlify reads them. */
function readHeaders(dir) {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else {
      const at = line.indexOf(':');
      rules.at(-1)[1][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
const matches = (pattern, path) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

export function serve({ port = 4400, dir = 'dist', host = '127.0.0.1' } = {}) {
  const rules = readHeaders(dir);
  // Compressed once per file, as a CDN would: compressing on every request would compete with the
  // browser under test for the same two cores.
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return res.writeHead(400).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return res.writeHead(301, { Location: `${path}/` }).end();
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = path.startsWith('/en/') ? join(dir, 'en/404/index.html') : join(dir, '404.html');
    }
    let body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type };
    for (const [pattern, values] of rules) if (matches(pattern, path)) Object.assign(headers, values);
    if (/text|javascript|json|xml|svg|wasm/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body));
      body = gzipped.get(file);
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.argv[2] ?? 4400);
  await serve({ port, dir: process.argv[3] ?? 'dist' });
  console.log(`serving ${process.argv[3] ?? 'dist'} on http://127.0.0.1:${port}/`);
}
