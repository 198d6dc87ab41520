/**
 * CSV and JSON downloads of a calculator's inputs and results. Nothing is sent anywhere: the file is built
 * in the browser and handed to the download manager through an object URL.
 */
import type { RawState } from '../../lib/calc-state';
import type { Locale } from '../../lib/format';
import { ui } from './strings';
import { saveFile } from '../browser';

/** One line of an export: section, item, value (a plain number, unformatted, or text) and unit. */
export type ExportRow = [section: string, item: string, value: number | string | null, unit: string];

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * CSV with a UTF-8 byte-order mark so that Excel and WPS open Chinese text correctly; quoting by
 * Papa Parse (loaded on demand: most visitors never export). Formula-looking text (a cell starting with
 * `=`, `+`, `-` or `@`, such as a member called "=HYPERLINK(…)") is neutralised.
 */
export async function saveCsv(name: string, fields: string[], data: (string | number)[][]) {
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
  saveFile(name, 'text/csv;charset=utf-8', `\uFEFF${csv}`);
}

export function downloadCsv(calc: string, locale: Locale, rows: ExportRow[]) {
  const t = ui[locale].common;
  return saveCsv(`${t.exportFileName}-${calc}-${stamp()}.csv`, [t.section, t.item, t.value, t.unit], rows.map((r) => r.map((c) => c ?? '')));
}

export function downloadJson(calc: string, locale: Locale, state: RawState, rows: ExportRow[], url: string) {
  const doc = {
    calculator: calc,
    version: 1,
    locale,
    link: url,
    exported: new Date().toISOString(),
    inputs: state,
    results: rows.map(([section, item, value, unit]) => ({ section, item, value, unit })),
  };
  saveFile(`${ui[locale].common.exportFileName}-${calc}-${stamp()}.json`, 'application/json', JSON.stringify(doc, null, 2));
}
