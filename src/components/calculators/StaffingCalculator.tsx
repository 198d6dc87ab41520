/** 人员配置 / Staffing: operators, groups, KOC range, headcount by role and personnel cost. */
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatCurrency, formatNumber, formatPercent, joinClauses, parenthetical, type Locale } from '../../lib/format';
import { kocHandOff } from '../../lib/koc-ladder';
import { budgetHandOff, defaultStaffingInput, planStaffing, type StaffingPlan } from '../../lib/staffing';
import { TASKS, checkWorkload, defaultWorkloadInput, type WorkloadCheck } from '../../lib/workload';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import { ChartBlock } from './ChartBlock';
import { inputRows, SHOWN, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, only, useCalculator } from './useCalculator';
import { fteText, hoursText, WorkloadFigures } from './WorkloadFigures';
import './calculators.css';

const d = defaultStaffingInput;
const w = defaultWorkloadInput;
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
  // The workload check (issue #18): the workload page's keys, so the hand-off link carries the same fields.
  { key: 'start', kind: 'number', default: String(w.coverage.startHour) },
  { key: 'end', kind: 'number', default: String(w.coverage.endHour) },
  { key: 'days', kind: 'number', default: String(w.coverage.daysPerWeek) },
  { key: 'onDuty', kind: 'number', default: String(w.minOnDuty) },
  { key: 'fteHours', kind: 'number', default: String(w.hoursPerFteWeek) },
];
const WORK_KEYS = ['start', 'end', 'days', 'onDuty', 'fteHours'];
const STAFF_KEYS = STAFFING_FIELDS.map((f) => f.key).filter((k) => !WORK_KEYS.includes(k));
const WORK_FIELD_OF: Record<string, string> = {
  'coverage.startHour': 'start',
  'coverage.endHour': 'end',
  'coverage.daysPerWeek': 'days',
  minOnDuty: 'onDuty',
  hoursPerFteWeek: 'fteHours',
};

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
  const wt = ui[locale].workload;
  const c = ui[locale].common;
  const calc = useCalculator('staffing', STAFFING_FIELDS);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const staffing = compute(
    only(calc.values, STAFF_KEYS),
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
  const result = staffing.result;
  const num0 = (k: string) => (calc.values[k]?.ok ? (calc.values[k].value as number) : 0);
  // The workload fields are judged even while a staffing field is wrong, so every error shows at once.
  const check = compute(
    only(calc.values, WORK_KEYS),
    (v) =>
      checkWorkload(
        result?.operators ?? 0,
        {
          groups: result?.groups ?? 0,
          coverage: { startHour: v.start as number, endHour: v.end as number, daysPerWeek: v.days as number },
          minOnDuty: v.onDuty as number,
          hoursPerFteWeek: v.fteHours as number,
        },
        // The pay is the staffing fields' (the section shows only when they are valid).
        { operatorAnnualSalary: num0('operatorSalary'), overheadRate: num0('overhead') },
      ),
    (path) => WORK_FIELD_OF[path],
  );
  const errors = { ...staffing.errors, ...check.errors };
  const work = result ? check.result : null;
  const labels = { ...t.fields, ...Object.fromEntries(WORK_KEYS.map((k) => [k, wt.fields[k as keyof typeof wt.fields]])) };
  const field = fieldsFor('staffing', STAFFING_FIELDS, labels, calc.state, errors, locale, calc.setField);
  const money = (x: number | null) => formatCurrency(x, locale);
  const num = (x: number | null) => formatNumber(x, locale);
  const v = (k: string) => (calc.values[k]?.ok ? calc.values[k].value : null) as number | null;
  // Every figure the budget shares with staffing goes along: the personnel cost and the members it serves.
  const budgetHref = result ? `${locale === 'en' ? '/en' : ''}/calculators/budget/${budgetHandOff(result, v('members')!)}` : undefined;
  const kocHref = result ? `${locale === 'en' ? '/en' : ''}/calculators/koc/${kocHandOff(result.koc)}` : undefined;
  const summary = result ? joinClauses([`${t.operators} ${num(result.operators)}`, `${t.headcount} ${num(result.headcount)}`, `${t.monthlyCost} ${money(result.monthlyPersonnelCost)}`], locale) : null;
  const workSummary = work ? fill(t.workloadCheck.summary, { operators: num(work.operators), rule: wt.byRule[work.reason] }) : null;
  // The workload page reads the same keys; the groups are this page's result, the rest as typed here.
  const workloadHref = result
    ? `${locale === 'en' ? '/en' : ''}/calculators/workload/?${new URLSearchParams({
        members: calc.state.members ?? '',
        ratio: calc.state.ratio ?? '',
        groups: String(result.groups),
        ...Object.fromEntries(WORK_KEYS.map((k) => [k, calc.state[k] ?? ''])),
      })}`
    : undefined;
  const teamRows: [string, number][] = result
    ? [...ROLES.map((r) => [t.roles[r], v(`${r}Count`) ?? 0] as [string, number]), [t.roles.operators, result.operators]]
    : [];

  return (
    <div class="calc not-content" ref={root} data-calc="staffing">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(labels)} onDismiss={calc.dismissNotice} />
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
      <h2 class="calc-section-title" id="staffing-workload">{t.workloadCheck.title}</h2>
      <p class="calc-hint">{fill(t.workloadCheck.intro, { groups: result ? num(result.groups) : '—' })}</p>
      <div class="calc-grid">
        <form class="calc-inputs" aria-labelledby="staffing-workload" onSubmit={(e) => e.preventDefault()}>
          {WORK_KEYS.map((k) => field(k))}
        </form>
        <Results locale={locale} summary={workSummary} errors={!work} label={`${c.results} · ${t.workloadCheck.title}`}>
          {work && result ? (
            <>
              <WorkloadFigures workload={work.workload} recommendation={work} membersPerOperator={v('ratio')} productiveShare={w.productiveShare} locale={locale} />
              <dl class="calc-stats">
                <Stat label={t.workloadCheck.binds} value={wt.byRule[work.reason]} />
              </dl>
              <p data-extra={work.extraOperators}>
                {work.extraOperators > 0
                  ? fill(t.workloadCheck.extra, {
                      n: num(work.extraOperators),
                      extra: money(work.extraPersonnelMonthly),
                      salary: money(v('operatorSalary')),
                      overhead: formatPercent(v('overhead'), locale),
                    })
                  : t.workloadCheck.noExtra}
              </p>
              <p>
                <a class="calc-handoff" href={workloadHref}>
                  {t.workloadCheck.toWorkload} →
                </a>
              </p>
              <Formula
                locale={locale}
                assumptions={wt.assumptions.slice(0, 2)}
                lines={[
                  fill(wt.formula.workloadFte, { total: hoursText(work.workload.taskHours.total, locale), fte: hoursText(v('fteHours'), locale), share: formatPercent(w.productiveShare, locale), x: fteText(work.workload.workloadFte, locale), n: num(work.byRule.workload) }),
                  fill(wt.formula.coverageFte, { end: hoursText(v('end'), locale), start: hoursText(v('start'), locale), days: num(v('days')), onDuty: num(v('onDuty')), hours: hoursText(work.workload.coverageHours, locale), fte: hoursText(v('fteHours'), locale), x: fteText(work.workload.coverageFte, locale), n: num(work.byRule.coverage) }),
                ]}
              />
            </>
          ) : null}
        </Results>
      </div>
      <Actions locale={locale} calc="staffing" state={calc.state} rows={result ? exportRows(result, work, locale) : null} inputs={inputRows(locale, STAFFING_FIELDS, calc.state, labels)} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

function exportRows(p: StaffingPlan, work: WorkloadCheck | null, locale: Locale): ExportRow[] {
  const t = ui[locale].staffing;
  const wt = ui[locale].workload;
  const c = ui[locale].common;
  const section = `${c.results} · ${t.workloadCheck.title}`;
  const workRows: ExportRow[] = work
    ? [
        ...[...TASKS, 'total' as const].map((k): ExportRow => [section, wt.tasks[k], work.workload.taskHours[k], wt.hoursUnit, 1]),
        [section, wt.coverageHours, work.workload.coverageHours, wt.hoursUnit, 1],
        [section, wt.byRule.ratio, work.byRule.ratio, c.people, SHOWN.people],
        [section, wt.byRule.workload, work.byRule.workload, c.people, SHOWN.people],
        [section, wt.byRule.coverage, work.byRule.coverage, c.people, SHOWN.people],
        [section, wt.recommended, work.operators, c.people, SHOWN.people],
        [section, t.workloadCheck.binds, wt.byRule[work.reason], ''],
        [section, t.workloadCheck.extraCost, work.extraPersonnelMonthly, `${c.yuan}/${c.perMonth}`, SHOWN.money],
      ]
    : [];
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
    ...workRows,
  ];
}
