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
 * Whether the start of a file is a warehouse summary: a CSV whose first line names only summary columns,
 * `scope` and `metric` among them (each name may be double-quoted, as ClickHouse's CSVWithNames writes them;
 * any order), or JSON (an array or JSON Lines) whose first object has only such keys. Checked before the chat
 * and sheet readers, so a summary is never mistaken for a "member, date" sheet; one with a column missing is
 * still taken for a summary, so that `summaryRows` can say which column is missing.
 * Example: `scope,grp,metric,label,period,k,val\r\n…` → true; `成员ID,时间` → false.
 */
export function isSummaryHead(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  let names: string[];
  if (text.startsWith('[') || text.startsWith('{')) {
    // The first object's keys, read without parsing the (possibly cut) sample; a nested object is no summary.
    const start = text.indexOf('{');
    const end = text.indexOf('}', start);
    const first = text.slice(start + 1, end < 0 ? undefined : end);
    if (first.includes('{') || first.includes('[')) return false;
    names = [...first.matchAll(/"([^"]*)"\s*:/g)].map((m) => m[1]!);
  } else names = text.split(/\r?\n/, 1)[0]!.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const columns: readonly string[] = SUMMARY_COLUMNS;
  const lower = names.map((n) => n.toLowerCase());
  return lower.includes('scope') && lower.includes('metric') && lower.every((n) => columns.includes(n)) && new Set(lower).size === lower.length;
}
