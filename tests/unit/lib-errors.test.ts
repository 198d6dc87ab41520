import { describe, expect, test } from 'vitest';
import {
  InputError,
  REASON_CODES,
  SOURCE_DEFAULTS,
  SOURCE_PLAN_LABEL,
  TIER_SHARES,
  convertRetention,
  describeIssue,
  errorMessages,
  fitSbg,
  ltvCac,
  messageFor,
  parseNumber,
  planBudget,
  planStaffing,
  planTimeline,
  projectMembers,
  requiredNewPerMonth,
  sbgSurvival,
  steadyState,
  stickiness,
  tiers,
  toInputIssues,
  type InputIssue,
} from '../../src/lib';

type Outcome = { value: unknown } | { issues: InputIssue[] };

function run(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof InputError) return { issues: e.issues };
    throw e;
  }
}

const phases = (ms: number[]) => ms.map((months, i) => ({ id: `p${i}`, name: `P${i}`, months }));
const bad = (path: string, code: InputIssue['code'], limit?: number): Outcome => ({
  issues: [limit === undefined ? { path, code } : { path, code, limit }],
});

// Each row: what a hostile user (or a buggy caller) sends, and exactly what comes back.
const HOSTILE: [string, () => unknown, Outcome][] = [
  ['empty text', () => parseNumber(''), { value: { ok: false, error: 'empty' } }],
  ['only spaces', () => parseNumber('   '), { value: { ok: false, error: 'empty' } }],
  ['letters', () => parseNumber('abc'), { value: { ok: false, error: 'invalid' } }],
  ['1e999', () => parseNumber('1e999'), { value: { ok: false, error: 'invalid' } }],
  ['-0 reads as 0', () => Object.is(parseNumber('-0').ok && (parseNumber('-0') as { value: number }).value, 0), { value: true }],
  ['NaN as text', () => parseNumber('NaN'), { value: { ok: false, error: 'invalid' } }],
  ['full-width digits', () => parseNumber('１２３４'), { value: { ok: true, value: 1234 } }],
  ['１２万', () => parseNumber('１２万'), { value: { ok: true, value: 120_000 } }],
  ['3.5亿', () => parseNumber('3.5亿'), { value: { ok: true, value: 350_000_000 } }],
  ['20%% in a percent field', () => parseNumber('20%%', { percent: true }), { value: { ok: false, error: 'invalid' } }],
  ['400 nines', () => parseNumber('9'.repeat(400)), { value: { ok: false, error: 'out_of_range' } }],
  ['members NaN', () => planStaffing({ members: Number.NaN }), bad('members', 'not_finite')],
  ['members Infinity', () => planStaffing({ members: Infinity }), bad('members', 'not_finite')],
  ['huge member count', () => planStaffing({ members: 1e16 }), bad('members', 'too_large', 1e9)],
  ['members -0', () => Object.is(planStaffing({ members: -0 }).operators, 0), { value: true }],
  ['members typed as text', () => planStaffing({ members: '１２万' as unknown as number }), bad('members', 'not_a_number')],
  ['members null', () => planStaffing({ members: null as unknown as number }), bad('members', 'not_a_number')],
  ['zero ratio', () => planStaffing({ membersPerOperator: 0 }), bad('membersPerOperator', 'must_be_positive')],
  ['negative ratio', () => planStaffing({ membersPerOperator: -5000 }), bad('membersPerOperator', 'must_be_positive')],
  ['active share given in percent', () => planStaffing({ activeShare: 25 }), bad('activeShare', 'not_a_share')],
  ['input is null', () => planStaffing(null as unknown as object), bad('', 'invalid_value')],
  ['core team is text', () => planStaffing({ coreTeam: 'lead' as unknown as [] }), bad('coreTeam', 'invalid_value')],
  ['negative contingency', () => planBudget({ contingencyRate: -0.1 }), bad('contingencyRate', 'must_be_non_negative')],
  ['zero revenue', () => planBudget({ annualRevenue: 0 }), bad('annualRevenue', 'must_be_positive')],
  ['zero churn in LTV', () => ltvCac({ monthlyChurn: 0, cac: 400 }), bad('monthlyChurn', 'must_be_positive')],
  ['negative churn', () => ltvCac({ monthlyChurn: -0.05, cac: 400 }), bad('monthlyChurn', 'must_be_positive')],
  ['churn typed in percent', () => ltvCac({ monthlyChurn: 5, cac: 400 }), bad('monthlyChurn', 'not_a_share')],
  ['zero ARPU', () => ltvCac({ arpuMonthly: 0, cac: 400 }), bad('arpuMonthly', 'must_be_positive')],
  ['no CAC at all', () => ltvCac({}), { issues: [{ path: 'acquisitionSpend', code: 'cac_required' }, { path: 'newCustomers', code: 'cac_required' }] }],
  ['zero horizon', () => ltvCac({ horizonMonths: 0, cac: 400 }), bad('horizonMonths', 'too_small', 1)],
  ['fractional horizon', () => ltvCac({ horizonMonths: 12.5, cac: 400 }), bad('horizonMonths', 'not_integer')],
  ['zero churn steady state', () => steadyState({ newPerMonth: 100, monthlyChurn: 0 }), bad('monthlyChurn', 'must_be_positive')],
  ['zero-day window', () => convertRetention(0.5, 0, 30), bad('fromDays', 'must_be_positive')],
  ['DAU above MAU', () => stickiness(5_000, 4_000), bad('dau', 'dau_exceeds_mau')],
  ['half a member', () => tiers(1.5), bad('members', 'not_integer')],
  ['a trillion members', () => tiers(1e12), bad('members', 'too_large', 1e9)],
  ['start of 10^10 members', () => requiredNewPerMonth({ start: 1e10 }), bad('start', 'too_large', 1e9)],
  ['601 months', () => projectMembers({ months: 601 }), bad('months', 'too_large', 600)],
  ['a 13th phase', () => planTimeline({ start: '2026-01-01', phases: phases(Array(13).fill(1)) }), bad('phases', 'too_many_phases', 12)],
  ['a 61-month phase', () => planTimeline({ start: '2026-01-01', phases: phases([61]) }), bad('phases.0.months', 'too_large', 60)],
  ['three 50-month phases', () => planTimeline({ start: '2026-01-01', phases: phases([50, 50, 50]) }), bad('phases', 'total_too_long', 120)],
  ['2026-02-30', () => planTimeline({ start: '2026-02-30', phases: phases([3]) }), bad('start', 'invalid_date')],
  ['29 Feb of a common year', () => planTimeline({ start: '2025-02-29', phases: phases([3]) }), bad('start', 'invalid_date')],
  ['date without zero padding', () => planTimeline({ start: '2026-2-3', phases: phases([3]) }), bad('start', 'invalid_date')],
  ['empty date', () => planTimeline({ start: '', phases: phases([3]) }), bad('start', 'invalid_date')],
  ['flat cohort curve', () => fitSbg([1, 1, 1]), bad('survival', 'no_churn_observed')],
  ['one observed period', () => fitSbg([1, 0.5]), bad('survival', 'too_few_points', 3)],
  ['NaN alpha', () => sbgSurvival(Number.NaN, 1, 12), bad('alpha', 'not_finite')],
  ['whole months checked before range', () => ltvCac({ horizonMonths: 0.5, cac: 400 }), bad('horizonMonths', 'not_integer')],
];

