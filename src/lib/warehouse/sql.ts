/**
 * The health check written as one SQL query for a warehouse (issue #20). Run it where the events live; it
 * returns the small summary that `parseSummary` reads back (shape: `summary.ts`).
 *
 * Definitions are `analyzeActivity`'s, computed per group and for everyone at once: a member's day is the
 * calendar day at `offsetMinutes`; events after asOf are ignored; MAU = members with an event in
 * asOf−29 … asOf; DAU per day of those 30 days; cohorts by the month of a member's first event, with the
 * members active in each month since; tiers 5/20/75 (largest remainder) over the ranking
 * `ROW_NUMBER() OVER (ORDER BY events DESC, member)` of events in asOf−89 … asOf; at risk = last event on
 * or before asOf − inactiveDays and after asOf − inactiveDays − 30. Lifecycle: new / returning /
 * resurrecting / dormant per month, as `lifecycle()` in src/lib/health. Rows with no member ID (or a blank
 * one) or no time are left out, as are the staff IDs; duplicate rows count as events, as in the browser.
 */
import { daysBetween } from '../activity';
import { civilCtes, daysFromCivil, idiv, yyyymm } from './calendar-sql';
import { DIALECT_SQL } from './dialects';
import { parseMapping, type MappingInput } from './mapping';

export { SUMMARY_COLUMNS } from './columns';

/**
 * SQL for the mapping's dialect. Throws an `InputError` (codes per field) when the mapping is not valid.
 * Example: `warehouseSql({ dialect: 'postgres', table: 'events', member: 'user_id', time: 'created_at' })`.
 */
