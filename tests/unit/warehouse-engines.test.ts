/**
 * The generated SQL run for real, in DuckDB (@duckdb/node-api) and PostgreSQL (PGlite), on seeded rows
 * (tests/unit/warehouse-seed.ts): every figure of the summary, read back by `parseSummary`, equals what the
 * health check computes in the browser from the same rows — counts exactly, shares as the same numerator and
 * denominator. Each time-column type is run in both engines.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeActivity, type ActivityEvent } from '../../src/lib/activity';
import { averageRetention, memberTiers, tierProfile } from '../../src/lib/health';
import { lifecycle } from '../../src/lib/health/lifecycle';
import { parseSummary, summaryView, warehouseSql, type MappingInput, type ScopeReport, type TimeType } from '../../src/lib/warehouse';
import { AS_OF, OFFSET, STAFF, localDate, seedRows, utcText, type SeedRow } from './warehouse-seed';

const rows = seedRows();
// Column names with a double quote, a single quote, a space and a backtick: quoting must hold.
const COLS = { member: 'member"id', group: "team's `name`", timestamp: 't s', unix_s: 'secs', unix_ms: 'ms', text: 'txt', day: 'day' };
const lit = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);
const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
const createSql = (timestampType: string) =>
  `CREATE TABLE ${q('My Events')} (${q(COLS.member)} TEXT, ${q(COLS.group)} TEXT, ${q(COLS.timestamp)} ${timestampType}, ${q(COLS.unix_s)} BIGINT, ${q(COLS.unix_ms)} BIGINT, ${q(COLS.text)} TEXT, ${q(COLS.day)} TEXT);\n` +
  `INSERT INTO ${q('My Events')} VALUES\n` +
  rows.map((r) => `(${lit(r.member)}, ${lit(r.group)}, '${utcText(r.at)}', ${Math.floor(r.at / 1000)}, ${r.at}, '${utcText(r.at)}', '${localDate(r.at)}')`).join(',\n') +
  // A row with no time and one with a blank ID: left out.
  `,\n('late', 'g1', NULL, NULL, NULL, NULL, NULL), ('  ', 'g1', '2024-03-01 00:00:00', 1709251200, 1709251200000, '2024-03-01 00:00:00', '2024-03-01');`;

/** What the browser computes from the same rows, per scope. */
function expected(asOf: string | undefined) {
  const kept = rows.filter((r) => !STAFF.includes(r.member));
  const events = (list: SeedRow[]): ActivityEvent[] => list.map((r) => ({ member: r.member, date: localDate(r.at) }));
  const scope = (list: SeedRow[], at: string | undefined) => {
    const ev = events(list);
    const report = analyzeActivity(ev, { asOf: at, inactiveDays: 3 });
    const life = lifecycle(list.map((r) => ({ member: r.member, group: r.group ?? '', at: r.at, kind: 'message' as const })), { asOf: report.asOf, offsetMinutes: OFFSET });
    return { report, life, profile: tierProfile(memberTiers(ev, report)) };
  };
  const all = scope(kept, asOf);
  const groups = [...new Set(kept.map((r) => r.group ?? ''))].sort();
  return { all, groups: groups.map((g) => ({ group: g, ...scope(kept.filter((r) => (r.group ?? '') === g), all.report.asOf) })) };
}

function compare(got: ScopeReport, want: ReturnType<typeof expected>['all']) {
  const { report } = want;
  expect(got.members).toBe(report.members);
  expect(got.mau).toBe(report.mau);
  // avgDau = Σ daily members ÷ 30 in both: the same numerator, the same denominator.
  expect(got.dauSum).toBe(Math.round(report.avgDau * 30));
  expect(got.avgDau).toBe(report.avgDau);
  expect(got.stickiness).toBe(report.stickiness);
  expect(got.cohorts.map(({ month, size, retention }) => ({ month, size, retention }))).toEqual(report.cohorts);
  for (const c of got.cohorts) expect(c.active).toEqual(report.cohorts.find((r) => r.month === c.month)!.retention.map((r) => Math.round(r * c.size)));
  expect(got.tiers).toEqual(report.tiers);
  expect(got.tierProfile).toEqual(want.profile);
  expect(got.atRisk).toEqual(report.atRisk);
  expect(got.lifecycle).toEqual(want.life);
}

