/**
 * The summary's fixed shape, kept apart from the SQL writer so that the health check's worker can tell a
 * summary file by its first line without loading the writer (and zod) at all.
 */

/** The columns of every summary row, in order. */
export const SUMMARY_COLUMNS = ['scope', 'grp', 'metric', 'label', 'period', 'k', 'val'] as const;

/** Every metric the query writes (`summary.ts` documents each); any other is refused. */
export const SUMMARY_METRICS = [
  'as_of',
  'inactive_days',
  'offset_minutes',
  'members',
  'mau',
  'dau',
  'cohort_size',
  'cohort',
  'lifecycle_new',
  'lifecycle_returning',
  'lifecycle_resurrecting',
  'lifecycle_dormant',
  'tier',
  'tier_events90',
  'tier_active90',
  'at_risk',
] as const;

/**
 * Whether the start of a file is a warehouse summary: a CSV whose first line is exactly the seven column
 * names (each may be double-quoted, as ClickHouse's CSVWithNames writes them), or JSON (an array or JSON
 * Lines) whose first object has all seven keys. Checked before the chat and sheet readers, so a summary is
 * never mistaken for a "member, date" sheet. Example: `scope,grp,metric,label,period,k,val\r\n…` → true.
 */
export function isSummaryHead(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[') || text.startsWith('{')) {
    // The first object's keys, in any order and case, read without parsing the (possibly cut) sample.
    const first = text.slice(0, text.indexOf('}') + 1 || undefined);
    const keys = new Set([...first.matchAll(/"([A-Za-z_]+)"\s*:/g)].map((m) => m[1]!.toLowerCase()));
    return SUMMARY_COLUMNS.every((c) => keys.has(c));
  }
  const line = text.split(/\r?\n/, 1)[0]!.trim();
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')).join(',') === SUMMARY_COLUMNS.join(',');
}
