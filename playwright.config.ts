import { defineConfig, devices } from '@playwright/test';
import { createServer } from 'node:net';
import { chromiumLaunchOptions } from './tests/chromium.mjs';

/** A port the OS says is free; kept in the environment so every worker talks to the same server. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
process.env.PW_PORT ??= String(await freePort());
const port = Number(process.env.PW_PORT);

// No test tool may download its own browser here: drive Debian's Chromium (tests/chromium.mjs).
const chromium = chromiumLaunchOptions;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Browser tests mostly wait (network idle, hydration); three workers keep two cores busy.
  workers: 3,
  retries: 0,
  forbidOnly: true,
  // Two minutes a test (six when slow-marked): on two cores shared by three workers, a test that walks several
  // calculator pages or types key by key took 55–65 s in CI, where the default minute made it fail at random.
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: 'retain-on-failure',
    // The production build registers a service worker; only offline.spec.ts lets it in, so no other test
    // is served from a cache of an earlier run.
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
  webServer: {
    // The built site, exactly as a static host would serve it.
    command: `astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // Two minutes a test (six when slow-marked): on two cores shared by three workers, a test that walks several
  // calculator pages or types key by key took 55–65 s in CI, where the default minute made it fail at random.
  timeout: 120_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
