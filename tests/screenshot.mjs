#!/usr/bin/env node
// Screenshots of the built site for eyes and for the README: `npm run screenshot -- /path/ [/other/ …]`.
// Serves dist/ as a host would (tests/serve.mjs) on a free port, drives Debian's Chromium, writes PNGs to reports/shots/.
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { chromiumLaunchOptions } from './chromium.mjs';
import { mkdirSync } from 'node:fs';

const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const dark = process.argv.includes('--dark');
const width = Number(process.argv.find((a) => a.startsWith('--width='))?.slice(8) ?? 1280);
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'reports/shots';
// dist/ served as a host serves it (tests/serve.mjs), on a port the OS picks.
const server = await serve({ port: 0 });
const { port } = server.address();
try {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  mkdirSync(out, { recursive: true });
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
    const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}${dark ? '-dark' : ''}-${width}.png`;
    await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
    console.log(file);
  }
  await browser.close();
} finally {
  server.close();
}
