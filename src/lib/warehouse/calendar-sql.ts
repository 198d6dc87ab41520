/**
 * Calendar arithmetic written as plain integer SQL, so that one text runs on every engine: day numbers
 * (days since 1970-01-01) from a year, month and day, and back. The formulas are Howard Hinnant's
 * days_from_civil / civil_from_days (the same as `analyzeActivity`'s parser); months are numbered
 * year × 12 + month − 1, so month differences never depend on an engine's DATEDIFF (MaxCompute's counts
 * boundaries, others count whole months).
 */

/** ⌊x ÷ n⌋ for any sign of x: `/ n.0` forces non-integer division (PostgreSQL would truncate toward 0). */
export const idiv = (x: string, n: number, int: string): string => `CAST(FLOOR((${x}) / ${n}.0) AS ${int})`;

/** Day number of a proleptic Gregorian date given as three integer expressions. */
export function daysFromCivil(y: string, m: string, d: string, int: string): string {
  const yy = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = idiv(yy, 400, int);
  const yoe = `(${yy} - ${era} * 400)`;
  const doy = `(${idiv(`153 * (${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END) + 2`, 5, int)} + ${d} - 1)`;
  const doe = `(${yoe} * 365 + ${idiv(yoe, 4, int)} - ${idiv(yoe, 100, int)} + ${doy})`;
  return `(${era} * 146097 + ${doe} - 719468)`;
}

/**
 * CTEs that add `ym` (year × 12 + month − 1) and `ymd` (YYYYMMDD as an integer) to the rows of `from`,
 * whose day number is the column `dn`; `keep` lists the other columns to carry. Returns the CTE texts,
 * the last one named `name`.
 */
export function civilCtes(name: string, from: string, keep: readonly string[], int: string): string[] {
  const cols = [...keep, 'dn'].join(', ');
  const z = '(dn + 719468)';
  return [
    `${name}_1 AS (\n  SELECT ${cols}, ${idiv(z, 146097, int)} AS era, ${z} - ${idiv(z, 146097, int)} * 146097 AS doe\n  FROM ${from}\n)`,
    `${name}_2 AS (\n  SELECT ${cols}, era, doe, ${idiv(`doe - ${idiv('doe', 1460, int)} + ${idiv('doe', 36524, int)} - ${idiv('doe', 146096, int)}`, 365, int)} AS yoe\n  FROM ${name}_1\n)`,
    `${name}_3 AS (\n  SELECT ${cols}, yoe + era * 400 AS yb, doe - (365 * yoe + ${idiv('yoe', 4, int)} - ${idiv('yoe', 100, int)}) AS doy\n  FROM ${name}_2\n)`,
    `${name}_4 AS (\n  SELECT ${cols}, yb, doy, ${idiv('5 * doy + 2', 153, int)} AS mp\n  FROM ${name}_3\n)`,
    // mp counts months from March (0) to February (11): January and February belong to the next year.
    `${name} AS (\n  SELECT ${cols}, yb * 12 + mp + 2 AS ym,\n    (yb + CASE WHEN mp < 10 THEN 0 ELSE 1 END) * 10000 + (mp + CASE WHEN mp < 10 THEN 3 ELSE -9 END) * 100 + doy - ${idiv('153 * mp + 2', 5, int)} + 1 AS ymd\n  FROM ${name}_4\n)`,
  ];
}

/** YYYYMM of a month number `ym` (year × 12 + month − 1). */
export const yyyymm = (ym: string, int: string): string => `(${idiv(ym, 12, int)} * 100 + ${ym} - ${idiv(ym, 12, int)} * 12 + 1)`;
