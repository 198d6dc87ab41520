import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * Starlight renders an untranslated page under the other locale as a "fallback" with that locale's
 * `lang` but the original text. Such pages must not enter the other language's search index.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.isFallback) route.entry.data.pagefind = false;
});
