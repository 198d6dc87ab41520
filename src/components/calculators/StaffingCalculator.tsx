/** 人员配置 / Staffing: operators, groups, KOC range, headcount by role and personnel cost. */
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatCurrency, formatNumber, formatPercent, joinClauses, parenthetical, type Locale } from '../../lib/format';
import { kocHandOff } from '../../lib/koc-ladder';
import { budgetHandOff, defaultStaffingInput, planStaffing, type StaffingPlan } from '../../lib/staffing';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import { ChartBlock } from './ChartBlock';
import { inputRows, SHOWN, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, useCalculator } from './useCalculator';
import './calculators.css';

const d = defaultStaffingInput;
const role = (id: string) => d.coreTeam.find((r) => r.role === id)!;
export const STAFFING_FIELDS: FieldDef[] = [
  { key: 'members', kind: 'number', default: String(d.members) },
  { key: 'ratio', kind: 'number', default: String(d.membersPerOperator) },
  { key: 'active', kind: 'percent', default: percentText(d.activeShare) },
  { key: 'kocMin', kind: 'percent', default: percentText(d.kocShare.min) },
  { key: 'kocMax', kind: 'percent', default: percentText(d.kocShare.max) },
  { key: 'leadCount', kind: 'number', default: String(role('lead').count) },
  { key: 'leadSalary', kind: 'number', default: String(role('lead').annualSalary) },
  { key: 'contentCount', kind: 'number', default: String(role('content').count) },
  { key: 'contentSalary', kind: 'number', default: String(role('content').annualSalary) },
  { key: 'analystCount', kind: 'number', default: String(role('analyst').count) },
  { key: 'analystSalary', kind: 'number', default: String(role('analyst').annualSalary) },
  { key: 'operatorSalary', kind: 'number', default: String(d.operatorAnnualSalary) },
  { key: 'overhead', kind: 'percent', default: percentText(d.overheadRate) },
  { key: 'groupCap', kind: 'number', default: String(d.groupCapacity) },
];

const ROLES = ['lead', 'content', 'analyst'] as const;
const FIELD_OF: Record<string, string> = {
  members: 'members',
  membersPerOperator: 'ratio',
  activeShare: 'active',
  'kocShare.min': 'kocMin',
  'kocShare.max': 'kocMax',
  operatorAnnualSalary: 'operatorSalary',
  overheadRate: 'overhead',
  groupCapacity: 'groupCap',
};
const fieldOf = (path: string) => {
  const m = /^coreTeam\.(\d)\.(count|annualSalary)/.exec(path);
  if (m) return `${ROLES[Number(m[1])]}${m[2] === 'count' ? 'Count' : 'Salary'}`;
  return FIELD_OF[path] ?? FIELD_OF[path.split('.')[0] ?? ''];
};

