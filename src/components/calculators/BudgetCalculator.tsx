/** 预算 / Budget: monthly lines, contingency, totals, cost per member and the two source-plan checks. */
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatCurrency, formatNumber, formatPercent, joinClauses, parenthetical, type Locale } from '../../lib/format';
import { defaultBudgetInput, planBudget, type BudgetPlan } from '../../lib/budget';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import { ChartBlock } from './ChartBlock';
import { inputRows, SHOWN, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, useCalculator } from './useCalculator';
import './calculators.css';

const d = defaultBudgetInput;
export const BUDGET_FIELDS: FieldDef[] = [
  { key: 'personnel', kind: 'number', default: String(d.personnelMonthly) },
  { key: 'tools', kind: 'number', default: String(d.toolsAnnual) },
  { key: 'online', kind: 'number', default: String(d.onlineEventsPerMonth) },
  { key: 'onlineCost', kind: 'number', default: String(d.onlineEventCost) },
  { key: 'offline', kind: 'number', default: String(d.offlineEventsPerQuarter) },
  { key: 'offlineCost', kind: 'number', default: String(d.offlineEventCost) },
  { key: 'content', kind: 'number', default: String(d.contentMonthly) },
  { key: 'incentives', kind: 'number', default: String(d.incentivesMonthly) },
  { key: 'contingency', kind: 'percent', default: percentText(d.contingencyRate) },
  { key: 'members', kind: 'number', default: String(d.members) },
  { key: 'revenue', kind: 'number', default: '', optional: true },
  { key: 'phase', kind: 'select', default: d.phase, options: ['launch', 'mature'] },
];

/** Library field → form field. */
const FIELD_OF: Record<string, string> = {
  personnelMonthly: 'personnel',
  toolsAnnual: 'tools',
  onlineEventsPerMonth: 'online',
  onlineEventCost: 'onlineCost',
  offlineEventsPerQuarter: 'offline',
  offlineEventCost: 'offlineCost',
  contentMonthly: 'content',
  incentivesMonthly: 'incentives',
  contingencyRate: 'contingency',
  members: 'members',
  annualRevenue: 'revenue',
  phase: 'phase',
};

