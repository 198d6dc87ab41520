import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageMetaSchema } from '../../src/content/page-meta';
import { readingMinutes } from '../../src/utils/reading-time';

const good = { lastReviewed: '2026-11-23', owner: '社群运营负责人', audience: ['operator'] };

describe('page frontmatter schema', () => {
  it('accepts a complete frontmatter and turns the review date into a Date', () => {
    const meta = pageMetaSchema.parse(good);
    expect(meta.lastReviewed.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it.each([
    ['lastReviewed', { ...good, lastReviewed: 'soon' }],
    ['lastReviewed', { ...good, lastReviewed: undefined }],
    ['owner', { ...good, owner: '' }],
    ['owner', { ...good, owner: undefined }],
    ['audience', { ...good, audience: [] }],
    ['audience.0', { ...good, audience: ['boss'] }],
  ])('names the field %s when it is wrong', (path, data) => {
    const result = pageMetaSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});

describe('readingMinutes', () => {
  it.each([
    ['', 1],
    ['字'.repeat(2000), 5],
    ['字'.repeat(2000) + ' word'.repeat(110), 6], // 5 + 0.5 rounds up
    ['word '.repeat(1100), 5],
    // Markup, imports and code are not read by a person.
    ["import { Aside } from '@astrojs/starlight/components';\n" + '<Aside type="tip">' + '字'.repeat(800) + '</Aside>\n```js\n' + 'x '.repeat(5000) + '\n```', 2],
  ])('estimates %#', (source, minutes) => {
    expect(readingMinutes(source)).toBe(minutes);
  });
});

describe('a chapter with a bad frontmatter', () => {
  it('fails the content sync with a message naming the file and each bad field', () => {
    const root = resolve('.');
    const dir = mkdtempSync(join(tmpdir(), 'playbook-schema-'));
    try {
      for (const f of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
        cpSync(join(root, f), join(dir, f), { recursive: true });
      }
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(
        join(dir, 'src/content/docs/handbook/broken-chapter.mdx'),
        '---\ntitle: 坏章节\ndescription: 用来验证构建会拒绝错误的 frontmatter。\nlastReviewed: someday\nowner: 社群运营负责人\naudience: [boss]\n---\n\n正文。\n',
      );
      const run = spawnSync('astro', ['sync'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      const output = run.stdout + run.stderr;
      expect(run.status).not.toBe(0);
      expect(output).toContain('handbook/broken-chapter');
      expect(output).toMatch(/lastReviewed/);
      expect(output).toMatch(/audience\.0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
