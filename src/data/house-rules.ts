/**
 * The house rules: every operating rule and threshold the handbook states, each stated once here.
 *
 * Chapters render a value with <Rule id="…" /> (src/components/Rule.astro), quizzes and templates state it in
 * words, code imports it; tests/unit/house-rules.test.ts fails when any of them states a rule with another
 * number, and lists where each rule is used. Values the source plans give are taken from SOURCE_DEFAULTS,
 * not copied. The rulebook page (/reference/house-rules/) renders this list in both languages.
 */
import * as z from 'zod/mini';
import { formatNumber, formatPercent, type Locale } from '../lib/format';
import { KOC_BASE_SHARE, SOURCE_DEFAULTS } from '../lib/defaults';

/** Who a rule binds: what members are promised, or what the team holds itself to. */
export type Binds = 'members' | 'operators';
/** Where the number comes from: the source plans, a choice made for this handbook, or the chat platform. */
export type Basis = 'source-plan' | 'editorial' | 'platform';
/** How a value reads: a count with a unit word, a share as a percentage, a ratio as a decimal, a clock range. */
export type Unit = 'posts-week' | 'posts-day' | 'hours' | 'minutes' | 'days' | 'groups' | 'weeks' | 'cohorts' | 'members' | 'percent' | 'ratio' | 'level' | 'clock';

export type RuleId =
  | 'promoPerWeek'
  | 'promoPeakWeek'
  | 'weekendPromo'
  | 'plannedPostsPerDay'
  | 'replyWindow'
  | 'replyWithinHours'
  | 'ugcAckHours'
  | 'stickinessAlert'
  | 'stickinessAlertWeeks'
  | 'd7Alert'
  | 'd7AlertCohorts'
  | 'lapseDays'
  | 'leaveAfterPushAlert'
  | 'stickinessTarget'
  | 'd7Target'
  | 'kocShareMin'
  | 'kocShareMax'
  | 'kocBaseShare'
  | 'tierCore'
  | 'tierActive'
  | 'tierSilent'
  | 'experimentGroupsPerArm'
  | 'experimentDays'
  | 'healthReportLevel'
  | 'groupCapacity';

export interface HouseRule {
  id: RuleId;
  /** The number (or, for a clock range, the first and last hour). */
  value: number | readonly [number, number];
  unit: Unit;
  binds: Binds;
  basis: Basis;
  /** For a platform fact: the day it was last checked (ISO date). */
  checked?: string;
  /** For a source-plan value: the plan and section. */
  ref?: string;
  /** The rule in one sentence; {v} is where the value goes. */
  rule: Record<Locale, string>;
  /** Why this number, and which other number it replaced where the handbook disagreed with itself. */
  why: Record<Locale, string>;
  /** Section of the rulebook page it is listed under. */
  section: Section;
}

export type Section = 'members' | 'content' | 'alerts' | 'people' | 'experiments' | 'safety';

export const SECTIONS: Record<Section, Record<Locale, string>> = {
  members: { 'zh-CN': '对成员的承诺', en: 'What members are promised' },
  content: { 'zh-CN': '内容节奏', en: 'Content rhythm' },
  alerts: { 'zh-CN': '目标与预警', en: 'Targets and alerts' },
  people: { 'zh-CN': '分层与 KOC', en: 'Tiers and KOCs' },
  experiments: { 'zh-CN': '实验', en: 'Experiments' },
  safety: { 'zh-CN': '安全与平台', en: 'Safety and platform' },
};

