import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { builtPages } from './helpers';
import { ui } from '../../src/i18n';

/**
 * Readers never need to know how the repository is laid out: no page or UI string names a source folder
 * or a source file (`scripts/…`, `src/…`, `*.mjs`). Checked on the built HTML's text (tags, scripts and
 * styles removed, so links and asset URLs do not count) and on both UI string tables, which islands render
 * after hydration.
 */
const REPO_PATH = /(?:^|[\s(（`'"“])(?:\.{0,2}\/)?(?:scripts|src|tests|public|node_modules)\/[\w./-]+|\b[\w-]+\.(?:mjs|cjs|tsx?|astro|mdx)\b/;

function readerText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[#\w]+;/g, ' ');
}

test('no built page names a repository path in its text', () => {
  const found: string[] = [];
  for (const path of [...builtPages(), '/404']) {
    const file = path === '/404' ? 'dist/404.html' : join('dist', path, 'index.html');
    const text = readerText(readFileSync(file, 'utf8'));
    const m = REPO_PATH.exec(text);
    if (m) found.push(`${path}: …${text.slice(Math.max(0, m.index - 40), m.index + 60).replace(/\s+/g, ' ')}…`);
  }
  expect(found).toEqual([]);
});

test('no UI string names a repository path', () => {
  const leaves = (v: unknown): string[] => (typeof v === 'string' ? [v] : typeof v === 'object' && v !== null ? Object.values(v).flatMap(leaves) : []);
  for (const locale of ['zh-CN', 'en'] as const) for (const s of leaves(ui[locale])) expect(s, s).not.toMatch(REPO_PATH);
});

test('the repository-path check catches what the health-check page used to say', () => {
  expect('由仓库里的脚本生成（`scripts/generate-health-sample.mjs`）').toMatch(REPO_PATH);
  expect(readerText('<p>a script (<code>scripts/generate-health-sample.mjs</code>)</p>')).toMatch(REPO_PATH);
  expect(readerText('<a href="/samples/health-check-sample.csv" download>download the sample</a>')).not.toMatch(REPO_PATH);
});
