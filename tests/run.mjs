#!/usr/bin/env node
// `npm test`: type check, unit tests with coverage, production build, then browser tests and Lighthouse
// against the built site. Each step's wall time is printed, and the last line counts every test that ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
mkdirSync('reports', { recursive: true });
for (const f of ['reports/vitest.json', 'reports/playwright.json']) rmSync(f, { force: true });

// The originality check needs the source plans, which live beside the repository (../shared), not in it.
const originality = '../shared/tools/originality.mjs';
const steps = [
  ...(existsSync(originality) ? [['originality', 'node', [originality, 'src']]] : []),
  ['type check', 'astro', ['check']],
  ['unit tests', 'vitest', ['run', '--coverage', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['build', 'astro', ['build']],
  ['link check', 'node', ['tests/check-links.mjs']],
  ['page weights', 'node', ['tests/check-weights.mjs']],
  ['browser tests', 'playwright', ['test']],
  // The four most important pages, mobile and desktop (`npm run audit` covers every template).
  ['lighthouse', 'node', ['tests/audit.mjs', '--quick']],
];

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

if (!existsSync(originality)) console.log(`(originality check not run: ${originality} is not beside this checkout)`);
let failedStep;
const times = [];
for (const [name, bin, args] of steps) {
  console.log(`\n▶ ${name}: ${bin} ${args.join(' ')}`);
  const t0 = Date.now();
  // npm puts node_modules/.bin first on PATH, so these run under the pinned Node 24.
  const { status } = spawnSync(bin, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  times.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (status !== 0) {
    failedStep = name;
    break;
  }
}

const vitest = readJson('reports/vitest.json');
const pw = readJson('reports/playwright.json');
const passed = (vitest?.numPassedTests ?? 0) + (pw?.stats?.expected ?? 0) + (pw?.stats?.flaky ?? 0);
// A step that fails without a failing test (type errors, a broken build) still counts as one failure.
const failed = (vitest?.numFailedTests ?? 0) + (pw?.stats?.unexpected ?? 0) || (failedStep ? 1 : 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (pw?.stats?.skipped ?? 0);

console.log(`\n${times.join(' · ')}`);
if (failedStep) console.log(`✗ ${failedStep} failed`);
if (skipped > 0) console.log(`✗ ${skipped} tests were skipped; this project allows none`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 || skipped > 0 ? 1 : 0);