const houseRuleSchema = z.object({
  id: z.string(),
  value: z.union([z.number(), z.tuple([z.number(), z.number()])]),
  unit: z.string(),
  binds: z.enum(['members', 'operators']),
  basis: z.enum(['source-plan', 'editorial', 'platform']),
  checked: z.optional(z.iso.date()),
  ref: z.optional(z.string()),
  rule: z.object({ 'zh-CN': z.string().check(z.includes('{v}')), en: z.string().check(z.includes('{v}')) }),
  why: z.object({ 'zh-CN': z.string().check(z.minLength(4)), en: z.string().check(z.minLength(10)) }),
  section: z.enum(['members', 'content', 'alerts', 'people', 'experiments', 'safety']),
});
export const houseRulesSchema = z.array(houseRuleSchema).check(z.refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { error: 'duplicate rule id' }));

const S = SOURCE_DEFAULTS;
const both = (zh: string, en: string): Record<Locale, string> => ({ 'zh-CN': zh, en });

export const HOUSE_RULES: readonly HouseRule[] = [
  // What members are promised (the group rules template states these to them).
  {
    id: 'promoPerWeek', value: 2, unit: 'posts-week', binds: 'members', basis: 'editorial', section: 'members',
    rule: both('每个群每周的官方推广帖不超过 {v}（优惠券、秒杀、新品推销都算）。', 'Each group gets at most {v} of official promotion a week (coupons, flash sales and product pushes all count).'),
    why: both(
      '群规模板、商业化、组织与评估几章早就向成员承诺“每周不超过 2 条”，这是成员能看见、能监督的数字，所以以它为准。诊断和目标两章曾写“每周一次”，内容一章曾写“20 条里最多 4 条”，都已改成 2 条：1 条对有团购的社群太紧，4 条在一周 20 条计划内容里已占五分之一。',
      'The group rules template and the monetisation, organisation and evaluation chapters already promised members “no more than 2 a week”; members can see and hold us to that number, so it wins. Diagnosis and goals said once a week and the content chapter said 4 of 20: both now say 2. One a week is too tight for communities that run group buys; four is a fifth of a 20-post week.'),
  },
  {
    id: 'promoPeakWeek', value: 3, unit: 'posts-week', binds: 'members', basis: 'editorial', section: 'members',
    rule: both('大促周每群最多 {v}，日期和条数提前在群里公布。', 'In a big-sale week, at most {v} per group, with the dates and the count announced in the group beforehand.'),
    why: both('大促一年只有几次，放宽一条并提前告知，比临时加推更不伤信任。', 'Big sales come a few times a year; one extra post announced in advance costs less trust than surprise pushes.'),
  },
  {
    id: 'weekendPromo', value: 0, unit: 'posts-week', binds: 'members', basis: 'editorial', section: 'members',
    rule: both('周末推广帖 {v}：周末只发提前排好的轻内容（成员作品、挑战、回顾），不推销，也不安排需要运营在线的栏目。', 'Weekend promotion: {v}. Weekends carry only light posts scheduled in advance (member work, challenges, the weekly round-up): no selling, and nothing that needs an operator online.'),
    why: both(
      '组织与文化一章曾写“周末不安排官方内容”，内容日历却在周末排了 5 条。周末恰是成员有空参与挑战和分享的时候，所以保留日历里的周末内容，但只限提前排好、不需要值守的轻内容，推广一律不放在周末。',
      'The organisation chapter said “no official content at weekends” while the content calendar scheduled five weekend posts. Weekends are when members have time for challenges and sharing, so the calendar keeps them, limited to light posts scheduled in advance that need nobody on duty; no promotion at weekends.'),
  },
  {
    id: 'replyWindow', value: [10, 22], unit: 'clock', binds: 'members', basis: 'editorial', section: 'members',
    rule: both('工作日 {v} 为答复时段；时段外和周末的提问，在下一个工作日中午前答复。', 'Questions are answered on workdays, {v}; questions asked outside those hours or at weekends are answered by noon on the next workday.'),
    why: both(
      '群规模板和评估一章向成员承诺的是“工作日 10:00–22:00、2 小时内”；内容一章曾写 9:00–22:00、30 分钟，诊断清单写 24 小时。承诺给成员的只能有一个，选了一线团队排得出班的那一个。危机值守不受此限，周末也有人值班（见风险与危机）。',
      'The group rules template and the evaluation chapter promised members “workdays 10:00–22:00, within 2 hours”; the content chapter said 9:00–22:00 within 30 minutes and the diagnosis checklist said 24 hours. Members can be promised only one, and this is the one a front-line team can staff. Crisis duty is separate and covers weekends (see risk and crisis).'),
  },
  {
    id: 'replyWithinHours', value: 2, unit: 'hours', binds: 'members', basis: 'editorial', section: 'members',
    rule: both('答复时段内，成员在群里的提问 {v}内得到回应。', 'Within answering hours, a member’s question in the group gets a reply within {v}.'),
    why: both('见上一条。2 小时是一名运营照看多个群时仍能守住的时限；做得更快当然好，但不写进承诺。', 'See the rule above. Two hours is what one operator looking after several groups can keep; faster is welcome but is not promised.'),
  },
  // Content rhythm.
  {
    id: 'plannedPostsPerDay', value: 3, unit: 'posts-day', binds: 'operators', basis: 'editorial', section: 'content',
    rule: both('每个群每天的计划内容不超过 {v}（不含回答提问），促销期也一样。', 'No more than {v} of planned content per group per day (answers to questions not counted), sales weeks included.'),
    why: both('发得太多是退群的常见原因；3 条能放下知识、话题和成员作品各一条。', 'Posting too much is a common reason people leave; three a day fits one tip, one topic and one piece of member work.'),
  },
  {
    id: 'ugcAckHours', value: 24, unit: 'hours', binds: 'operators', basis: 'editorial', section: 'content',
    rule: both('每条合格的成员内容在 {v}内得到具体的点评或致谢。', 'Every qualifying member post gets a specific comment or thanks within {v}.'),
    why: both('没有回应，成员下次就不发了；24 小时覆盖周末前后的大部分情况。', 'Without a response members stop posting; 24 hours covers most cases around a weekend.'),
  },
  // Targets and alerts.
  {
    id: 'stickinessTarget', value: S.stickinessTarget.value, unit: 'ratio', binds: 'operators', basis: 'source-plan', ref: S.stickinessTarget.ref, section: 'alerts',
    rule: both('粘性（滚动 30 天平均 DAU ÷ MAU）的目标不低于 {v}。', 'Stickiness (rolling 30-day average DAU ÷ MAU) aims for at least {v}.'),
    why: both('来源方案默认值，是努力方向，不是行业事实。', 'A source-plan default: a direction to work towards, not an industry fact.'),
  },
  {
    id: 'stickinessAlert', value: 0.3, unit: 'ratio', binds: 'operators', basis: 'editorial', section: 'alerts',
    rule: both('粘性低于 {v} 时进入预警。', 'Stickiness below {v} raises an alert.'),
    why: both(
      '工具与数据一章的看板曾用 0.25，评估一章用“连续两周低于 0.3”。取 0.3 并要求连续两周：0.3 离 0.4 的目标已有明显差距，连续两周的要求又挡掉一周的偶然波动。',
      'The tools chapter’s dashboard used 0.25; the evaluation chapter used “below 0.3 two weeks running”. We keep 0.3 with the two-week condition: 0.3 is already well short of the 0.4 target, and two weeks running filters out a one-off dip.'),
  },
  {
    id: 'stickinessAlertWeeks', value: 2, unit: 'weeks', binds: 'operators', basis: 'editorial', section: 'alerts',
    rule: both('粘性预警要求连续 {v}低于阈值。', 'The stickiness alert needs {v} running below the line.'),
    why: both('见上一条。', 'See the rule above.'),
  },
  {
    id: 'd7Target', value: S.sevenDayRetentionTarget.value, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.sevenDayRetentionTarget.ref, section: 'alerts',
    rule: both('新人 7 日留存（D7）的目标高于 {v}。', 'New members’ 7-day retention (D7) aims for above {v}.'),
    why: both('来源方案默认值。目标和预警线分开：低于目标是要改进，低于预警线是要马上查。', 'A source-plan default. Target and alert are kept apart: under the target means improve; under the alert line means look now.'),
  },
  {
    id: 'd7Alert', value: 0.5, unit: 'percent', binds: 'operators', basis: 'editorial', section: 'alerts',
    rule: both('新人 D7 留存低于 {v} 时进入预警。', 'New members’ D7 retention below {v} raises an alert.'),
    why: both(
      '看板曾把“低于 60%”当预警，可 60% 是目标，一半的周都会响。预警取评估一章的“连续两个进群批次低于 50%”，目标仍是 60%。',
      'The dashboard used “below 60%” as its alert, but 60% is the target, so the alert would ring half the weeks. The alert is the evaluation chapter’s “two joining cohorts in a row below 50%”; the target stays 60%.'),
  },
  {
    id: 'd7AlertCohorts', value: 2, unit: 'cohorts', binds: 'operators', basis: 'editorial', section: 'alerts',
    rule: both('D7 预警要求连续 {v}低于阈值。', 'The D7 alert needs {v} in a row below the line.'),
    why: both('见上一条。单个批次人数少，偶然性大。', 'See the rule above. One cohort is small and noisy.'),
  },
  {
    id: 'lapseDays', value: S.inactiveDays.value, unit: 'days', binds: 'operators', basis: 'source-plan', ref: S.inactiveDays.ref, section: 'alerts',
    rule: both('此前 30 天有过动作、最近连续 {v}没有任何动作的成员进入待关怀名单（所有层级一样）。', 'A member who acted in the 30 days before but has done nothing for {v} goes on the care list (every tier alike).'),
    why: both(
      '来源方案默认值，也是社群体检的默认值。工具与数据一章曾给活跃成员用 7 天；现在所有层级共用 3 天，这样体检、看板和评估数的是同一批人。名单太长时按层级排先后（核心成员先联系），而不是给不同层级换阈值。',
      'A source-plan default and the health check’s default. The tools chapter once gave active members 7 days; every tier now shares 3, so the health check, the dashboard and the evaluation alerts count the same people. When the list is too long, order it by tier (core first) rather than change the threshold per tier.'),
  },
  {
    id: 'leaveAfterPushAlert', value: 0.005, unit: 'percent', binds: 'operators', basis: 'editorial', section: 'alerts',
    rule: both('一次推送后 24 小时内退群人数超过收到人数的 {v}，暂停同类推送。', 'If more than {v} of the people who received a push leave within 24 hours, pause that kind of push.'),
    why: both('平时每次推送的退群率远低于这条线；越过它说明这类推送在赶人。', 'Ordinary pushes lose far fewer people than this; crossing it means the push is driving members away.'),
  },
  // Tiers and KOCs.
  {
    id: 'tierCore', value: S.tierShares.value.core, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.tierShares.ref, section: 'people',
    rule: both('核心成员：按近 90 天活动次数排名的前 {v}。', 'Core members: the top {v} by activity over the last 90 days.'),
    why: both('分层统一叫“核心 / 活跃 / 沉默”。定位与分层一章曾用“核心层 / 参与层 / 围观层”，术语表里说明了这组旧名。', 'Tiers are called core / active / silent everywhere. The positioning chapter once said core / participating / watching; the glossary explains those old names.'),
  },
  {
    id: 'tierActive', value: S.tierShares.value.active, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.tierShares.ref, section: 'people',
    rule: both('活跃成员：核心之后的 {v}。', 'Active members: the next {v}.'),
    why: both('来源方案默认值，是按相对活跃度切的刀，不是目标。', 'A source-plan default: a cut by relative activity, not a target.'),
  },
  {
    id: 'tierSilent', value: S.tierShares.value.silent, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.tierShares.ref, section: 'people',
    rule: both('沉默成员：其余 {v}，包括 90 天内没有任何动作的人。', 'Silent members: the remaining {v}, including people with no activity at all in 90 days.'),
    why: both('来源方案默认值。', 'A source-plan default.'),
  },
  {
    id: 'kocBaseShare', value: KOC_BASE_SHARE, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.tierShares.ref, section: 'people',
    rule: both('KOC 比例的基数“活跃成员”指核心加活跃两层，默认占成员的 {v}。', 'The “active members” that KOC shares are taken of means the core and active tiers together, {v} of members by default.'),
    why: both(
      '手册曾有三种基数：核心加活跃两层、最近 30 天活跃的人、只算 20% 的活跃层，同一个茶饮社群算出三个 KOC 区间。KOC 从核心和活跃两层里产生，所以基数取这两层；人员配置计算器的“活跃成员占比”默认值也由此而来。',
      'The handbook used three bases: the core and active tiers, the last 30 days’ actives, and the 20% active tier alone, giving three KOC ranges for the same tea community. KOCs come from the core and active tiers, so those two tiers are the base; the staffing calculator’s “active members” default is derived from it.'),
  },
  {
    id: 'kocShareMin', value: S.kocShareMin.value, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.kocShareMin.ref, section: 'people',
    rule: both('KOC 目标的下限：活跃成员的 {v}。', 'KOC target, low end: {v} of active members.'),
    why: both('来源方案默认值，是要培养的人数，不是一开始就找齐的人数。', 'A source-plan default: how many to grow, not how many to find on day one.'),
  },
  {
    id: 'kocShareMax', value: S.kocShareMax.value, unit: 'percent', binds: 'operators', basis: 'source-plan', ref: S.kocShareMax.ref, section: 'people',
    rule: both('KOC 目标的上限：活跃成员的 {v}。', 'KOC target, high end: {v} of active members.'),
    why: both('来源方案默认值。', 'A source-plan default.'),
  },
  // Experiments.
  {
    id: 'experimentGroupsPerArm', value: 3, unit: 'groups', binds: 'operators', basis: 'editorial', section: 'experiments',
    rule: both('群里人人看得见的改动按整个群随机分组，每组至少 {v}；只有本人看得见的动作（私聊、一对一提醒）才按人随机分组。', 'Changes everyone in a group can see are randomised by whole group, at least {v} per arm; only actions the member alone sees (private messages, one-to-one reminders) are randomised by person.'),
    why: both(
      '理论、工具与数据、评估三章和术语表曾各写一套分法。合成一条：分组单位取决于谁看得见这个改动。同一个群里分人，两组会互相看到对方的待遇；私聊只有本人看见，按人分组样本更大。',
      'The theory, tools and evaluation chapters and the glossary each described their own method. One rule now: the unit is whoever can see the change. Splitting people inside one group lets each arm see the other’s treatment; a private message is seen by one person, so splitting by person gives a bigger sample.'),
  },
  {
    id: 'experimentDays', value: 14, unit: 'days', binds: 'operators', basis: 'editorial', section: 'experiments',
    rule: both('实验至少运行 {v}，决策规则在开始前写下，中途不看结果就宣布。', 'An experiment runs at least {v}, with its decision rule written before it starts and no verdict from a mid-way peek.'),
    why: both('两周覆盖两个完整的周循环，工作日和周末的差别不会混进结果。', 'Two weeks cover two full weekly cycles, so weekday–weekend swings do not leak into the result.'),
  },
  // Safety and platform.
  {
    id: 'healthReportLevel', value: 4, unit: 'level', binds: 'operators', basis: 'editorial', section: 'safety',
    rule: both('任何关于生病、不适或受伤的反映，一律按 {v}处理：立即上报管理层、法务和质量，暂停该产品的销售和推广，核对召回和向监管部门报告的义务。', 'Any report of illness, feeling unwell or injury is handled as {v}: escalate at once to management, legal and quality; hold the product; check recall and reporting duties.'),
    why: both(
      '风险与危机一章把四级定义为“涉及人身安全”，可产品质量演练曾把“孩子吃后肚子不舒服”判为三级并给满分。健康问题上宁可高判：升级后发现是误会，代价是几通电话；低判的代价可能是更多人受伤。',
      'The risk chapter defines level 4 as “personal safety involved”, yet the product-quality drill once gave full marks for grading “a child felt unwell after eating it” as level 3. On health, grade high: an escalation that turns out unneeded costs a few calls; grading low can cost more people harmed.'),
  },
  {
    id: 'groupCapacity', value: S.groupCapacity.value, unit: 'members', binds: 'operators', basis: 'platform', checked: '2026-11-23', ref: S.groupCapacity.ref, section: 'safety',
    rule: both('一个微信群或企业微信客户群最多 {v}。', 'A WeChat group or WeCom customer group holds at most {v}.'),
    why: both('平台规则，会变：按表中的核对日期，用前再到平台后台确认一次。', 'A platform rule, and platforms change it: check it in the admin console again before relying on it; the date it was last checked is listed.'),
  },
];

