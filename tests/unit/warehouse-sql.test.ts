/**
 * The SQL text itself: the mapping's defaults and refusals, quoting per dialect (an ID and a column name with
 * a quote cannot break out), golden files for every dialect (tests/fixtures/warehouse/, rewritten with
 * UPDATE_GOLDEN=1), and a syntax check with node-sql-parser for the dialects it has a grammar for. ClickHouse,
 * Doris/StarRocks, Hive/Spark, MaxCompute and BigQuery are generated, not engine-tested: their golden files
 * say so in their first line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/errors';
import { DIALECTS, DIALECT_SQL, isSummaryHead, parseMapping, parseSummary, readSummary, summaryRows, utcLabel, warehouseSql, type Dialect, type MappingInput } from '../../src/lib/warehouse';

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => `${i.path}:${i.code}`);
    throw e;
  }
  throw new Error('no error');
};

describe('mapping', () => {
  it('fills the defaults: DuckDB, a UTC timestamp, UTC+8, 3 inactive days, no staff, no group', () => {
    expect(parseMapping({ table: 'events', member: 'user_id', time: 'created_at' })).toEqual({
      dialect: 'duckdb',
      table: 'events',
      member: 'user_id',
      time: 'created_at',
      timeType: 'timestamp',
      offsetMinutes: 480,
      inactiveDays: 3,
      staff: [],
    });
  });

  it('refuses every bad field at once, with the health check’s reason codes', () => {
    expect(
      issuesOf(() =>
        parseMapping({ dialect: 'oracle' as Dialect, table: ' ', member: 'a\nb', time: 't', offsetMinutes: 900, asOf: '2026-02-30', inactiveDays: 0, staff: ['ok', ''] }),
      ).sort(),
    ).toEqual(['asOf:invalid_date', 'dialect:invalid_option', 'inactiveDays:too_small', 'member:invalid_value', 'offsetMinutes:too_large', 'staff.1:required', 'table:required'].sort());
    expect(issuesOf(() => warehouseSql({ table: 'e', member: 'm', time: 't', offsetMinutes: 1.5 }))).toEqual(['offsetMinutes:not_integer']);
  });
});

describe('quoting', () => {
  const names: Record<Dialect, [string, string]> = {
    duckdb: ['"a""b"', "'o''x\\y'"],
    postgres: ['"a""b"', "'o''x\\y'"],
    clickhouse: ['`a"b`', "'o\\'x\\\\y'"],
    doris: ['`a"b`', "'o\\'x\\\\y'"],
    hive: ['`a"b`', "'o\\'x\\\\y'"],
    maxcompute: ['`a"b`', "'o\\'x\\\\y'"],
    bigquery: ['`a"b`', "'o\\'x\\\\y'"],
  };
  for (const d of DIALECTS) {
    it(`${d}: a name with a double quote and an ID with a quote and a backslash stay inside their quotes`, () => {
      const q = DIALECT_SQL[d];
      expect([q.ident('a"b'), q.str("o'x\\y")]).toEqual(names[d]);
      const sql = warehouseSql({ dialect: d, table: 'e', member: 'a"b', time: 't', staff: ["o'x\\y"] });
      expect(sql).toContain(`NOT IN (${names[d][1]})`);
    });
  }

  it('back-quoted names: doubled in the MySQL family and Hive, backslash-escaped in ClickHouse and BigQuery', () => {
    expect(DIALECT_SQL.doris.ident('a`b')).toBe('`a``b`');
    expect(DIALECT_SQL.hive.ident('a`b')).toBe('`a``b`');
    expect(DIALECT_SQL.clickhouse.ident('a`b\\')).toBe('`a\\`b\\\\`');
    expect(DIALECT_SQL.bigquery.ident('a`b')).toBe('`a\\`b`');
  });

  it('a dotted table is quoted part by part', () => {
    expect(warehouseSql({ dialect: 'bigquery', table: 'proj.ds.chat events', member: 'm', time: 't' })).toContain('FROM `proj`.`ds`.`chat events`');
  });
});

const GOLDEN: MappingInput = {
  table: 'analytics.chat events',
  member: "sender's id",
  time: 'sent_at',
  timeType: 'timestamp',
  group: 'group_id',
  offsetMinutes: 480,
  asOf: '2026-03-31',
  inactiveDays: 3,
  staff: ["o'brien", 'back\\slash'],
};

describe('golden files', () => {
  for (const d of DIALECTS) {
    it(`${d}: the SQL equals tests/fixtures/warehouse/${d}.sql`, () => {
      const note = DIALECT_SQL[d].engineTested ? '-- engine-tested: runs in the unit tests (warehouse-engines.test.ts)\n' : '-- generated, not engine-tested\n';
      const text = note + warehouseSql({ ...GOLDEN, dialect: d });
      const file = `tests/fixtures/warehouse/${d}.sql`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('syntax check with node-sql-parser (its grammars cannot read back-quote escapes, so plain names here)', () => {
  const parser = new Parser();
  // ClickHouse has no grammar in node-sql-parser (its MySQL grammar refuses ClickHouse's type names).
  const grammar: Partial<Record<Dialect, string>> = { duckdb: 'postgresql', postgres: 'postgresql', doris: 'mysql', hive: 'hive', maxcompute: 'hive', bigquery: 'bigquery' };
  for (const [d, db] of Object.entries(grammar) as [Dialect, string][]) {
    it(`${d} parses as ${db}, for a text time column and for a timestamp one`, () => {
      for (const timeType of ['text', 'timestamp'] as const) {
        const sql = warehouseSql({ dialect: d, table: 'ds.events', member: 'user_id', time: 'created_at', timeType, group: 'grp', staff: ["o'x"] });
        const ast = parser.astify(sql, { database: db });
        expect(Array.isArray(ast) ? ast.length : 1).toBe(1);
      }
    });
  }
});

describe('summary parser', () => {
  const head = 'scope,grp,metric,label,period,k,val\n';
  const meta = 'all,,as_of,,20260331,0,20543\nall,,inactive_days,,0,0,3\nall,,offset_minutes,,0,0,480\n';
  it('reads CSV with quoted labels and fills the figures that have no row with 0', () => {
    const csv = `${head}${meta}all,,members,,0,0,3\nall,,mau,,0,0,2\nall,,dau,,20260331,0,2\nall,,cohort_size,,202602,0,3\nall,,cohort,,202602,0,3\nall,,cohort,,202602,1,2\nall,,lifecycle_new,,202602,0,3\nall,,lifecycle_returning,,202603,0,2\nall,,lifecycle_dormant,,202603,0,1\nall,,tier,silent,0,0,2\nall,,tier,active,0,0,1\nall,,at_risk,"a,""b""",20260325,0,6\n`;
    const r = parseSummary(csv);
    expect(r).toMatchObject({ asOf: '2026-03-31', inactiveDays: 3, offsetMinutes: 480, groups: [] });
    expect(r.all).toMatchObject({ members: 3, mau: 2, dauSum: 2, avgDau: 2 / 30, stickiness: 1 / 30, tiers: { core: 0, active: 1, silent: 2 } });
    expect(r.all.dau).toHaveLength(30);
    expect(r.all.dau[0]).toEqual({ date: '2026-03-02', members: 0 });
    expect(r.all.cohorts).toEqual([{ month: '2026-02', size: 3, active: [3, 2], retention: [1, 2 / 3] }]);
    expect(r.all.lifecycle).toEqual([
      { month: '2026-02', active: 3, new: 3, returning: 0, resurrecting: 0, dormant: 0 },
      { month: '2026-03', active: 2, new: 0, returning: 2, resurrecting: 0, dormant: 1 },
    ]);
    expect(r.all.atRisk).toEqual([{ member: 'a,"b"', lastEvent: '2026-03-25' }]);
  });

  it('reads JSON Lines and a JSON array the same way; an empty community has no stickiness', () => {
    const rows = summaryRows(`${head}${meta}`);
    const lines = rows.map((r) => JSON.stringify(r)).join('\n');
    expect(parseSummary(lines)).toEqual(parseSummary(JSON.stringify(rows)));
    expect(parseSummary(lines).all).toMatchObject({ members: 0, stickiness: null, cohorts: [], lifecycle: [] });
  });

  it('reads Windows line ends, a byte-order mark, JSON nulls, missing settings, and sorts at-risk ties by ID', () => {
    const csv = `\uFEFF${head}all,,as_of,,20260331,0,0\r\nall,,at_risk,zed,20260320,0,11\r\nall,,at_risk,amy,20260320,0,11\r\nall,,at_risk,bob,20260325,0,6`.replaceAll('\n', '\r\n');
    const r = parseSummary(csv);
    expect(r).toMatchObject({ inactiveDays: 0, offsetMinutes: 0 });
    expect(r.all.atRisk.map((a) => a.member)).toEqual(['bob', 'amy', 'zed']);
    const json = JSON.stringify([
      { scope: 'all', grp: null, metric: 'as_of', label: null, period: 20260331, k: null, val: 1 },
      { SCOPE: 'group', GRP: 'g', METRIC: 'members', LABEL: '', PERIOD: '', K: 0, VAL: '2' },
    ]);
    expect(parseSummary(json).groups).toEqual([{ group: 'g', report: expect.objectContaining({ members: 2, mau: 0 }) }]);
  });

  it('a text time column without a group column reads only the member and the time', () => {
    const sql = warehouseSql({ table: 'e', member: 'm', time: 't', timeType: 'text' });
    expect(sql).toContain(`(SELECT "m", CAST("t" AS VARCHAR) AS tt FROM "e" WHERE "t" IS NOT NULL) src`);
    expect(sql).not.toContain('UNION ALL\n  SELECT scope, grp, mid, dn, n FROM md_g');
  });

  it('refuses what is not a summary, saying why', () => {
    expect(issuesOf(() => parseSummary('{"a":'))).toEqual([':invalid']);
    expect(issuesOf(() => parseSummary('{"a": 1}'))).toEqual(['scope', 'grp', 'metric', 'label', 'period', 'k', 'val'].map((c) => `columns.${c}:required`));
    expect(issuesOf(() => parseSummary(head))).toEqual([':empty']);
    expect(issuesOf(() => parseSummary(`${head}all,,members,,0,0,x\nnone,,members,,0,0,1\n`))).toEqual(['rows.1.val:not_integer', 'rows.2.scope:invalid_option']);
    expect(issuesOf(() => parseSummary(`${head}${meta}all,,members,,0,0.5,1\nall,,members_total,,0,0,1\n`))).toEqual(['rows.4.k:not_integer', 'rows.5.metric:invalid_option']);
    expect(issuesOf(() => parseSummary(`${head}all,,members,,0,0,3\n`))).toEqual(['as_of:required']);
    expect(issuesOf(() => parseSummary('{"x": [1]}\n[2]'))).toHaveLength(7);
    expect(issuesOf(() => parseSummary('scope,grp,metric,label,period,k\nall,,as_of,,20260331,0\n'))).toEqual(['columns.val:required']);
  });

  it('tells a summary by its first line or first object, and nothing else', () => {
    expect(isSummaryHead(`\uFEFF${head}all,,as_of`)).toBe(true);
    expect(isSummaryHead('"scope","grp","metric","label","period","k","val"\r\n"all"')).toBe(true);
    expect(isSummaryHead('  [{"scope":"all","grp":"","metric":"as_of","label":"","period":20260331,"k":0,"val":1},')).toBe(true);
    expect(isSummaryHead('{"VAL":1,"K":0,"PERIOD":2,"LABEL":"","METRIC":"x","GRP":"","SCOPE":"all"}\n{"scope"')).toBe(true);
    // Another order, or a column missing (refused later, naming it): still a summary.
    expect(isSummaryHead('grp,scope,metric,label,period,k,val\n')).toBe(true);
    expect(isSummaryHead('scope,grp,metric,label,period,k\n')).toBe(true);
    // A column of another name, a repeated one, no scope or metric, a sheet or a chat export's JSON: not a summary.
    expect(isSummaryHead('scope,grp,metric,label,period,k,val,extra\n')).toBe(false);
    expect(isSummaryHead('scope,scope,metric,val\n')).toBe(false);
    expect(isSummaryHead('grp,label,period,k,val\n')).toBe(false);
    expect(isSummaryHead('[{"scope": "all", "grp": {"id": 1}, "metric": "x"}]')).toBe(false);
    expect(isSummaryHead('互动时间,成员ID,昵称\n2026/5/1 10:09,wx_1,谢\n')).toBe(false);
    expect(isSummaryHead('{"guild": {"id": "1"}, "messages": [{"scope": 1}]}')).toBe(false);
  });

  it('readSummary maps a valid summary and names what is wrong with a bad one', () => {
    const ok = readSummary(`${head}${meta}all,,members,,0,0,3\ngroup,g1,members,,0,0,2\ngroup,g1,mau,,0,0,1\ngroup,g1,dau,,20260331,0,1\ngroup,g1,at_risk,x,20260320,0,11\n`);
    expect(ok).toEqual({
      ok: true,
      view: expect.objectContaining({ asOf: '2026-03-31', inactiveDays: 3, offsetMinutes: 480, zone: 'UTC+8', rows: 8, groups: [{ group: 'g1', members: 2, mau: 1, avgDau: 1 / 30, stickiness: 1 / 30, atRisk: 1 }] }),
    });
    expect([0, -300, 330, -570].map(utcLabel)).toEqual(['UTC', 'UTC\u22125', 'UTC+5:30', 'UTC\u22129:30']);
    const refused = (text: string) => {
      const r = readSummary(text);
      return r.ok ? null : r.refusal;
    };
    expect(refused('scope,grp,metric,label,period\nall,,as_of,,1\n')).toEqual({ reason: 'columns', items: ['k', 'val'] });
    expect(refused(`${head}${meta}all,,members,,0,0,three\nall,,mau,,0,0,1.5\n`)).toEqual({ reason: 'number', items: ['4', '5'] });
    expect(refused(`${head}${meta}all,,members_total,,0,0,1\n`)).toEqual({ reason: 'metric', items: ['4'] });
    expect(refused(`${head}everyone,,members,,0,0,1\n`)).toEqual({ reason: 'scope', items: ['1'] });
    expect(refused(`${head}all,,members,,0,0,3\n`)).toEqual({ reason: 'as_of', items: [] });
    expect(refused('[{"scope": ')).toEqual({ reason: 'invalid', items: [] });
    expect(refused(head)).toEqual({ reason: 'empty', items: [] });
  });
});
