/**
 * The UI strings an island uses, in the browser. Islands do not import the translation tables (that would
 * ship both languages to every reader); their page passes the sections it needs as a prop (`calcStrings`
 * in `src/i18n`), and the island hands them over here before rendering, so the shared parts can look them
 * up by locale. Strings are constant per locale, so islands of one page can only ever add sections.
 */
import type { Locale } from '../../lib/format';
import type { UiStrings } from '../../i18n/zh-CN';

export type CalcStrings = Partial<UiStrings> & Pick<UiStrings, 'common'>;

const registry = {} as Record<Locale, UiStrings>;

/** Looked up as `ui[locale].budget`, like the full tables. */
export const ui: Readonly<Record<Locale, UiStrings>> = registry;

export function provideStrings(locale: Locale, strings: CalcStrings): void {
  registry[locale] = { ...registry[locale], ...strings } as UiStrings;
}