function compareAll(text: string, asOf: string | undefined) {
  const got = parseSummary(text);
  const want = expected(asOf);
  expect(got.asOf).toBe(want.all.report.asOf);
  compare(got.all, want.all);
  expect(got.groups.map((g) => g.group)).toEqual(want.groups.map((g) => g.group));
  for (const [i, g] of got.groups.entries()) compare(g.report, want.groups[i]!);
  return got;
}

const TYPES: TimeType[] = ['timestamp', 'unix_s', 'unix_ms', 'text'];
const mapping = (dialect: 'duckdb' | 'postgres', timeType: TimeType | 'day', asOf: string | undefined): MappingInput => ({
  dialect,
  table: 'My Events',
  member: COLS.member,
  group: COLS.group,
  time: COLS[timeType],
  timeType: timeType === 'day' ? 'text' : timeType,
  // A date-only text column is already a local calendar day; with the UTC+8 offset it must not move.
  offsetMinutes: OFFSET,
  asOf,
  inactiveDays: 3,
  staff: STAFF,
});

describe('warehouse SQL in DuckDB', () => {
  let con: DuckDBConnection;
  let dir: string;
  beforeAll(async () => {
    con = await (await DuckDBInstance.create(':memory:')).connect();
    await con.run(createSql('TIMESTAMP'));
    dir = mkdtempSync(join(tmpdir(), 'warehouse-'));
  });
  afterAll(() => {
    con.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const type of [...TYPES, 'day'] as const) {
    it(`time as ${type}: DuckDB's own CSV of the summary equals analyzeActivity, per group and for all`, async () => {
      const file = join(dir, `${type}.csv`);
      const sql = warehouseSql(mapping('duckdb', type, AS_OF)).replace(/;\s*$/, '').replace(/^--.*\n/gm, '');
      await con.run(`COPY (${sql}) TO '${file}' (HEADER, DELIMITER ',')`);
      const got = compareAll(readFileSync(file, 'utf8'), AS_OF);
      // The seed's edges are really there: the leap day, a quoted ID, five groups with the no-group one.
      expect(got.all.dau.find((d) => d.date === '2024-02-29')!.members).toBeGreaterThan(0);
      expect(got.groups.map((g) => g.group)).toEqual(['', 'G3', 'g1', 'g2']);
      expect(got.all.atRisk.map((r) => r.member)).toContain('quiet');
    });
  }

  it("the health check page's figures from DuckDB's summary deep-equal those the page builds from the raw rows (summaryView)", async () => {
    const file = join(dir, 'health.csv');
    const sql = warehouseSql(mapping('duckdb', 'timestamp', AS_OF)).replace(/;\s*$/, '').replace(/^--.*\n/gm, '');
    await con.run(`COPY (${sql}) TO '${file}' (HEADER, DELIMITER ',')`);
    const view = summaryView(readFileSync(file, 'utf8'));
    // What the page's worker builds from raw rows (analysis-worker.ts, finish), minus each member's tier.
    const kept = rows.filter((r) => !STAFF.includes(r.member));
    const raw = (list: SeedRow[]) => {
      const events = list.map((r) => ({ member: r.member, date: localDate(r.at) }));
      const { tierOf, atRisk, ...report } = analyzeActivity(events, { asOf: AS_OF, inactiveDays: 3 });
      const life = lifecycle(list.map((r) => ({ member: r.member, group: r.group ?? '', at: r.at, kind: 'message' as const })), { asOf: report.asOf, offsetMinutes: OFFSET });
      return { report, atRisk, profile: tierProfile(memberTiers(events, { asOf: report.asOf, tierOf })), retention: averageRetention(report), lifecycle: life };
    };
    const want = raw(kept);
    expect(view.all).toEqual(want);
    expect(view.all.retention.curve.length).toBeGreaterThan(2);
    expect(view).toMatchObject({ asOf: AS_OF, inactiveDays: 3, offsetMinutes: OFFSET });
    const groups = [...new Set(kept.map((r) => r.group ?? ''))].sort();
    expect(view.groups).toEqual(
      groups.map((group) => {
        const { report, atRisk } = raw(kept.filter((r) => (r.group ?? '') === group));
        return { group, members: report.members, mau: report.mau, avgDau: report.avgDau, stickiness: report.stickiness, atRisk: atRisk.length };
      }),
    );
  });

  it('with no asOf, the latest event day (before the staff and blank rows) is the as-of day', async () => {
    const sql = warehouseSql({ ...mapping('duckdb', 'unix_ms', undefined) });
    const reader = await con.runAndReadAll(sql);
    const objects = reader.getRowObjectsJson();
    const got = compareAll(JSON.stringify(objects), undefined);
    expect(got.asOf).toBe('2024-03-20');
  });

  it('without a group column, only the all scope', async () => {
    const sql = warehouseSql({ ...mapping('duckdb', 'timestamp', AS_OF), group: undefined });
    const objects = (await con.runAndReadAll(sql)).getRowObjectsJson();
    const got = parseSummary(JSON.stringify(objects));
    expect(got.groups).toEqual([]);
    compare(got.all, expected(AS_OF).all);
  });

  it('an ID written to break out of its quotes is only an ID: nothing else is left out, the table stays', async () => {
    const sql = warehouseSql({ ...mapping('duckdb', 'unix_s', AS_OF), staff: [...STAFF, "x') OR ('1' = '1", "x'); DROP TABLE \"My Events\"; --"] });
    const got = parseSummary(JSON.stringify((await con.runAndReadAll(sql)).getRowObjectsJson()));
    expect(got.all.members).toBe(expected(AS_OF).all.report.members);
    expect((await con.runAndReadAll('SELECT COUNT(*) AS n FROM "My Events"')).getRowObjectsJson()[0]!.n).toBe(String(rows.length + 2));
  });

  it('calendar arithmetic: every day 1900-01-01 … 2100-12-31 gets the right month and YYYYMMDD', async () => {
    const sql = warehouseSql({ dialect: 'duckdb', table: 'cal_days', member: 'm', time: 'd', timeType: 'unix_s', offsetMinutes: 0 });
    // Reuse the generated calendar CTEs on a table of every day: the summary's dau rows name each day.
    await con.run(`CREATE TABLE cal_days AS SELECT 'x' || CAST(i AS VARCHAR) AS m, CAST(i AS BIGINT) * 86400 AS d FROM range(-25567, 47847) t(i)`);
    const cohorts = (await con.runAndReadAll(sql)).getRowObjectsJson().filter((r) => r.metric === 'cohort_size');
    // One cohort per month from 1900-01 to 2100-12, sized by the days in that month.
    expect(cohorts.length).toBe(201 * 12);
    for (const c of cohorts) {
      const p = Number(c.period);
      const y = Math.floor(p / 100);
      const m = p % 100;
      expect(Number(c.val)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
  });

  it('tier sizes equal tiers() for 0 … 2,000 members (largest remainder, ties to the earlier tier)', async () => {
    const { tiers } = await import('../../src/lib/tiers');
    const sql = warehouseSql({ dialect: 'duckdb', table: 'one', member: 'm', time: 'd', timeType: 'unix_s', offsetMinutes: 0 });
    const tc = sql.slice(sql.indexOf('tc_1 AS ('), sql.indexOf('ranked AS (')).trim().replace(/,$/, '');
    const res = await con.runAndReadAll(`WITH mem AS (SELECT 'all' AS scope, CAST(i AS VARCHAR) AS grp FROM range(1, 2001) a(i), range(0, 2000) b(j) WHERE j < i), ${tc} SELECT grp, core_n, active_n FROM tc`);
    const got = res.getRowObjectsJson();
    expect(got.length).toBe(2000);
    for (const r of got) {
      const want = tiers(Number(r.grp));
      expect([Number(r.core_n), Number(r.active_n)]).toEqual([want.core, want.active]);
    }
  });
});

describe('warehouse SQL in PostgreSQL (PGlite)', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.exec(createSql('TIMESTAMP'));
    // PGlite runs initdb in WebAssembly at start: 3–11 s on this machine's two shared cores.
  }, 60_000);
  afterAll(() => pg.close());

  for (const type of [...TYPES, 'day'] as const) {
    it(`time as ${type}: the summary as JSON equals analyzeActivity, per group and for all`, async () => {
      const res = await pg.query<Record<string, unknown>>(warehouseSql(mapping('postgres', type, AS_OF)));
      const json = JSON.stringify(res.rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
      const got = compareAll(json, AS_OF);
      expect(got.groups.length).toBe(4);
    });
  }

  it('a staff ID with a quote is left out, and one with a backslash is taken literally', async () => {
    const res = await pg.query<Record<string, unknown>>(warehouseSql({ ...mapping('postgres', 'timestamp', AS_OF), staff: ["host'1"] }));
    const got = parseSummary(JSON.stringify(res.rows));
    // bot\2 is now counted: one more member than with both staff IDs left out.
    expect(got.all.members).toBe(expected(AS_OF).all.report.members + 1);
  });
});
