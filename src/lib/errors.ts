/**
 * Typed input errors and their bilingual messages.
 *
 * Every calculator validates its input first; when anything is wrong it throws one `InputError` that lists
 * every bad field as `{ path, code }` (plus the violated bound in `limit` where there is one). The UI turns
 * a code into words with `messageFor(code, locale)` or `describeIssue(issue, locale)`.
 */

import { formatNumber, type Locale } from './format';

export type { Locale };

/** Every reason a value can be refused. The last three are the `parseNumber` errors. */
export const REASON_CODES = [
  'required',
  'not_a_number',
  'not_finite',
  'not_integer',
  'must_be_non_negative',
  'must_be_positive',
  'too_small',
  'too_large',
  'not_a_share',
  'invalid_value',
  'invalid_option',
  'invalid_date',
  'too_long',
  'too_many_items',
  'too_many_phases',
  'total_too_long',
  'duplicate_id',
  'min_exceeds_max',
  'end_before_start',
  'dau_exceeds_mau',
  'length_mismatch',
  'shares_must_sum_to_one',
  'cac_required',
  'must_start_at_one',
  'not_non_increasing',
  'too_few_points',
  'too_many_points',
  'no_churn_observed',
  'empty',
  'invalid',
  'out_of_range',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** The three outcomes `parseNumber` can report besides a value. */
export type ParseErrorCode = Extract<ReasonCode, 'empty' | 'invalid' | 'out_of_range'>;

export interface InputIssue {
  /** Dotted path of the bad field, e.g. `coreTeam.0.annualSalary`; `''` is the input as a whole. */
  path: string;
  code: ReasonCode;
  /** The bound that was violated (for too_small, too_large, too_many_* …), when there is one. */
  limit?: number;
}

const isReasonCode = (value: unknown): value is ReasonCode =>
  typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);

export { isReasonCode };

/** Thrown by every calculator for invalid input. `issues` is never empty. */
export class InputError extends Error {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[]) {
    const list = issues.map((i) => `${i.path || '(input)'}: ${i.code}`).join('; ');
    super(`Invalid input — ${list}`);
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** Messages a planner understands, one per reason code, in both site languages. */
export const errorMessages: Record<Locale, Record<ReasonCode, string>> = {
  'zh-CN': {
    required: '请填写此项',
    not_a_number: '请输入数字',
    not_finite: '请输入一个数字，例如 12 或 2.5',
    not_integer: '请输入整数',
    must_be_non_negative: '不能小于 0',
    must_be_positive: '请输入大于 0 的数',
    too_small: '数值太小',
    too_large: '数值太大',
    not_a_share: '请输入 0% 到 100% 之间的比例',
    invalid_value: '该值无法识别',
    invalid_option: '请从给定选项中选择',
    invalid_date: '请输入有效日期（格式 YYYY-MM-DD）',
    too_long: '文字太长',
    too_many_items: '条目太多',
    too_many_phases: '阶段太多',
    total_too_long: '各阶段合计时长过长',
    duplicate_id: '编号重复，每项需唯一',
    min_exceeds_max: '下限不能高于上限',
    end_before_start: '结束时间要晚于开始时间',
    dau_exceeds_mau: '日活不能超过月活',
    length_mismatch: '逐月数值的个数应与月数一致',
    shares_must_sum_to_one: '各层占比合计应为 100%',
    cac_required: '请填写获客成本，或填写获客花费和新增客户数',
    must_start_at_one: '留存曲线第 0 期应为 100%',
    not_non_increasing: '留存率不能比上一期高',
    too_few_points: '数据点太少',
    too_many_points: '数据点太多',
    no_churn_observed: '曲线没有任何流失，无法拟合',
    empty: '请输入一个数',
    invalid: '无法识别为数字',
    out_of_range: '数字超出可计算范围',
  },
  en: {
    required: 'This field is required',
    not_a_number: 'Enter a number',
    not_finite: 'Enter a number, such as 12 or 2.5',
    not_integer: 'Enter a whole number',
    must_be_non_negative: 'Enter 0 or more',
    must_be_positive: 'Enter a number greater than 0',
    too_small: 'The number is too small',
    too_large: 'The number is too large',
    not_a_share: 'Enter a share between 0% and 100%',
    invalid_value: 'This value is not recognised',
    invalid_option: 'Choose one of the listed options',
    invalid_date: 'Enter a valid date (YYYY-MM-DD)',
    too_long: 'The text is too long',
    too_many_items: 'Too many entries',
    too_many_phases: 'Too many phases',
    total_too_long: 'The phases add up to too long a plan',
    duplicate_id: 'Each id must be unique',
    min_exceeds_max: 'The minimum cannot be above the maximum',
    end_before_start: 'The end must be later than the start',
    dau_exceeds_mau: 'Daily actives cannot exceed monthly actives',
    length_mismatch: 'Give one value for each month',
    shares_must_sum_to_one: 'The shares must add up to 100%',
    cac_required: 'Enter the acquisition cost, or the spend and the number of new customers',
    must_start_at_one: 'The curve must start at 100% in period 0',
    not_non_increasing: 'Survival cannot rise from one period to the next',
    too_few_points: 'Too few data points',
    too_many_points: 'Too many data points',
    no_churn_observed: 'The curve shows no churn, so there is nothing to fit',
    empty: 'Enter a number',
    invalid: 'This is not a number',
    out_of_range: 'The number is too large to calculate with',
  },
};

/** The message for one reason code, e.g. `messageFor('must_be_positive', 'en')` → "Enter a number greater than 0". */
export function messageFor(code: ReasonCode, locale: Locale): string {
  return errorMessages[locale][code];
}

/**
 * The message for one issue, with its bound when it has one:
 * `{ code: 'too_large', limit: 60 }` → "数值太大（最多 60）" / "The number is too large (at most 60)".
 */
export function describeIssue(issue: InputIssue, locale: Locale): string {
  const base = messageFor(issue.code, locale);
  if (issue.limit === undefined) return base;
  const bound = formatNumber(issue.limit, locale, { maximumFractionDigits: 10 });
  const atMost = issue.code !== 'too_small' && issue.code !== 'too_few_points';
  if (locale === 'zh-CN') return `${base}（${atMost ? '最多' : '至少'} ${bound}）`;
  return `${base} (${atMost ? 'at most' : 'at least'} ${bound})`;
}
