// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import { focusableTables, taskListLabels } from './src/plugins/accessible-markdown.mjs';
import { glossaryLinks } from './src/plugins/glossary-links.mjs';
import { quality } from './src/integrations/quality.mjs';

/**
 * read-excel-file (the health check's .xlsx reader) gets fflate with a synchronous `unzip`: fflate's own
 * starts `blob:` workers that the CSP refuses. Why in src/components/health/fflate-sync.ts.
 * @type {import('vite').Plugin}
 */
const syncUnzip = {
  name: 'playbook:sync-unzip-for-read-excel-file',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'fflate' && importer?.includes('/read-excel-file/')) return fileURLToPath(new URL('./src/components/health/fflate-sync.ts', import.meta.url));
    return null;
  },
};

/**
 * A sidebar group, labelled in Chinese at the root and in English under /en/.
 * @param {string} zh @param {string} en @param {string} directory
 */
const group = (zh, en, directory) => ({
  label: zh,
  translations: { en },
  // Starlight rejects a labelled autogenerate group, so the autogenerate sits one level down.
  items: [{ autogenerate: { directory } }],
});

/**
 * Where the site is published: canonical links, Open Graph URLs, the sitemap and robots.txt use it.
 * Set SITE_URL when building for a real host; the default is a reserved example domain.
 */
const site = process.env.SITE_URL ?? 'https://playbook.example.com';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Strict CSP: Astro hashes what it bundles; src/integrations/csp.mjs adds Starlight's is:inline scripts
  // and moves inline style attributes into a stylesheet (README, "Content-Security-Policy").
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // CSS masks and icons use data: SVGs.
        "img-src 'self' data:",
        // Pagefind's worker, and same-origin module workers built by Vite.
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search engine at run time.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Code blocks are Expressive Code's (Starlight); Astro's own Shiki pass would only add inline styles.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [taskListLabels, focusableTables, glossaryLinks] }) },
  integrations: [
    starlight({
      title: { 'zh-CN': '社群运营手册', en: 'Community Operations Playbook' },
      description: '面向品牌社群运营团队的方法手册与规划工具',
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      favicon: '/favicon.svg',
      head: [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#0f6e5c' } },
        { tag: 'meta', attrs: { property: 'og:image', content: new URL('/og.png', site).href } },
      ],
      sidebar: [
        group('手册', 'Handbook', 'handbook'),
        group('计算器', 'Calculators', 'calculators'),
        {
          label: '培训',
          translations: { en: 'Training' },
          items: [
            'training/onboarding',
            'training/self-checks',
            'training/trainer-guide',
            'training/cohort',
            { label: '各章自测', translations: { en: 'Self-checks by chapter' }, collapsed: true, items: [{ autogenerate: { directory: 'training/self-checks' } }] },
            { label: '演练', translations: { en: 'Drills' }, items: [{ autogenerate: { directory: 'training/drills' } }] },
          ],
        },
        group('附录', 'Reference', 'reference'),
      ],
      components: {
        Search: './src/components/overrides/Search.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
      },
      routeMiddleware: './src/route-data.ts',
      customCss: ['./src/styles/site.css'],
      // Templates are prose: wrap long lines instead of scrolling sideways.
      expressiveCode: { defaultProps: { wrap: true } },
    }),
    preact(),
    quality(),
  ],
  vite: {
    plugins: [syncUnzip],
    // The health check's worker loads the .xlsx reader only for workbooks, as its own chunk: ES-module
    // workers can import(); Vite's default (iife) cannot split.
    worker: { format: 'es', plugins: () => [syncUnzip] },
  },
});