export const RULES_BY_ID = Object.fromEntries(HOUSE_RULES.map((r) => [r.id, r])) as Record<RuleId, HouseRule>;

const UNIT_WORDS: Record<Exclude<Unit, 'percent' | 'ratio' | 'clock'>, Record<Locale, [string, string]>> = {
  'posts-week': { 'zh-CN': ['条', '条'], en: ['post', 'posts'] },
  'posts-day': { 'zh-CN': ['条', '条'], en: ['post', 'posts'] },
  hours: { 'zh-CN': ['小时', '小时'], en: ['hour', 'hours'] },
  minutes: { 'zh-CN': ['分钟', '分钟'], en: ['minute', 'minutes'] },
  days: { 'zh-CN': ['天', '天'], en: ['day', 'days'] },
  groups: { 'zh-CN': ['个群', '个群'], en: ['group', 'groups'] },
  weeks: { 'zh-CN': ['周', '周'], en: ['week', 'weeks'] },
  cohorts: { 'zh-CN': ['个进群批次', '个进群批次'], en: ['joining cohort', 'joining cohorts'] },
  members: { 'zh-CN': ['人', '人'], en: ['person', 'people'] },
  level: { 'zh-CN': ['级', '级'], en: ['level', 'level'] },
};
const ZH_LEVEL = ['零', '一', '二', '三', '四', '五'];

