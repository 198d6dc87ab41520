#!/usr/bin/env node
// Scale check (`npm run bench:build`): builds the site as it is (1×) and with every handbook chapter copied
// nine more times in both languages (10× chapters), into a temporary output folder, and reports the build
// time per page, so we know the cost grows linearly. The copies are written next to the chapters as
// `*-scale-copy-N.mdx` (Astro cannot build a copy of the project that links to this node_modules) and are
// always removed afterwards, also when a previous run was interrupted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs = ['src/content/docs/handbook', 'src/content/docs/en/handbook'];
const cleanup = () => {
  for (const dir of dirs) for (const f of readdirSync(dir)) if (f.includes('-scale-copy-')) rmSync(join(dir, f));
};

function build(multiplier) {
  cleanup();
  for (const dir of dirs) {
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (let i = 2; i <= multiplier; i++) {
        writeFileSync(join(dir, file.replace('.mdx', `-scale-copy-${i}.mdx`)), text.replace(/^title: (.*)$/m, (_, t) => `title: "${t.replace(/"/g, '')} (${i})"`));
      }
    }
  }
  const out = mkdtempSync(join(tmpdir(), `playbook-scale-${multiplier}x-`));
  const t0 = Date.now();
  const run = spawnSync('astro', ['build', '--outDir', out], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const seconds = (Date.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(run.stdout + run.stderr);
  const pages = Number(/(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? 0);
  return { multiplier, pages, seconds, perPage: (seconds * 1000) / pages };
}

let rows;
try {
  rows = [build(1), build(10)];
} finally {
  cleanup();
}
console.log('| chapters | pages | build s | ms per page |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.multiplier}× | ${r.pages} | ${r.seconds.toFixed(1)} | ${r.perPage.toFixed(0)} |`);
console.log(`per-page cost at 10× is ${(rows[1].perPage / rows[0].perPage).toFixed(2)}× the cost at 1× (linear growth keeps this near 1 or below)`);
