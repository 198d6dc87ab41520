/**
 * Cells of an Excel worksheet as the text a CSV export of the same sheet would hold, so a workbook goes
 * through the same column guessing, date parsing and bad-row rules as a CSV file.
 *
 * A spreadsheet reader (read-excel-file) gives each cell as a string, number, boolean, `Date` or `null`.
 * Excel stores a date-time as a day count with no time zone; the reader turns it into a `Date` whose UTC
 * fields are the wall-clock time written in the sheet. So the UTC fields are written out as they are
 * (`2026-03-05 21:30:00`), which `parseEventDate` then takes "as written", exactly like the same text in a
 * CSV. The day count is a binary fraction, so 21:30 can come back as 21:29:59.999: times are rounded to the
 * nearest second first.
 *
 * Example: `cellText(new Date(Date.UTC(2026, 2, 5, 21, 29, 59, 999)))` → `"2026-03-05 21:30:00"`;
 * `cellText(new Date(Date.UTC(2026, 2, 6)))` → `"2026-03-06"`; `cellText(12345)` → `"12345"`;
 * `cellText(null)` → `""`.
 */

export type SheetCell = string | number | boolean | Date | null | undefined;

/**
 * Takes `unknown` rather than `SheetCell`: read-excel-file's typings declare a date cell as `typeof Date`
 * (the constructor) while it returns `Date` instances, so its rows are checked here, not cast. Anything
 * else a reader might hand over is an empty cell.
 */
export function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (!(cell instanceof Date)) return '';
  const ms = cell.getTime();
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  // Years outside 0000–9999 come out as ±YYYYYY-…: not a date any export holds, and not one parseEventDate reads.
  if (iso.length !== 24) return '';
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** A worksheet's rows as text rows (see `cellText`); a row's missing trailing cells stay missing. */
export const sheetRowsText = (rows: readonly (readonly unknown[])[]): string[][] => rows.map((row) => row.map(cellText));

/** A row with nothing in it: a blank line of a CSV, or an empty row of a worksheet. */
export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');
