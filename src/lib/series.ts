/**
 * Reads a pasted retention curve: numbers separated by commas (`,` `，` `、`), semicolons, spaces, tabs or new
 * lines, each read by `parseNumber`. Values are fractions (`1, 0.631, 0.468`) or percentages (`100, 63.1, 46.8`
 * or `100%, 63.1%`): when any value is above 1 or carries a `%`, all of them are read as percentages.
 *
 * Example: `parseSeries("100, 63.1，46.8\n38.2")` → `{ ok: true, values: [1, 0.631, 0.468, 0.382] }`;
 * `parseSeries("1, x")` → `{ ok: false, error: "invalid", index: 1 }`.
 */
import type { ParseErrorCode } from './errors';
import { parseNumber } from './parse';

export type SeriesResult = { ok: true; values: number[] } | { ok: false; error: ParseErrorCode; index: number };

const SEPARATORS = /[,，、;；\s]+/u;

export function parseSeries(text: string): SeriesResult {
  const parts = text.split(SEPARATORS).filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, error: 'empty', index: 0 };
  const plain: number[] = [];
  let percent = false;
  for (const [index, part] of parts.entries()) {
    const hasSign = /[%％]$/.test(part);
    const r = parseNumber(part, { percent: hasSign });
    if (!r.ok) return { ok: false, error: r.error, index };
    percent ||= hasSign || r.value > 1;
    plain.push(hasSign ? r.value * 100 : r.value);
  }
  // Dividing the decimal text's value once keeps 63.1 → 0.631 exact to the last printed digit.
  return { ok: true, values: percent ? plain.map((v) => Number((v / 100).toPrecision(12))) : plain };
}
