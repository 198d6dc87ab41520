import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';

/** Every HTML page of the built site, as the URL path a reader would open (404 excluded). */
export function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name === 'index.html') {
        const rel = relative(dir, d).split(sep).join('/');
        pages.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dir);
  return pages.sort();
}

/** Resolves once no Astro island is still waiting to hydrate. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

/** Opens the search dialog the way a reader does (click) and types the query key by key. */
export async function search(page: Page, query: string) {
  await page.getByRole('button', { name: /搜索|Search/ }).first().click();
  const input = page.locator('#starlight__search input[type="text"], #starlight__search input[type="search"]').first();
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially(query, { delay: 20 });
  const results = page.locator('#starlight__search .pagefind-ui__result');
  await page.locator('#starlight__search .pagefind-ui__message').filter({ hasText: query }).waitFor();
  return results;
}
