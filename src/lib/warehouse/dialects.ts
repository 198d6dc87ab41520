/**
 * What differs between the engines, and nothing else: how names and strings are quoted, the integer and text
 * type names, a timestamp's seconds since the epoch, and how member IDs sort. Everything else in the
 * generated SQL is written once (CTEs, window functions, integer arithmetic with FLOOR).
 */
import type { Dialect } from './mapping';

export interface DialectSql {
  /** Quotes one identifier (a column, or one part of a table path). */
  ident(name: string): string;
  /** A string literal holding `value` exactly. */
  str(value: string): string;
  /** Name of the 64-bit integer type in CAST. */
  int: string;
  /** Name of the text type in CAST. */
  text: string;
  /** Whole seconds since 1970-01-01 UTC of a TIMESTAMP/DATETIME expression read as UTC. */
  epochSeconds(expr: string): string;
  /** The member expression as ORDER BY should sort it: by code point, as the health check does. */
  binary(expr: string): string;
  /** False where ORDER BY needs a LIMIT (MaxCompute): the rows come in any order, and `parseSummary` sorts. */
  orderBy: boolean;
  /** Whether the engine runs in the tests (the page marks the others "generated, not engine-tested"). */
  engineTested: boolean;
}

/** `"a""b"`: the SQL standard (PostgreSQL, DuckDB). */
const doubleQuoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** `` `a``b` ``: MySQL family, Hive, Spark, MaxCompute. */
const backtickDoubled = (name: string) => `\`${name.replaceAll('`', '``')}\``;
/** `` `a\`b` ``: ClickHouse and BigQuery take backslash escapes inside back-quoted names. */
const backtickEscaped = (name: string) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
/** `'o''brien'`: standard strings, where a backslash is an ordinary character. */
const standardString = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** `'o\'brien'`: engines that read backslash escapes in strings, so a backslash itself must be doubled. */
const backslashString = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

const unixTimestamp = (e: string) => `UNIX_TIMESTAMP(${e})`;

export const DIALECT_SQL: Record<Dialect, DialectSql> = {
  duckdb: { ident: doubleQuoted, str: standardString, int: 'BIGINT', text: 'VARCHAR', epochSeconds: (e) => `epoch(${e})`, binary: (e) => e, orderBy: true, engineTested: true },
  postgres: {
    ident: doubleQuoted,
    str: standardString,
    int: 'BIGINT',
    text: 'TEXT',
    epochSeconds: (e) => `EXTRACT(EPOCH FROM ${e})`,
    // The database's collation may sort by language rules; "C" sorts by bytes (UTF-8: code points).
    binary: (e) => `${e} COLLATE "C"`,
    orderBy: true,
    engineTested: true,
  },
  // Nullable: ClickHouse refuses to cast a NULL to plain String.
  clickhouse: { ident: backtickEscaped, str: backslashString, int: 'Int64', text: 'Nullable(String)', epochSeconds: (e) => `toUnixTimestamp(${e})`, binary: (e) => e, orderBy: true, engineTested: false },
  // Doris and StarRocks: SECONDS_DIFF does not depend on the session time zone, UNIX_TIMESTAMP would.
  doris: { ident: backtickDoubled, str: backslashString, int: 'BIGINT', text: 'VARCHAR', epochSeconds: (e) => `SECONDS_DIFF(${e}, '1970-01-01 00:00:00')`, binary: (e) => e, orderBy: true, engineTested: false },
  // Hive / Spark SQL and MaxCompute read a TIMESTAMP/DATETIME in the session's (project's) time zone: set it to UTC.
  hive: { ident: backtickDoubled, str: backslashString, int: 'BIGINT', text: 'STRING', epochSeconds: unixTimestamp, binary: (e) => e, orderBy: true, engineTested: false },
  maxcompute: { ident: backtickDoubled, str: backslashString, int: 'BIGINT', text: 'STRING', epochSeconds: unixTimestamp, binary: (e) => e, orderBy: false, engineTested: false },
  bigquery: { ident: backtickEscaped, str: backslashString, int: 'INT64', text: 'STRING', epochSeconds: (e) => `UNIX_SECONDS(CAST(${e} AS TIMESTAMP))`, binary: (e) => e, orderBy: true, engineTested: false },
};
