/**
 * The three phase plans found in the source plans, ready for `planTimeline`.
 *
 * - `launch-growth-mature` (plan-a §7): 启动期 months 1–3, 成长期 4–9, 成熟期 10–12 → 3 / 6 / 3 months, then
 *   长期维护 (ongoing upkeep). The plan gives upkeep no end; it is included as a 12-month phase marked
 *   `optional`, so a plan covers the first year after launch plus one year of upkeep unless the user drops it.
 * - `three-step` (plan-c §3.2): short term 0–6 months, mid term 6–18, long term 18+ → 6 / 12 / 12 months; the
 *   open-ended last step is given 12 months (editorial). KPIs per step are the ones the plan sets for it.
 * - `four-stage` (plan-b §2.2): 基础建设 → 互动激活 → 价值共创 → 商业变现. The plan names the stages but gives no
 *   durations; 3 / 3 / 6 / 6 months (18 in all, the same span as the three-step plan's first two steps) is an
 *   editorial choice.
 * Every number here is an editable starting point; `monthsSource` says whether it came from a plan.
 */
import type { DefaultSource } from './defaults';
import type { Locale } from './format';
import type { TimelinePhaseInput } from './timeline';

type Text = Record<Locale, string>;

export interface PresetPhase {
  id: string;
  name: Text;
  months: number;
  /** Where the duration comes from. */
  monthsSource: DefaultSource;
  /** The user may drop this phase (the plan leaves its length open). */
  optional?: boolean;
  kpis: { metric: Text; target: Text }[];
}

export type TimelinePresetId = 'launch-growth-mature' | 'three-step' | 'four-stage';

export interface TimelinePreset {
  id: TimelinePresetId;
  name: Text;
  /** Source plan and section. */
  ref: string;
  phases: PresetPhase[];
}

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
const kpi = (metric: Text, target: Text) => ({ metric, target });

export const TIMELINE_PRESETS: Record<TimelinePresetId, TimelinePreset> = {
  'launch-growth-mature': {
    id: 'launch-growth-mature',
    name: t('启动期 → 成长期 → 成熟期', 'Launch → growth → maturity'),
    ref: 'plan-a §7',
    phases: [
      { id: 'launch', name: t('启动期', 'Launch'), months: 3, monthsSource: 'source-plan', kpis: [] },
      { id: 'growth', name: t('成长期', 'Growth'), months: 6, monthsSource: 'source-plan', kpis: [] },
      { id: 'mature', name: t('成熟期', 'Maturity'), months: 3, monthsSource: 'source-plan', kpis: [] },
      { id: 'maintenance', name: t('长期维护', 'Ongoing upkeep'), months: 12, monthsSource: 'editorial', optional: true, kpis: [] },
    ],
  },
  'three-step': {
    id: 'three-step',
    name: t('三步走：短期 → 中期 → 长期', 'Three steps: short → mid → long term'),
    ref: 'plan-c §3.2',
    phases: [
      {
        id: 'short-term',
        name: t('短期：打基础', 'Short term: foundations'),
        months: 6,
        monthsSource: 'source-plan',
        kpis: [
          kpi(t('种子用户占目标用户', 'Seed users as a share of target users'), t('10%–15%', '10%–15%')),
          kpi(t('日均互动率', 'Daily interaction rate'), t('≥ 15%', '≥ 15%')),
          kpi(t('用户留存率', 'Member retention'), t('> 70%', '> 70%')),
        ],
      },
      {
        id: 'mid-term',
        name: t('中期：提活跃', 'Mid term: activity and value'),
        months: 12,
        monthsSource: 'source-plan',
        kpis: [
          kpi(t('人均每月互动次数', 'Interactions per member per month'), t('≥ 8', '≥ 8')),
          kpi(t('优质内容产出增长', 'Growth in quality content'), t('+200%', '+200%')),
          kpi(t('社群用户转化率', 'Member conversion rate'), t('25%', '25%')),
        ],
      },
      {
        id: 'long-term',
        name: t('长期：商业闭环', 'Long term: commercial loop'),
        months: 12,
        monthsSource: 'editorial',
        kpis: [
          kpi(t('社群贡献营收占比', 'Share of company revenue from the community'), t('≥ 20%', '≥ 20%')),
          kpi(t('净推荐值 NPS', 'Net Promoter Score'), t('> 70', '> 70')),
        ],
      },
    ],
  },
  'four-stage': {
    id: 'four-stage',
    name: t('四阶段：基础建设 → 互动激活 → 价值共创 → 商业变现', 'Four stages: build → activate → co-create → monetise'),
    ref: 'plan-b §2.2',
    phases: [
      { id: 'foundation', name: t('基础建设', 'Foundations'), months: 3, monthsSource: 'editorial', kpis: [] },
      { id: 'activation', name: t('互动激活', 'Activation'), months: 3, monthsSource: 'editorial', kpis: [] },
      { id: 'co-creation', name: t('价值共创', 'Co-creation'), months: 6, monthsSource: 'editorial', kpis: [] },
      { id: 'monetization', name: t('商业变现', 'Monetisation'), months: 6, monthsSource: 'editorial', kpis: [] },
    ],
  },
};

/**
 * A preset's phases in one language, ready for `planTimeline({ start, phases })`.
 * `includeOptional: false` drops phases marked optional (长期维护).
 *
 * Example: `presetPhases('launch-growth-mature', 'zh-CN', { includeOptional: false })` → 启动期 3, 成长期 6, 成熟期 3.
 */
export function presetPhases(
  id: TimelinePresetId,
  locale: Locale,
  options: { includeOptional?: boolean } = {},
): TimelinePhaseInput[] {
  const includeOptional = options.includeOptional ?? true;
  return TIMELINE_PRESETS[id].phases
    .filter((p) => includeOptional || !p.optional)
    .map((p) => ({
      id: p.id,
      name: p.name[locale],
      months: p.months,
      kpis: p.kpis.map((k) => ({ metric: k.metric[locale], target: k.target[locale] })),
    }));
}
