/**
 * The plan document's words and numbers, shared by the on-screen/print document and the Markdown export,
 * so both say exactly the same thing.
 */
import type { Plan, PlanCheck } from '../../lib/plan';
import { formatCurrency, formatMonths, formatNumber, formatPercent, type Locale } from '../../lib/format';
import { fill } from '../../i18n/fill';
import type { UiStrings } from '../../i18n/zh-CN';

export type PlanStrings = UiStrings['plan'];

export function planFormatters(locale: Locale) {
  return {
    money: (x: number | null) => formatCurrency(x, locale),
    people: (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 0 }),
    ratio: (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 2 }),
    share: (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 1 }),
    /** A relative change, signed: +20%, -16.7%, 0%. */
    change: (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 1, signed: true }),
    months: (x: number | null) => formatMonths(x, locale),
  };
}

export function checkText(c: PlanCheck, plan: Plan, t: PlanStrings, locale: Locale): string {
  const f = planFormatters(locale);
  const phase = plan.phases.find((p) => p.id === c.phaseId)?.name ?? '';
  const value = c.id === 'ltvCac' || c.id === 'stickiness' ? f.ratio(c.value) : f.share(c.value);
  const limit = c.id === 'ltvCac' || c.id === 'stickiness' ? f.ratio(c.limit) : f.share(c.limit);
  return fill(t.checks[c.id], { phase, value, limit });
}

/** The paragraphs and tables of the plan document, as plain data. */
export function planDocument(plan: Plan, t: PlanStrings, locale: Locale) {
  const d = t.doc;
  const f = planFormatters(locale);
  const v = plan.input;
  const last = plan.months[plan.months.length - 1]!;
  const lastPhase = plan.phases[plan.phases.length - 1]!;
  const name = v.name.trim() || d.untitled;
  const sector = v.sector.trim() ? (locale === 'zh-CN' ? `（${v.sector.trim()}）` : ` (${v.sector.trim()})`) : '';
  const failed = [...new Set(plan.checks.filter((c) => !c.ok).map((c) => c.id))];
  const maxChurn = Math.max(...v.phases.map((p) => p.monthlyChurn));
  return {
    title: `${d.title}：${name}`.replace('：', locale === 'zh-CN' ? '：' : ': '),
    name,
    background: fill(d.backgroundText, {
      name,
      sector,
      members: f.people(v.currentMembers),
      months: f.people(plan.totals.months),
      start: plan.phases[0]!.start,
      end: plan.phases[plan.phases.length - 1]!.end,
      membersEnd: f.people(plan.totals.membersEnd),
    }),
    phaseRows: plan.phases.map((p) => [p.name, p.start, p.end, f.people(p.membersEnd), f.people(p.newMembers), f.money(p.cost), f.money(p.cac), f.money(p.ltv), p.ltvCac === null ? '—' : f.ratio(p.ltvCac), f.months(p.paybackMonths)]),
    phaseHead: [d.table.phase, d.table.start, d.table.end, d.table.membersEnd, d.table.newMembers, d.table.totalCost, d.table.cac, d.table.ltv, d.table.ratio, d.table.payback],
    team: fill(d.teamText, { operators: f.people(last.operators), headcount: f.people(last.headcount) }),
    workload: d.workloadText,
    workloadHead: d.workloadHead,
    workloadRows: plan.phases.map((p) => {
      const s = p.staffing;
      const hours = f.ratio(s.reason === 'coverage' ? s.coverageHours : s.taskHours);
      return [p.name, f.people(s.byRule.ratio), f.people(s.byRule.workload), f.people(s.byRule.coverage), f.people(s.operators), fill(d.workloadReasons[s.reason], { hours }), f.money(s.extraPersonnelMonthly)];
    }),
    workloadGap: lastPhase.staffing.extraPersonnelMonthly > 0 ? fill(d.workloadGap, { extra: f.money(lastPhase.staffing.extraPersonnelMonthly) }) : '',
    koc: v.kocProgramme ? d.kocText : d.kocOff,
    kocHead: d.kocHead,
    kocRows: v.kocProgramme ? plan.phases.map((p) => [p.name, f.people(p.kocsEnd), f.money(p.kocMonthlyEnd), f.money(p.kocCost)]) : [],
    budget: fill(d.budgetText, {
      total: f.money(plan.totals.cost),
      annual: f.money(plan.totals.annualizedCost),
      revenue: plan.totals.revenueShare === null ? '' : fill(d.revenuePart, { share: f.share(plan.totals.revenueShare) }),
    }),
    unit: fill(d.unitText, { ratio: f.ratio(plan.totals.ltvCac) }),
    checks: plan.checks.map((c) => ({ ok: c.ok, text: checkText(c, plan, t, locale), chapter: c.chapter })),
    risks: d.riskItems.map((r) => fill(r, { churn: f.share(maxChurn), contingency: f.share(v.contingencyRate) })),
    evaluation: d.evaluationItems,
    assumptions: d.assumptionItems.map((a) => fill(a, { overhead: f.share(v.overheadRate) })),
    recommendations: failed.length ? failed.map((id) => d.recommend[id]) : [d.recommend.ok],
    monthHead: [d.table.month, d.table.phase, d.table.members, d.table.operators, d.table.headcount, d.table.cost, d.table.acquisition],
    monthRows: plan.months.map((m) => [m.date.slice(0, 7), plan.phases.find((p) => p.id === m.phaseId)!.name, f.people(m.members), f.people(m.operators), f.people(m.headcount), f.money(m.cost.total), f.money(m.cost.acquisition)]),
  };
}

const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** The same document as Markdown. */
export function planMarkdown(plan: Plan, t: PlanStrings, locale: Locale): string {
  const d = t.doc;
  const doc = planDocument(plan, t, locale);
  return [
    `# ${doc.title}`,
    `> ${d.generated}`,
    `## ${d.background}`,
    doc.background,
    `## ${d.goals}`,
    d.goalsText,
    ...doc.checks.map((c) => `- ${c.ok ? '✅' : '⚠️'} ${c.text}`),
    `## ${d.phases}`,
    table(doc.phaseHead, doc.phaseRows),
    `## ${d.team}`,
    doc.team,
    doc.workload,
    table(doc.workloadHead, doc.workloadRows),
    ...(doc.workloadGap ? [doc.workloadGap] : []),
    `## ${d.budget}`,
    doc.budget,
    doc.koc,
    ...(doc.kocRows.length ? [table(doc.kocHead, doc.kocRows)] : []),
    `## ${d.unit}`,
    doc.unit,
    `## ${d.risks}`,
    ...doc.risks.map((r) => `- ${r}`),
    `## ${d.evaluation}`,
    ...doc.evaluation.map((r) => `- ${r}`),
    `## ${d.recommendations}`,
    ...doc.recommendations.map((r) => `- ${r}`),
    `## ${d.assumptions}`,
    ...doc.assumptions.map((r) => `- ${r}`),
    `## ${d.monthly}`,
    table(doc.monthHead, doc.monthRows),
    '',
  ].join('\n\n');
}
