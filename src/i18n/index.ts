import type { Locale } from '../lib/format';
import { en } from './en';
import { zhCN, type UiStrings } from './zh-CN';

export type { UiStrings };
export const ui: Record<Locale, UiStrings> = { 'zh-CN': zhCN, en };

/** Fills `{name}` placeholders: `fill('共 {n} 项', { n: '3' })` → `共 3 项`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The page's locale from Starlight's `lang` (zh-CN at the root, en under /en/). */
export const localeOf = (lang: string): Locale => (lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
