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

/**
 * Opens the search dialog the way a reader does (click), types the query key by key, waits until every
 * result has loaded, and returns the paths of all results, pressing "load more" until there is none.
 */
export async function search(page: Page, query: string): Promise<string[]> {
  await page.getByRole('button', { name: /搜索|Search/ }).first().click();
  const input = page.locator('#starlight__search input[type="text"], #starlight__search input[type="search"]').first();
  await input.waitFor({ state: 'visible' });
  await input.pressSequentially(query);
  const root = page.locator('#starlight__search');
  // The message first says "searching…", then the count of results (or none).
  await page.waitForFunction(
    (q) => {
      const msg = document.querySelector('#starlight__search .pagefind-ui__message')?.textContent ?? '';
      return msg.includes(q) && !/searching|正在搜索/i.test(msg);
    },
    query,
  );
  const settled = async () =>
    page.waitForFunction(() => {
      const results = document.querySelectorAll('#starlight__search .pagefind-ui__result');
      return [...results].every((r) => r.querySelector('.pagefind-ui__result-link'));
    });
  await settled();
  const more = root.locator('.pagefind-ui__button');
  while (await more.isVisible()) {
    await more.click();
    await settled();
  }
  return root.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
