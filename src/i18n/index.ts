import type { Locale } from '../lib/format';
import { en } from './en';
import { zhCN, type UiStrings } from './zh-CN';

export type { UiStrings };
export const ui: Record<Locale, UiStrings> = { 'zh-CN': zhCN, en };

export { fill } from './fill';

/** The page's locale from Starlight's `lang` (zh-CN at the root, en under /en/). */
export const localeOf = (lang: string): Locale => (lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** The sections of the table one calculator island needs, handed to it as props by its page. */
export type CalcSection = Exclude<keyof UiStrings, 'common'>;
export function calcStrings<K extends CalcSection>(locale: Locale, ...sections: K[]) {
  const table = ui[locale];
  return { common: table.common, ...Object.fromEntries(sections.map((k) => [k, table[k]])) } as Pick<UiStrings, 'common' | K>;
}
