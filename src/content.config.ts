import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pageMetaSchema } from './content/page-meta';
import { glossaryEntrySchema } from './content/glossary-schema';

// No `i18n` collection: the site's UI strings live in src/i18n tables, and Starlight's own built-in
// translations cover its chrome in both languages.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageMetaSchema }) }),
  glossary: defineCollection({ loader: file('src/data/glossary.json'), schema: glossaryEntrySchema }),
};
