import { test as base, expect } from '@playwright/test';

/**
 * Every browser test also watches for Content-Security-Policy violations: an init script forwards each
 * `securitypolicyviolation` event of any page in the test's context, and the test fails if there was one.
 * (A blocked inline script or style attribute usually fails silently on screen, so the event is the signal.)
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__cspViolation', ({ page }, v: string) => void violations.push(`${page ? new URL(page.url()).pathname : '?'}: ${v}`));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation;
          report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
        });
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
