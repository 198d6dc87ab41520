import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { precacheManifest, shouldPrecache, writeServiceWorker } from '../../src/integrations/service-worker.mjs';

const runtimePath = 'src/sw/sw.js';

function site(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const [f, body] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), body);
  }
  return dir;
}
const files = {
  'index.html': '<h1>首页</h1>',
  'en/index.html': '<h1>Home</h1>',
  '404.html': 'nf',
  'en/404/index.html': 'nf',
  '_astro/app.abc.js': 'js',
  '_astro/site.def.css': 'css',
  'pagefind/pagefind.js': 'pf',
  'pagefind/pagefind-worker.js': 'w',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/pagefind.en_1.pf_meta': 'm',
  'pagefind/index/en_1.pf_index': 'i',
  'pagefind/fragment/en_1.pf_fragment': 'f',
  'pagefind/pagefind-ui.js': 'unused ui',
  'og.png': 'png',
  'sitemap-0.xml': 'xml',
  '_headers': 'h',
};

describe('precache list and version', () => {
  it('lists pages of both languages, assets and the search index, and nothing else', () => {
    const { urls } = precacheManifest(site(files), 'runtime');
    expect([...urls].sort()).toEqual(['/', '/404.html', '/_astro/app.abc.js', '/_astro/site.def.css', '/en/', '/en/404/', '/pagefind/fragment/en_1.pf_fragment', '/pagefind/index/en_1.pf_index', '/pagefind/pagefind-entry.json', '/pagefind/pagefind-worker.js', '/pagefind/pagefind.en_1.pf_meta', '/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']);
    expect(shouldPrecache('pagefind/pagefind-ui.js')).toBe(false);
    expect(shouldPrecache('og.png')).toBe(false);
    // The health check's sample export, so "try with sample data" works offline.
    expect(shouldPrecache('samples/health-check-sample.csv')).toBe(true);
  });

  it('keeps its version for the same build and changes it when any precached file or the runtime changes', () => {
    const a = precacheManifest(site(files), 'runtime').version;
    expect(precacheManifest(site(files), 'runtime').version).toBe(a);
    expect(precacheManifest(site({ ...files, 'en/index.html': '<h1>Home!</h1>' }), 'runtime').version).not.toBe(a);
    expect(precacheManifest(site({ ...files, 'pagefind/index/en_2.pf_index': 'j' }), 'runtime').version).not.toBe(a);
    expect(precacheManifest(site(files), 'runtime v2').version).not.toBe(a);
    // Files that are not precached do not force readers to download everything again.
    expect(precacheManifest(site({ ...files, 'og.png': 'new png' }), 'runtime').version).toBe(a);
  });
});

/** Runs the generated sw.js against in-memory caches and network, and returns its event handlers. */
function worker(dist: string, network: (url: string) => Response | Promise<Response>) {
  writeServiceWorker(dist, runtimePath);
  const stores = new Map<string, Map<string, Response>>();
  const key = (r: Request | string) => {
    const u = new URL(typeof r === 'string' ? r : r.url, 'https://site.test');
    return u.pathname;
  };
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const s = stores.get(name)!;
    return {
      addAll: async (reqs: Request[]) => {
        for (const r of reqs) s.set(key(r), await network(r.url));
      },
      put: async (r: Request | string, res: Response) => void s.set(key(r), res),
      match: async (r: Request | string) => s.get(key(r))?.clone(),
    };
  };
  const caches = { open, keys: async () => [...stores.keys()], delete: async (n: string) => stores.delete(n) };
  const handlers: Record<string, (e: unknown) => void> = {};
  const self = {
    location: new URL('https://site.test/sw.js'),
    addEventListener: (type: string, fn: (e: unknown) => void) => (handlers[type] = fn),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  const fetch = async (r: Request | string) => network(typeof r === 'string' ? new URL(r, 'https://site.test').href : r.url);
  runInNewContext(readFileSync(join(dist, 'sw.js'), 'utf8'), { self, caches, fetch, Request: class extends Request { constructor(u: string, i?: RequestInit) { super(new URL(u, 'https://site.test'), i); } }, Response, URL, Set, Promise });
  const waitUntil = async (type: string, extra = {}) => {
    let done: Promise<unknown> = Promise.resolve();
    handlers[type]!({ waitUntil: (p: Promise<unknown>) => (done = p), ...extra });
    await done;
  };
  const fetchEvent = async (url: string, mode = 'no-cors') => {
    let out: Promise<Response> | undefined;
    const pending: Promise<unknown>[] = [];
    handlers.fetch!({ request: { url, method: 'GET', mode }, respondWith: (p: Promise<Response>) => (out = p), waitUntil: (p: Promise<unknown>) => pending.push(p) });
    const response = await out;
    await Promise.all(pending);
    return response;
  };
  return { stores, waitUntil, fetchEvent };
}

describe('service worker runtime', () => {
  it('precaches into a cache named by version and deletes only earlier builds’ caches on activate', async () => {
    const dist = site(files);
    const sw = worker(dist, (url) => new Response(`net ${new URL(url).pathname}`));
    const version = /const VERSION = "([^"]+)"/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))![1];
    sw.stores.set('playbook-oldbuild', new Map());
    sw.stores.set('someone-else', new Map());
    await sw.waitUntil('install');
    expect(sw.stores.get(`playbook-${version}`)!.size).toBe(13);
    await sw.waitUntil('activate');
    expect([...sw.stores.keys()].sort()).toEqual([`playbook-${version}`, 'someone-else']);
  });

  it('serves pages from the network when online and from the cache (or its 404 page) offline', async () => {
    let online = true;
    const dist = site(files);
    const sw = worker(dist, (url) => (online ? new Response(`net ${new URL(url).pathname}`) : Promise.reject(new TypeError('offline'))));
    await sw.waitUntil('install');
    await sw.waitUntil('activate');
    expect(await (await sw.fetchEvent('https://site.test/en/', 'navigate'))!.text()).toBe('net /en/');
    online = false;
    expect(await (await sw.fetchEvent('https://site.test/en/', 'navigate'))!.text()).toBe('net /en/');
    expect(await (await sw.fetchEvent('https://site.test/en', 'navigate'))!.text()).toBe('net /en/');
    const missing = (await sw.fetchEvent('https://site.test/en/nope/', 'navigate'))!;
    expect([missing.status, await missing.text()]).toEqual([404, 'net /en/404/']);
    // Assets and Pagefind (whose entry request carries a cache-busting query) come from the cache.
    expect(await (await sw.fetchEvent('https://site.test/pagefind/pagefind-entry.json?ts=123'))!.text()).toBe('net /pagefind/pagefind-entry.json');
    // Other origins are never intercepted.
    expect(await sw.fetchEvent('https://elsewhere.test/x.js')).toBeUndefined();
  });
});