/** The value as a reader sees it in prose, with its unit: “2 条”, “2 posts”, “50%”, “0.3”, “10:00–22:00”, “四级”. */
export function formatRule(id: RuleId, locale: Locale): string {
  const r = RULES_BY_ID[id];
  if (!r) throw new Error(`Unknown house rule: ${id}`);
  const v = r.value;
  if (typeof v !== 'number') {
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    return `${hh(v[0])}–${hh(v[1])}`;
  }
  if (r.unit === 'percent') return formatPercent(v, locale, { maximumFractionDigits: 1 });
  if (r.unit === 'ratio') return formatNumber(v, locale, { maximumFractionDigits: 2 });
  if (r.unit === 'clock') throw new Error(`${id}: a clock rule needs two hours`);
  if (r.unit === 'level') return locale === 'zh-CN' ? `${ZH_LEVEL[v]}级` : `level ${v}`;
  const [one, many] = UNIT_WORDS[r.unit][locale];
  const n = formatNumber(v, locale);
  return locale === 'zh-CN' ? `${n} ${many}` : `${n} ${v === 1 ? one : many}`;
}

/** The rule's sentence with its value filled in. */
export function ruleSentence(id: RuleId, locale: Locale): string {
  return RULES_BY_ID[id].rule[locale].replace('{v}', formatRule(id, locale));
}
