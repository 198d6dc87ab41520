/**
 * Planning defaults, each with where it comes from, so that the UI can label it.
 *
 * `source` says what kind of default a value is:
 * - `source-plan`: a rule of thumb stated in the project's source plans (see shared/seeds; the plans are
 *   unverified practitioner documents, so these are editable starting points, not established facts);
 * - `platform`: a limit of the chat platform;
 * - `editorial`: a choice made for this site where the plans give no number.
 * `ref` names the plan and section; `note` is the short reason shown next to the label.
 */
import type { Locale } from './format';

export type DefaultSource = 'source-plan' | 'platform' | 'editorial';

export interface DocumentedDefault<T> {
  value: T;
  source: DefaultSource;
  ref: string;
  note: Record<Locale, string>;
}

/** The label the UI shows next to a `source-plan` default. */
export const SOURCE_PLAN_LABEL: Record<Locale, string> = {
  'zh-CN': '来源方案默认值',
  en: 'source-plan default',
};

const d = <T>(value: T, source: DefaultSource, ref: string, zh: string, en: string): DocumentedDefault<T> => ({
  value,
  source,
  ref,
  note: { 'zh-CN': zh, en },
});

export const SOURCE_DEFAULTS = {
  membersPerOperatorLaunch: d(5_000, 'source-plan', 'plan-c §7.1',
    '起步时按 1 名专职运营对应 5,000 名成员估算人手',
    'At launch, plan one dedicated operator for every 5,000 members'),
  membersPerOperatorMature: d(10_000, 'source-plan', 'plan-c §7.1',
    '社群成熟后，一名运营可照看约 10,000 名成员',
    'Once the community is mature, one operator can look after about 10,000 members'),
  kocShareMin: d(0.05, 'source-plan', 'plan-c §7.1',
    'KOC（关键意见消费者）目标：活跃成员的 5% 起',
    'KOC target: from 5% of active members'),
  kocShareMax: d(0.08, 'source-plan', 'plan-c §7.1',
    'KOC 目标上限：活跃成员的 8%',
    'KOC target: up to 8% of active members'),
  operatorSalaryMin: d(150_000, 'source-plan', 'plan-c §6.2',
    '运营岗位年薪参考区间的下限（15 万元）',
    'Low end of the quoted annual salary range for operations staff (¥150k)'),
  operatorSalaryMax: d(200_000, 'source-plan', 'plan-c §6.2',
    '运营岗位年薪参考区间的上限（20 万元）',
    'High end of the quoted annual salary range for operations staff (¥200k)'),
  toolsAnnualMin: d(100_000, 'source-plan', 'plan-c §6.2',
    '工具与系统每年维护费用的低端估计（10 万元）',
    'Low estimate of yearly tool and system upkeep (¥100k)'),
  toolsAnnualMax: d(300_000, 'source-plan', 'plan-c §6.2',
    '工具与系统每年维护费用的高端估计（30 万元）',
    'High estimate of yearly tool and system upkeep (¥300k)'),
  techShareLaunch: d(0.2, 'source-plan', 'plan-c §7.2',
    '起步阶段，技术投入约占运营总成本的 20%',
    'At launch, technology takes about 20% of operating cost'),
  techShareMature: d(0.15, 'source-plan', 'plan-c §7.2',
    '成熟阶段可把技术占比压到 15%',
    'When mature, the technology share can come down to 15%'),
  revenueShareLimit: d(0.05, 'source-plan', 'plan-c §6.2',
    '社群运营总成本控制在营收的 5% 以内',
    'Keep total community cost within 5% of revenue'),
  stickinessTarget: d(0.4, 'source-plan', 'plan-c §3.4',
    'DAU/MAU 的基准目标为不低于 0.4',
    'Benchmark target: DAU/MAU of at least 0.4'),
  ltvCacTarget: d(3, 'source-plan', 'plan-c §3.4',
    'LTV/CAC 达到 3 以上视为健康',
    'An LTV/CAC of 3 or more counts as healthy'),
  sevenDayRetentionTarget: d(0.6, 'source-plan', 'plan-c §3.4',
    '7 日留存目标：60% 以上',
    '7-day retention target: above 60%'),
  tierShares: d({ core: 0.05, active: 0.2, silent: 0.75 } as const, 'source-plan', 'plan-a §1.2',
    '成员金字塔：核心 5%、活跃 20%、沉默 75%',
    'Member pyramid: 5% core, 20% active, 75% silent'),
  inactiveDays: d(3, 'source-plan', 'plan-c §6.1',
    '连续 3 天无互动即视为有流失风险',
    'Three days without any interaction flags a member as at risk'),
  groupCapacity: d(500, 'platform', 'WeChat / WeCom',
    '微信群与企业微信客户群的人数上限为 500',
    'A WeChat group or WeCom customer group holds at most 500 people'),
} as const satisfies Record<string, DocumentedDefault<unknown>>;

export type SourceDefaultKey = keyof typeof SOURCE_DEFAULTS;

/** 1 operator per 5,000 members at launch (source plan). */
export const MEMBERS_PER_OPERATOR_LAUNCH = SOURCE_DEFAULTS.membersPerOperatorLaunch.value;
/** 1 operator per 10,000 members when mature (source plan). */
export const MEMBERS_PER_OPERATOR_MATURE = SOURCE_DEFAULTS.membersPerOperatorMature.value;
/** KOC = 5–8% of active members (source plan). */
export const KOC_SHARE = { min: SOURCE_DEFAULTS.kocShareMin.value, max: SOURCE_DEFAULTS.kocShareMax.value } as const;
/** Operator salary ¥150k–200k a year (source plan). */
export const OPERATOR_SALARY = {
  min: SOURCE_DEFAULTS.operatorSalaryMin.value,
  max: SOURCE_DEFAULTS.operatorSalaryMax.value,
} as const;
/** Tools ¥100k–300k a year (source plan). */
export const TOOLS_ANNUAL = { min: SOURCE_DEFAULTS.toolsAnnualMin.value, max: SOURCE_DEFAULTS.toolsAnnualMax.value } as const;
/** Tech share of the monthly subtotal: ≤ 20% at launch, ≤ 15% when mature (source plan). */
export const TECH_SHARE_LIMIT = {
  launch: SOURCE_DEFAULTS.techShareLaunch.value,
  mature: SOURCE_DEFAULTS.techShareMature.value,
} as const;
/** Annual community cost ≤ 5% of revenue (source plan). */
export const REVENUE_SHARE_LIMIT = SOURCE_DEFAULTS.revenueShareLimit.value;
/** DAU/MAU ≥ 0.4 (source plan). */
export const STICKINESS_TARGET = SOURCE_DEFAULTS.stickinessTarget.value;
/** LTV/CAC ≥ 3 is healthy (source plan). */
export const LTV_CAC_TARGET = SOURCE_DEFAULTS.ltvCacTarget.value;
/** Member tiers 5% core / 20% active / 75% silent (source plan). */
export const TIER_SHARES = SOURCE_DEFAULTS.tierShares.value;
/**
 * The base that KOC shares are taken of: the core and active tiers together (5% + 20% = 25% by default).
 * One definition for the handbook, the rulebook and the staffing calculator's default.
 */
export const KOC_BASE_SHARE = TIER_SHARES.core + TIER_SHARES.active;
/** Members one chat group holds (platform limit). */
export const GROUP_CAPACITY = SOURCE_DEFAULTS.groupCapacity.value;
