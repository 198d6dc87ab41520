/**
 * CSV and JSON downloads of a calculator's inputs and results. Nothing is sent anywhere: the file is built
 * in the browser and handed to the download manager through an object URL.
 */
import { percentText, readFields, type FieldDef, type RawState } from '../../lib/calc-state';
import { roundShown, type Locale } from '../../lib/format';
import { ui } from './strings';
import { saveFile } from '../browser';

/**
 * One line of an export: section, item, value (a plain number, unformatted, or text), unit and, for a
 * number, the decimals the page shows it with. The CSV rounds to those (a planner forwards what they saw);
 * the JSON keeps full precision.
 */
export type ExportRow = [section: string, item: string, value: number | string | null, unit: string, digits?: number];

/**
 * Decimals the pages show: money to the fen, whole people, other numbers (ratios, members per head) to 2,
 * a percentage to 1 decimal (so its fraction to 3), months to 1.
 */
export const SHOWN = { money: 2, people: 0, number: 2, share: 3, months: 1 } as const;

/**
 * The inputs as export rows (section "输入" / "Inputs"): numbers as read (1.2万 → 12000), percent fields as
 * the percentage typed, choices by their label, text as typed. `keys` lists the fields in effect.
 */
export function inputRows(
  locale: Locale,
  defs: readonly FieldDef[],
  state: RawState,
  labels: Record<string, readonly string[]>,
  keys: readonly string[] = defs.map((f) => f.key),
  options: Record<string, Record<string, string>> = {},
): ExportRow[] {
  const section = ui[locale].common.inputs;
  const values = readFields(defs, state);
  return keys.flatMap((key): ExportRow[] => {
    const def = defs.find((f) => f.key === key);
    if (!def) return [];
    const [label = key, unit = ''] = labels[key] ?? [];
    const text = state[key] ?? def.default;
    const read = values[key];
    const value = !read?.ok || typeof read.value !== 'number' ? null : read.value;
    if (def.kind === 'select') return [[section, label, options[key]?.[text] ?? text, unit]];
    if (def.kind === 'percent') return [[section, label, value === null ? text : Number(percentText(value)), unit || '%']];
    if (def.kind === 'number') return [[section, label, value ?? text, unit]];
    return [[section, label, text, unit]];
  });
}

/** CSV cells of a row: a number is rounded to the decimals the page shows. */
const csvCells = ([section, item, value, unit, digits]: ExportRow): (string | number)[] => [
  section,
  item,
  typeof value === 'number' && digits !== undefined ? (roundShown(value, digits) ?? '') : (value ?? ''),
  unit,
];

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

/** Inputs first, then results: a CSV forwarded on its own still says what it was computed from. */
export function downloadCsv(calc: string, locale: Locale, rows: ExportRow[], inputs: ExportRow[] = []) {
  const t = ui[locale].common;
  return saveCsv(`${t.exportFileName}-${calc}-${stamp()}.csv`, [t.section, t.item, t.value, t.unit], [...inputs, ...rows].map(csvCells));
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
