import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = 'src/content/docs';
function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? pages(full) : /\.mdx?$/.test(name) ? [relative(root, full).split(sep).join('/')] : [];
  });
}
const all = pages(root);
const zh = all.filter((p) => !p.startsWith('en/')).sort();
const en = all.filter((p) => p.startsWith('en/')).map((p) => p.slice(3)).sort();

describe('both editions are complete', () => {
  it('every Chinese page has an English page with the same file name, and the reverse', () => {
    expect(en.filter((p) => !zh.includes(p)), 'English pages with no Chinese original').toEqual([]);
    expect(zh.filter((p) => !en.includes(p)), 'Chinese pages with no English translation').toEqual([]);
  });
  it('pairs share the same sidebar position', () => {
    const order = (file: string) => /sidebar:\s*\{[^}]*order:\s*(\d+)/.exec(readFileSync(join(root, file), 'utf8'))?.[1] ?? null;
    for (const p of zh) expect(order(`en/${p}`), p).toBe(order(p));
  });
});