export default function BudgetCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].budget;
  const c = ui[locale].common;
  const calc = useCalculator('budget', BUDGET_FIELDS);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const { result, errors } = compute(
    calc.values,
    (v) =>
      planBudget({
        personnelMonthly: v.personnel as number,
        toolsAnnual: v.tools as number,
        onlineEventsPerMonth: v.online as number,
        onlineEventCost: v.onlineCost as number,
        offlineEventsPerQuarter: v.offline as number,
        offlineEventCost: v.offlineCost as number,
        contentMonthly: v.content as number,
        incentivesMonthly: v.incentives as number,
        contingencyRate: v.contingency as number,
        members: v.members as number,
        annualRevenue: v.revenue as number | null,
        phase: v.phase as 'launch' | 'mature',
      }),
    (path) => FIELD_OF[path.split('.')[0] ?? ''],
  );
  const money = (x: number | null) => formatCurrency(x, locale);
  const field = fieldsFor('budget', BUDGET_FIELDS, t.fields, calc.state, errors, locale, calc.setField);
  const rows = result ? exportRows(result, locale) : null;
  const summary = result
    ? joinClauses([`${t.monthlyTotal} ${money(result.monthlyTotal)}`, `${t.annualTotal} ${money(result.annualTotal)}`], locale)
    : null;

  return (
    <div class="calc not-content" ref={root} data-calc="budget">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <div class="calc-grid">
        <form class="calc-inputs" aria-label={c.inputs} onSubmit={(e) => e.preventDefault()}>
          {field('personnel', { hint: t.staffingLink })}
          {field('tools', { source: 'toolsAnnualMin' })}
          {field('online')}
          {field('onlineCost')}
          {field('offline')}
          {field('offlineCost')}
          {field('content')}
          {field('incentives', { hint: t.kocLink })}
          {field('contingency')}
          {field('members')}
          {field('revenue', { source: 'revenueShareLimit' })}
          {field('phase', { options: t.phases, source: calc.state.phase === 'mature' ? 'techShareMature' : 'techShareLaunch' })}
        </form>
        <Results locale={locale} summary={summary} errors={!result}>
          {result ? <BudgetResults plan={result} locale={locale} values={calc.values} /> : null}
        </Results>
      </div>
      <Actions locale={locale} calc="budget" state={calc.state} rows={rows} inputs={inputRows(locale, BUDGET_FIELDS, calc.state, t.fields, undefined, { phase: t.phases })} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

function BudgetResults({ plan, locale, values }: { plan: BudgetPlan; locale: Locale; values: ReturnType<typeof useCalculator>['values'] }) {
  const t = ui[locale].budget;
  const c = ui[locale].common;
  const money = (x: number | null) => formatCurrency(x, locale);
  const share = (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 1 });
  const v = (k: string) => (values[k]?.ok ? values[k].value : null) as number | null;
  const lines = [
    ['personnel', plan.lines.personnel],
    ['tools', plan.lines.tools],
    ['activities', plan.lines.activities],
    ['content', plan.lines.content],
    ['incentives', plan.lines.incentives],
    ['contingency', plan.contingency],
  ] as const;
  const tech = plan.checks.techShare;
  const rev = plan.checks.revenueShare;
  return (
    <>
      <dl class="calc-stats">
        <Stat label={t.monthlyTotal} value={money(plan.monthlyTotal)} />
        <Stat label={t.annualTotal} value={money(plan.annualTotal)} />
        <Stat label={t.costPerMember} value={money(plan.costPerMemberMonthly)} />
        <Stat
          label={t.techShare}
          value={share(plan.techShare)}
          verdict={tech.ok ? 'ok' : 'bad'}
          note={`${tech.ok ? c.ok : c.notOk} · ${fill(t.checkTech, { limit: share(tech.limit) })}`}
        />
        <Stat
          label={t.revenueShare}
          value={rev ? share(rev.value) : c.noValue}
          verdict={rev ? (rev.ok ? 'ok' : 'bad') : undefined}
          note={rev ? `${rev.ok ? c.ok : c.notOk} · ${fill(t.checkRevenue, { limit: share(rev.limit) })}` : t.noRevenue}
        />
      </dl>
      <ChartBlock
        kind="bar"
        locale={locale}
        label={t.chartLabel}
        table={{ head: [c.item, c.value + parenthetical(c.yuan, locale)], rows: lines.map(([k, x]) => [t.lines[k], money(x)]) }}
        build={(col) => ({
          type: 'bar',
          data: {
            labels: [t.monthlyTotal],
            datasets: lines.map(([k, x], i) => ({ label: t.lines[k], data: [x], backgroundColor: col.series[i % col.series.length] })),
          },
          options: {
            indexAxis: 'y',
            scales: {
              x: { stacked: true, ticks: { color: col.text, callback: (n) => formatCurrency(Number(n), locale, { compact: true }) }, grid: { color: col.grid } },
              y: { stacked: true, ticks: { color: col.text }, grid: { display: false } },
            },
            plugins: {
              legend: { position: 'bottom', labels: { color: col.text } },
              tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${money(ctx.parsed.x)}` } },
            },
          },
        })}
      />
      <Formula
        locale={locale}
        assumptions={t.assumptions}
        lines={[
          fill(t.formula.tools, { annual: money(v('tools')), monthly: money(plan.lines.tools) }),
          fill(t.formula.activities, {
            online: formatNumber(v('online'), locale),
            onlineCost: money(v('onlineCost')),
            offline: formatNumber(v('offline'), locale),
            offlineCost: money(v('offlineCost')),
            total: money(plan.lines.activities),
          }),
          fill(t.formula.subtotal, { subtotal: money(plan.subtotal) }),
          fill(t.formula.contingency, { subtotal: money(plan.subtotal), rate: share(v('contingency')), contingency: money(plan.contingency) }),
          fill(t.formula.total, { subtotal: money(plan.subtotal), contingency: money(plan.contingency), total: money(plan.monthlyTotal), annual: money(plan.annualTotal) }),
          fill(t.formula.perMember, { total: money(plan.monthlyTotal), members: formatNumber(v('members'), locale), perMember: money(plan.costPerMemberMonthly) }),
          fill(t.formula.tech, { tools: money(plan.lines.tools), subtotal: money(plan.subtotal), share: share(plan.techShare) }),
          ...(plan.revenueShare !== null
            ? [fill(t.formula.revenue, { annual: money(plan.annualTotal), revenue: money(v('revenue')), share: share(plan.revenueShare) })]
            : []),
        ]}
      />
    </>
  );
}

function exportRows(plan: BudgetPlan, locale: Locale): ExportRow[] {
  const t = ui[locale].budget;
  const c = ui[locale].common;
  const m = `${c.yuan}/${c.perMonth}`;
  return [
    [c.results, t.lines.personnel, plan.lines.personnel, m, SHOWN.money],
    [c.results, t.lines.tools, plan.lines.tools, m, SHOWN.money],
    [c.results, t.lines.activities, plan.lines.activities, m, SHOWN.money],
    [c.results, t.lines.content, plan.lines.content, m, SHOWN.money],
    [c.results, t.lines.incentives, plan.lines.incentives, m, SHOWN.money],
    [c.results, t.lines.contingency, plan.contingency, m, SHOWN.money],
    [c.results, t.monthlyTotal, plan.monthlyTotal, m, SHOWN.money],
    [c.results, t.annualTotal, plan.annualTotal, `${c.yuan}/${c.perYear}`, SHOWN.money],
    [c.results, t.costPerMember, plan.costPerMemberMonthly, m, SHOWN.money],
    [c.results, t.techShare, plan.techShare, c.fraction, SHOWN.share],
    [c.results, t.revenueShare, plan.revenueShare, c.fraction, SHOWN.share],
  ];
}
