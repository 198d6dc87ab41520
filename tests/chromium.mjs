// @ts-check
// Which browser every tool here drives, and how: Debian's Chromium (or the one CHROMIUM_PATH names), since
// no test tool may download its own. Without the background-networking flags Chromium keeps trying to
// reach Google's services, which this machine's closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Launch options for Playwright's `chromium.launch`. */
export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