export function warehouseSql(input: MappingInput): string {
  const m = parseMapping(input);
  const q = DIALECT_SQL[m.dialect];
  const I = q.int;
  const T = q.text;
  const col = (name: string) => q.ident(name);
  const table = m.table.split('.').map((part) => q.ident(part.trim())).join('.');
  const t = col(m.time);
  const off = m.offsetMinutes;

  let dayExpr: string;
  let source = `${table}`;
  if (m.timeType === 'unix_s') dayExpr = idiv(`${t} + ${off * 60}`, 86400, I);
  else if (m.timeType === 'unix_ms') dayExpr = idiv(`${t} + ${off * 60_000}`, 86_400_000, I);
  else if (m.timeType === 'timestamp') dayExpr = idiv(`${q.epochSeconds(t)} + ${off * 60}`, 86400, I);
  else {
    // Text: the date's digits by position; a time of day (16+ characters) moves the day by the offset.
    const part = (from: number, len: number) => `CAST(SUBSTR(tt, ${from}, ${len}) AS ${I})`;
    const seconds = `${part(12, 2)} * 3600 + ${part(15, 2)} * 60 + CASE WHEN LENGTH(tt) >= 19 THEN ${part(18, 2)} ELSE 0 END + ${off * 60}`;
    dayExpr = `${daysFromCivil(part(1, 4), part(6, 2), part(9, 2), I)} + CASE WHEN LENGTH(tt) >= 16 THEN ${idiv(seconds, 86400, I)} ELSE 0 END`;
    source = `(SELECT ${col(m.member)}, ${m.group ? `${col(m.group)}, ` : ''}CAST(${t} AS ${T}) AS tt FROM ${table} WHERE ${t} IS NOT NULL) src`;
  }
  const staff = m.staff.length ? `\n    AND CAST(${col(m.member)} AS ${T}) NOT IN (${m.staff.map(q.str).join(', ')})` : '';
  const grpExpr = m.group ? `COALESCE(CAST(${col(m.group)} AS ${T}), '')` : `''`;
  const asOfDay = m.asOf === undefined ? undefined : daysBetween('1970-01-01', m.asOf);
  const asOfMonth = m.asOf === undefined ? undefined : Number(m.asOf.slice(0, 4)) * 12 + Number(m.asOf.slice(5, 7)) - 1;

  const ctes: string[] = [];
  ctes.push(
    `ev AS (\n  SELECT CAST(${col(m.member)} AS ${T}) AS mid, ${grpExpr} AS grp, ${dayExpr} AS dn\n  FROM ${source}\n  WHERE ${col(m.member)} IS NOT NULL AND TRIM(CAST(${col(m.member)} AS ${T})) <> ''${m.timeType === 'text' ? '' : ` AND ${t} IS NOT NULL`}${staff}\n)`,
  );
  // One row per member and day (with its number of events), per group and for everyone ('all').
  const upTo = asOfDay === undefined ? '' : `\n  WHERE dn <= ${asOfDay}`;
  ctes.push(`md_g AS (\n  SELECT 'group' AS scope, grp, mid, dn, COUNT(*) AS n\n  FROM ev${upTo}\n  GROUP BY grp, mid, dn\n)`);
  ctes.push(
    `md AS (\n  SELECT 'all' AS scope, '' AS grp, mid, dn, SUM(n) AS n FROM md_g GROUP BY mid, dn${m.group ? '\n  UNION ALL\n  SELECT scope, grp, mid, dn, n FROM md_g' : ''}\n)`,
  );
  ctes.push(...civilCtes('cal', 'md', ['scope', 'grp', 'mid', 'n'], I));
  ctes.push(
    asOfDay === undefined
      ? `p AS (\n  SELECT MAX(dn) AS as_of, MAX(ym) AS as_of_ym, MAX(ymd) AS as_of_ymd FROM cal WHERE scope = 'all'\n)`
      : `p AS (\n  SELECT CAST(${asOfDay} AS ${I}) AS as_of, CAST(${asOfMonth} AS ${I}) AS as_of_ym, CAST(${m.asOf!.replaceAll('-', '')} AS ${I}) AS as_of_ymd\n)`,
  );
  ctes.push(
    `mem AS (\n  SELECT scope, grp, mid, MIN(dn) AS first_dn, MAX(dn) AS last_dn, MAX(ymd) AS last_ymd, MIN(ym) AS first_ym,\n    SUM(CASE WHEN dn > as_of - 90 THEN n ELSE 0 END) AS events90\n  FROM cal CROSS JOIN p\n  GROUP BY scope, grp, mid\n)`,
  );
  // Tier sizes by largest remainder in hundredths, exactly as `tiers()`: the remainder r (0–2) goes to the
  // largest fractions, ties to the earlier tier.
  const frac = (pct: number) => `${pct} * n - ${idiv(`${pct} * n`, 100, I)} * 100`;
  ctes.push(`tc_1 AS (\n  SELECT scope, grp, n, ${frac(5)} AS fc, ${frac(20)} AS fa, ${frac(75)} AS fs\n  FROM (SELECT scope, grp, COUNT(*) AS n FROM mem GROUP BY scope, grp) sizes\n)`);
  const one = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
  ctes.push(
    `tc AS (\n  SELECT scope, grp,\n    ${idiv('5 * n', 100, I)} + ${one(`${one('fa > fc')} + ${one('fs > fc')} < ${idiv('fc + fa + fs', 100, I)}`)} AS core_n,\n    ${idiv('20 * n', 100, I)} + ${one(`${one('fc >= fa')} + ${one('fs > fa')} < ${idiv('fc + fa + fs', 100, I)}`)} AS active_n\n  FROM tc_1\n)`,
  );
  ctes.push(
    `ranked AS (\n  SELECT scope, grp, mid, events90, ROW_NUMBER() OVER (PARTITION BY scope, grp ORDER BY events90 DESC, ${q.binary('mid')}) AS rk\n  FROM mem\n)`,
  );
  ctes.push(
    `tiered AS (\n  SELECT r.scope, r.grp, r.events90,\n    CASE WHEN r.rk <= tc.core_n THEN 'core' WHEN r.rk <= tc.core_n + tc.active_n THEN 'active' ELSE 'silent' END AS tier\n  FROM ranked r JOIN tc ON r.scope = tc.scope AND r.grp = tc.grp\n)`,
  );
  ctes.push(`mm AS (\n  SELECT DISTINCT scope, grp, mid, ym, ym + 1 AS ym_next FROM cal\n)`);
  ctes.push(`pairs AS (\n  SELECT a.scope, a.grp, a.ym\n  FROM mm a JOIN mm b ON a.scope = b.scope AND a.grp = b.grp AND a.mid = b.mid AND a.ym = b.ym_next\n)`);
  // Lifecycle as signed contributions summed per month: resurrecting = active − new − returning,
  // dormant(m) = active(m − 1) − returning(m).
  ctes.push(
    `life AS (\n  SELECT scope, grp, metric, ym, SUM(v) AS v FROM (\n` +
      [
        `    SELECT scope, grp, 'lifecycle_new' AS metric, first_ym AS ym, 1 AS v FROM mem`,
        `    SELECT scope, grp, 'lifecycle_returning', ym, 1 FROM pairs`,
        `    SELECT scope, grp, 'lifecycle_resurrecting', ym, 1 FROM mm`,
        `    SELECT scope, grp, 'lifecycle_resurrecting', first_ym, -1 FROM mem`,
        `    SELECT scope, grp, 'lifecycle_resurrecting', ym, -1 FROM pairs`,
        `    SELECT scope, grp, 'lifecycle_dormant', ym_next, 1 FROM mm CROSS JOIN p WHERE ym_next <= as_of_ym`,
        `    SELECT scope, grp, 'lifecycle_dormant', ym, -1 FROM pairs`,
      ].join('\n    UNION ALL\n') +
      `\n  ) parts\n  GROUP BY scope, grp, metric, ym\n  HAVING SUM(v) <> 0\n)`,
  );

  const row = (scope: string, grp: string, metric: string, label: string, period: string, k: string, val: string) =>
    `SELECT ${scope} AS scope, ${grp} AS grp, ${metric} AS metric, CAST(${label} AS ${T}) AS label, CAST(${period} AS ${I}) AS period, CAST(${k} AS ${I}) AS k, CAST(${val} AS ${I}) AS val`;
  const selects = [
    `${row(`'all'`, `''`, `'as_of'`, `''`, 'as_of_ymd', '0', 'as_of')} FROM p`,
    `${row(`'all'`, `''`, `'inactive_days'`, `''`, '0', '0', String(m.inactiveDays))} FROM p`,
    `${row(`'all'`, `''`, `'offset_minutes'`, `''`, '0', '0', String(off))} FROM p`,
    `${row('scope', 'grp', `'members'`, `''`, '0', '0', 'COUNT(*)')} FROM mem GROUP BY scope, grp`,
    `${row('scope', 'grp', `'mau'`, `''`, '0', '0', 'COUNT(*)')} FROM mem CROSS JOIN p WHERE last_dn > as_of - 30 GROUP BY scope, grp`,
    `${row('scope', 'grp', `'dau'`, `''`, 'ymd', 'back', 'COUNT(*)')} FROM (SELECT scope, grp, ymd, as_of - dn AS back FROM cal CROSS JOIN p WHERE dn > as_of - 30) d GROUP BY scope, grp, ymd, back`,
    `${row('scope', 'grp', `'cohort_size'`, `''`, yyyymm('first_ym', I), '0', 'n')} FROM (SELECT scope, grp, first_ym, COUNT(*) AS n FROM mem GROUP BY scope, grp, first_ym) c`,
    `${row('scope', 'grp', `'cohort'`, `''`, yyyymm('first_ym', I), 'ym - first_ym', 'n')} FROM (SELECT mm.scope, mm.grp, mem.first_ym, mm.ym, COUNT(*) AS n FROM mm JOIN mem ON mm.scope = mem.scope AND mm.grp = mem.grp AND mm.mid = mem.mid GROUP BY mm.scope, mm.grp, mem.first_ym, mm.ym) c`,
    `${row('scope', 'grp', 'metric', `''`, yyyymm('ym', I), '0', 'v')} FROM life`,
    `${row('scope', 'grp', `'tier'`, 'tier', '0', '0', 'COUNT(*)')} FROM tiered GROUP BY scope, grp, tier`,
    `${row('scope', 'grp', `'tier_events90'`, 'tier', '0', '0', 'SUM(events90)')} FROM tiered GROUP BY scope, grp, tier`,
    `${row('scope', 'grp', `'tier_active90'`, 'tier', '0', '0', `SUM(${one('events90 > 0')})`)} FROM tiered GROUP BY scope, grp, tier`,
    `${row('scope', 'grp', `'at_risk'`, 'mid', 'last_ymd', '0', 'as_of - last_dn')} FROM mem CROSS JOIN p WHERE last_dn <= as_of - ${m.inactiveDays} AND last_dn > as_of - ${m.inactiveDays + 30}`,
  ];
  const header = `-- Community health check (${m.dialect}), generated by the Community Operations Playbook.\n-- Output: one row per figure: scope, grp, metric, label, period, k, val (see the page for the meaning).`;
  return `${header}\nWITH\n${ctes.join(',\n')}\nSELECT * FROM (\n${selects.join('\nUNION ALL\n')}\n) summary${q.orderBy ? '\nORDER BY scope, grp, metric, period, k, label' : ''};\n`;
}
