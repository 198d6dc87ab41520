import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { pageMetaSchema } from './content/page-meta';
import { glossaryEntrySchema } from './content/glossary-schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageMetaSchema }) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  glossary: defineCollection({ loader: file('src/data/glossary.json'), schema: glossaryEntrySchema }),
};
