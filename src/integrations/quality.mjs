// @ts-check
import { fileURLToPath } from 'node:url';
import { completeCsp } from './csp.mjs';
import { writeServiceWorker } from './service-worker.mjs';

/**
 * Post-build steps of issue #9. They must see the final dist/, Pagefind's index included, so the real
 * integration is added from astro:config:setup: integrations added there run after Starlight's own
 * (Pagefind, sitemap), which Starlight adds the same way.
 * @returns {import('astro').AstroIntegration}
 */
export function quality() {
  /** @type {import('astro').AstroIntegration} */
  const late = {
    name: 'playbook:post-build',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const csp = completeCsp(dist);
        logger.info(`CSP: ${csp.rules} inline style declarations moved to ${csp.cssName}; one policy on every page and in _headers`);
        const sw = writeServiceWorker(dist, fileURLToPath(new URL('../sw/sw.js', import.meta.url)));
        logger.info(`sw.js: version ${sw.version}, ${sw.count} files (${(sw.bytes / 1024 / 1024).toFixed(1)} MB uncompressed) precached`);
      },
    },
  };
  return {
    name: 'playbook:quality',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [late] });
      },
    },
  };
}
