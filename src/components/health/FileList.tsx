/**
 * The files of a chat analysis, one row each: the format it was read as, and what was read or why it was
 * refused (the others are read all the same). Before reading, the rows come from detection (`DetectedFile`);
 * after, from the readers (`ChatFileResult`). Only names, formats, counts and reasons: never message text.
 */
import { formatNumber, parenthetical, type Locale } from '../../lib/format';
import { FORMAT_LABELS, type ChatFormatId } from '../../lib/health/readers/detect';
import type { ChatFileResult } from '../../lib/health/readers/read-files';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';
import type { DetectedFile } from './protocol';

export const formatLabel = (format: string, locale: Locale) => FORMAT_LABELS[format as ChatFormatId]?.[locale === 'zh-CN' ? 'zh' : 'en'] ?? format;

/** "Read as: A, B" for the formats of the files that can be read, each once. */
export function readAsText(formats: readonly string[], locale: Locale): string {
  const t = ui[locale].health;
  return fill(t.readAs, { format: [...new Set(formats)].map((f) => formatLabel(f, locale)).join(locale === 'zh-CN' ? '、' : ', ') });
}

export function FileList({ locale, detected, read }: { locale: Locale; detected?: readonly DetectedFile[]; read?: readonly ChatFileResult[] }) {
  const t = ui[locale].health;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const rows = read
    ? read.map((f) => {
        const refused = f.refused;
        return {
          name: f.name,
          format: f.format,
          refused: refused ? fill(t.fileRefused, { reason: t.chatReasons[refused.reason], detail: refused.detail ? parenthetical(refused.detail, locale) : '' }) : null,
          result: f.roster > 0 && f.records === 0 ? fill(t.fileRoster, { n: n(f.roster) }) : f.parts ? fill(t.fileParts, { n: n(f.records), parts: n(f.parts) }) : fill(t.fileRecords, { n: n(f.records) }),
        };
      })
    : (detected ?? []).map((f) => ({
        name: f.name,
        format: f.format,
        refused: f.problem ? fill(t.fileRefused, { reason: f.problem === 'unknown_json' ? t.chatReasons.unknown_format : t.failures[f.problem], detail: '' }) : f.format === 'generic' ? fill(t.fileRefused, { reason: t.chatReasons.generic_with_others, detail: '' }) : null,
        result: t.fileWaiting,
      }));
  const refusedCount = rows.filter((r) => r.refused).length;
  return (
    <div class="health-files" data-testid="health-files">
      <h3 id="health-files-title">{t.filesTitle}</h3>
      <p class={refusedCount > 0 ? 'calc-error' : 'calc-hint'} data-testid="health-files-summary">
        {fill(t.filesSummary, { total: n(rows.length), read: n(rows.length - refusedCount), refused: n(refusedCount) })}
      </p>
      <div class="health-scroll" tabIndex={0} role="region" aria-labelledby="health-files-title">
        <table>
          <caption class="sr-only">{t.filesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.fileCols.name}</th>
              <th scope="col">{t.fileCols.format}</th>
              <th scope="col">{t.fileCols.result}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} class={r.refused ? 'is-refused' : undefined}>
                <th scope="row">{r.name}</th>
                <td>{r.format === 'unknown' ? '—' : formatLabel(r.format, locale)}</td>
                <td class={r.refused ? 'calc-error' : undefined}>{r.refused ?? r.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
