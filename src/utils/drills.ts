import { getCollection } from 'astro:content';

/**
 * The crisis drills of one language, as the onboarding path lists them for the trainer's sign-off: each
 * drill's file name (its id in the progress file) and title, in file-name order.
 */
export async function drillPages(lang: 'zh-CN' | 'en'): Promise<{ id: string; title: string }[]> {
  const folder = `${lang === 'zh-CN' ? '' : 'en/'}training/drills/`;
  return (await getCollection('docs'))
    .filter((d) => d.id.startsWith(folder))
    .map((d) => ({ id: d.id.slice(folder.length), title: d.data.title }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