describe('hostile inputs', () => {
  test('there are at least 30', () => expect(HOSTILE.length).toBeGreaterThanOrEqual(30));
  test.each(HOSTILE)('%s', (_name, fn, expected) => {
    expect(run(fn)).toEqual(expected);
  });

  test('no function returns NaN or Infinity for its defaults or edge values', () => {
    const numbers = (v: unknown): number[] =>
      typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];
    const results = [
      planStaffing(),
      planStaffing({ members: 0, coreTeam: [] }),
      planBudget({ annualRevenue: 1 }),
      ltvCac({ cac: 400 }),
      ltvCac({ cac: 0.01, monthlyChurn: 1e-6, arpuMonthly: 1e12, grossMargin: 1, annualDiscountRate: 0 }),
      ltvCac({ cac: 1e12, monthlyChurn: 1e-6, arpuMonthly: 0.01, grossMargin: 1e-6, horizonMonths: 600 }),
      sbgSurvival(Number.MIN_VALUE, Number.MIN_VALUE, 600),
      steadyState({ newPerMonth: 1e9, monthlyChurn: 1e-6 }),
      projectMembers({ start: 1e9, newPerMonth: 1e9, monthlyChurn: 0, months: 600 }),
      requiredNewPerMonth({ start: 0, target: 1e9, monthlyChurn: 1e-12, months: 600 }),
      fitSbg([1, 1e-300, 0]),
    ];
    for (const n of results.flatMap(numbers)) expect(Number.isFinite(n)).toBe(true);
    expect(run(() => steadyState({ newPerMonth: 1e9, monthlyChurn: Number.MIN_VALUE }))).toEqual(bad('monthlyChurn', 'too_small', 1e-6));
    expect(run(() => ltvCac({ grossMargin: 1e-7, cac: 1 }))).toEqual(bad('grossMargin', 'too_small', 1e-6));
    expect(run(() => ltvCac({ cac: 0.001 }))).toEqual(bad('cac', 'too_small', 0.01));
    expect(run(() => planStaffing({ membersPerOperator: 0.5 }))).toEqual(bad('membersPerOperator', 'too_small', 1));
  });
});