export default function StaffingCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].staffing;
  const c = ui[locale].common;
  const calc = useCalculator('staffing', STAFFING_FIELDS);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const { result, errors } = compute(
    calc.values,
    (v) =>
      planStaffing({
        members: v.members as number,
        membersPerOperator: v.ratio as number,
        activeShare: v.active as number,
        kocShare: { min: v.kocMin as number, max: v.kocMax as number },
        coreTeam: ROLES.map((r) => ({ role: r, count: v[`${r}Count`] as number, annualSalary: v[`${r}Salary`] as number })),
        operatorAnnualSalary: v.operatorSalary as number,
        overheadRate: v.overhead as number,
        groupCapacity: v.groupCap as number,
      }),
    fieldOf,
  );
  const field = fieldsFor('staffing', STAFFING_FIELDS, t.fields, calc.state, errors, locale, calc.setField);
  const money = (x: number | null) => formatCurrency(x, locale);
  const num = (x: number | null) => formatNumber(x, locale);
  const v = (k: string) => (calc.values[k]?.ok ? calc.values[k].value : null) as number | null;
  // Every figure the budget shares with staffing goes along: the personnel cost and the members it serves.
  const budgetHref = result ? `${locale === 'en' ? '/en' : ''}/calculators/budget/${budgetHandOff(result, v('members')!)}` : undefined;
  const kocHref = result ? `${locale === 'en' ? '/en' : ''}/calculators/koc/${kocHandOff(result.koc)}` : undefined;
  const summary = result ? joinClauses([`${t.operators} ${num(result.operators)}`, `${t.headcount} ${num(result.headcount)}`, `${t.monthlyCost} ${money(result.monthlyPersonnelCost)}`], locale) : null;
  const teamRows: [string, number][] = result
    ? [...ROLES.map((r) => [t.roles[r], v(`${r}Count`) ?? 0] as [string, number]), [t.roles.operators, result.operators]]
    : [];

  return (
    <div class="calc not-content" ref={root} data-calc="staffing">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <div class="calc-grid">
        <form class="calc-inputs" aria-label={c.inputs} onSubmit={(e) => e.preventDefault()}>
          {field('members')}
          {field('ratio', { source: 'membersPerOperatorLaunch' })}
          {field('active')}
          {field('kocMin', { source: 'kocShareMin' })}
          {field('kocMax', { source: 'kocShareMax' })}
          {field('groupCap', { source: 'groupCapacity' })}
          {field('leadCount')}
          {field('leadSalary')}
          {field('contentCount')}
          {field('contentSalary')}
          {field('analystCount')}
          {field('analystSalary')}
          {field('operatorSalary', { source: 'operatorSalaryMin' })}
          {field('overhead')}
        </form>
        <Results locale={locale} summary={summary} errors={!result}>
          {result ? (
            <>
              <dl class="calc-stats">
                <Stat label={t.operators} value={num(result.operators)} />
                <Stat label={t.groups} value={num(result.groups)} />
                <Stat label={t.activeMembers} value={num(result.activeMembers)} />
                <Stat label={t.koc} value={`${num(result.koc.min)}–${num(result.koc.max)}`} />
                <Stat label={t.headcount} value={num(result.headcount)} />
                <Stat label={t.membersPerHead} value={num(result.membersPerHead)} />
                <Stat label={t.annualCost} value={money(result.annualPersonnelCost)} />
                <Stat label={t.monthlyCost} value={money(result.monthlyPersonnelCost)} />
              </dl>
              <p>
                <a class="calc-handoff" href={budgetHref}>
                  {t.toBudget} →
                </a>
              </p>
              <p>
                <a class="calc-handoff" href={kocHref}>
                  {t.toKoc} →
                </a>
              </p>
              <ChartBlock
                kind="bar"
                locale={locale}
                label={t.chartLabel}
                table={{ head: [c.item, c.value + parenthetical(c.people, locale)], rows: teamRows.map(([k, n]) => [k, num(n)]) }}
                build={(col) => ({
                  type: 'bar',
                  data: {
                    labels: teamRows.map(([k]) => k),
                    datasets: [{ label: t.chartLabel, data: teamRows.map(([, n]) => n), backgroundColor: teamRows.map((_, i) => col.series[i % col.series.length]!) }],
                  },
                  options: {
                    scales: {
                      x: { ticks: { color: col.text }, grid: { display: false } },
                      y: { beginAtZero: true, ticks: { color: col.text, precision: 0 }, grid: { color: col.grid } },
                    },
                    plugins: { legend: { display: false } },
                  },
                })}
              />
              <Formula
                locale={locale}
                assumptions={t.assumptions}
                lines={[
                  fill(t.formula.operators, { members: num(v('members')), ratio: num(v('ratio')), operators: num(result.operators) }),
                  fill(t.formula.groups, { members: num(v('members')), cap: num(v('groupCap')), groups: num(result.groups) }),
                  fill(t.formula.active, { members: num(v('members')), share: formatPercent(v('active'), locale), active: num(result.activeMembers) }),
                  fill(t.formula.koc, {
                    active: num(result.activeMembers),
                    min: formatPercent(v('kocMin'), locale),
                    max: formatPercent(v('kocMax'), locale),
                    kocMin: num(result.koc.min),
                    kocMax: num(result.koc.max),
                  }),
                  fill(t.formula.headcount, { operators: num(result.operators), headcount: num(result.headcount) }),
                  fill(t.formula.cost, {
                    coreCost: money(result.annualCoreSalaries),
                    operators: num(result.operators),
                    salary: money(v('operatorSalary')),
                    overhead: formatPercent(v('overhead'), locale),
                    annual: money(result.annualPersonnelCost),
                    monthly: money(result.monthlyPersonnelCost),
                  }),
                ]}
              />
            </>
          ) : null}
        </Results>
      </div>
      <Actions locale={locale} calc="staffing" state={calc.state} rows={result ? exportRows(result, locale) : null} inputs={inputRows(locale, STAFFING_FIELDS, calc.state, t.fields)} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

function exportRows(p: StaffingPlan, locale: Locale): ExportRow[] {
  const t = ui[locale].staffing;
  const c = ui[locale].common;
  return [
    [c.results, t.operators, p.operators, c.people, SHOWN.people],
    [c.results, t.groups, p.groups, '', SHOWN.people],
    [c.results, t.activeMembers, p.activeMembers, c.people, SHOWN.people],
    [c.results, `${t.koc} (min)`, p.koc.min, c.people, SHOWN.people],
    [c.results, `${t.koc} (max)`, p.koc.max, c.people, SHOWN.people],
    [c.results, t.headcount, p.headcount, c.people, SHOWN.people],
    [c.results, t.membersPerHead, p.membersPerHead, c.people, SHOWN.number],
    [c.results, t.annualCost, p.annualPersonnelCost, `${c.yuan}/${c.perYear}`, SHOWN.money],
    [c.results, t.monthlyCost, p.monthlyPersonnelCost, `${c.yuan}/${c.perMonth}`, SHOWN.money],
  ];
}