describe('InputError and messages', () => {
  test('InputError carries every issue and a readable message', () => {
    const e = new InputError([{ path: 'a.b', code: 'required' }, { path: '', code: 'invalid_value' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('InputError');
    expect(e.message).toBe('Invalid input — a.b: required; (input): invalid_value');
  });

  test('every reason code has a message in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(Object.keys(errorMessages[locale]).sort()).toEqual([...REASON_CODES].sort());
      for (const code of REASON_CODES) expect(messageFor(code, locale).length).toBeGreaterThan(3);
    }
    expect(messageFor('must_be_positive', 'zh-CN')).toBe('请输入大于 0 的数');
    expect(messageFor('must_be_positive', 'en')).toBe('Enter a number greater than 0');
    expect(messageFor('empty', 'en')).toBe('Enter a number');
  });

  test('the non-finite message says what to type, as the other fields do, not how the code sees it', () => {
    expect(messageFor('not_finite', 'zh-CN')).toBe('请输入一个数字，例如 12 或 2.5');
    expect(messageFor('not_finite', 'en')).toBe('Enter a number, such as 12 or 2.5');
    for (const locale of ['zh-CN', 'en'] as const) expect(messageFor('not_finite', locale)).not.toMatch(/有限|finite/i);
  });

  test('describeIssue adds the bound', () => {
    expect(describeIssue({ path: 'x', code: 'too_large', limit: 1e9 }, 'zh-CN')).toBe('数值太大（最多 1,000,000,000）');
    expect(describeIssue({ path: 'x', code: 'too_small', limit: 1 }, 'en')).toBe('The number is too small (at least 1)');
    expect(describeIssue({ path: 'x', code: 'too_few_points', limit: 3 }, 'zh-CN')).toBe('数据点太少（至少 3）');
    expect(describeIssue({ path: 'x', code: 'required' }, 'en')).toBe('This field is required');
    expect(describeIssue({ path: 'x', code: 'too_many_phases', limit: 12 }, 'en')).toBe('Too many phases (at most 12)');
    expect(describeIssue({ path: 'x', code: 'too_small', limit: 1e-6 }, 'zh-CN')).toBe('数值太小（至少 0.000001）');
  });

  test('zod issue kinds map to reason codes', () => {
    const issue = (o: object) => o as Parameters<typeof toInputIssues>[0][number];
    expect(
      toInputIssues([
        issue({ code: 'too_big', origin: 'array', maximum: 50, path: ['coreTeam'], message: '' }),
        issue({ code: 'too_big', origin: 'string', maximum: 60, path: ['role'], message: '' }),
        issue({ code: 'too_small', origin: 'array', minimum: 2, path: ['list'], message: '' }),
        issue({ code: 'too_small', origin: 'string', minimum: 1, path: ['name'], message: '' }),
        issue({ code: 'invalid_format', format: 'regex', path: ['id'], message: '' }),
        issue({ code: 'unrecognized_keys', keys: ['x'], path: [], message: '' }),
        issue({ code: 'invalid_type', expected: 'string', input: 3, path: ['s'], message: '' }),
        issue({ code: 'invalid_union', errors: [[issue({ code: 'invalid_type', expected: 'number', path: [], message: '', input: true })]], input: true, path: ['u'], message: '' }),
        issue({ code: 'custom', path: ['p'], message: 'total_too_long', params: { limit: 120 } }),
        issue({ code: 'custom', path: ['q'], message: 'not_a_share', minimum: 0 }),
      ]),
    ).toEqual([
      { path: 'coreTeam', code: 'too_many_items', limit: 50 },
      { path: 'role', code: 'too_long', limit: 60 },
      { path: 'list', code: 'too_small', limit: 2 },
      { path: 'name', code: 'required' },
      { path: 'id', code: 'invalid_value' },
      { path: '', code: 'invalid_value' },
      { path: 's', code: 'invalid_value' },
      { path: 'u', code: 'invalid_value' },
      { path: 'p', code: 'total_too_long', limit: 120 },
      { path: 'q', code: 'not_a_share' },
    ]);
  });

  test('the whole core team is checked, entry by entry', () => {
    expect(run(() => planStaffing({ coreTeam: Array.from({ length: 51 }, () => ({ role: 'x', count: 1, annualSalary: 1 })) }))).toEqual(
      bad('coreTeam', 'too_many_items', 50),
    );
    expect(run(() => planStaffing({ coreTeam: [{ role: 'x'.repeat(61), count: 1, annualSalary: 1 }] }))).toEqual(bad('coreTeam.0.role', 'too_long', 60));
  });
});

describe('source defaults', () => {
  test('the source plans’ numbers, each labelled', () => {
    const v = Object.fromEntries(Object.entries(SOURCE_DEFAULTS).map(([k, d]) => [k, d.value]));
    expect(v).toMatchObject({
      membersPerOperatorLaunch: 5_000,
      membersPerOperatorMature: 10_000,
      kocShareMin: 0.05,
      kocShareMax: 0.08,
      operatorSalaryMin: 150_000,
      operatorSalaryMax: 200_000,
      toolsAnnualMin: 100_000,
      toolsAnnualMax: 300_000,
      techShareLaunch: 0.2,
      techShareMature: 0.15,
      revenueShareLimit: 0.05,
      stickinessTarget: 0.4,
      ltvCacTarget: 3,
      groupCapacity: 500,
    });
    expect(TIER_SHARES).toEqual({ core: 0.05, active: 0.2, silent: 0.75 });
    for (const d of Object.values(SOURCE_DEFAULTS)) {
      expect(['source-plan', 'platform', 'editorial']).toContain(d.source);
      expect(d.ref.length).toBeGreaterThan(0);
      expect(d.note['zh-CN'].length).toBeGreaterThan(0);
      expect(d.note.en.length).toBeGreaterThan(0);
    }
    expect(SOURCE_PLAN_LABEL).toEqual({ 'zh-CN': '来源方案默认值', en: 'source-plan default' });
  });
});
