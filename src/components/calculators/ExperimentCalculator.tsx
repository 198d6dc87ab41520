/**
 * 社群实验 / Community experiment: plan the size of a two-arm test (members or whole groups randomised),
 * analyse its counts, and assign the groups to arms at random with a seed anyone can re-run.
 */
import { useMemo } from 'preact/hooks';
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatMonths, formatNumber, formatPercent, joinClauses, type Locale } from '../../lib/format';
import {
  analyzeExperiment,
  assignGroups,
  clusterDesignEffect,
  defaultExperimentPlanInput,
  planExperiment,
  type ExperimentPlan,
  type ExperimentResult,
  type GroupAssignment,
} from '../../lib/experiment';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import type { ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, only, useCalculator } from './useCalculator';
import './calculators.css';

const d = defaultExperimentPlanInput;
/** The default example counts are the contract's analysis example. */
export function experimentFields(locale: Locale): FieldDef[] {
  return [
    { key: 'base', kind: 'percent', default: percentText(d.baseline) },
    { key: 'lift', kind: 'percent', default: percentText(d.minDetectableLift) },
    { key: 'alpha', kind: 'percent', default: percentText(d.alpha) },
    { key: 'power', kind: 'percent', default: percentText(d.power) },
    { key: 'unit', kind: 'select', default: d.unit, options: ['member', 'group'] },
    { key: 'm', kind: 'number', default: String(d.membersPerGroup) },
    { key: 'icc', kind: 'number', default: String(d.icc) },
    { key: 'intake', kind: 'number', default: String(d.intakePerMonth) },
    { key: 'cn', kind: 'number', default: '1200' },
    { key: 'cx', kind: 'number', default: '240' },
    { key: 'tn', kind: 'number', default: '1180' },
    { key: 'tx', kind: 'number', default: '283' },
    { key: 'groups', kind: 'text', multiline: true, default: ui[locale].experiment.defaultGroups },
    { key: 'seed', kind: 'number', default: '20261201' },
  ];
}

const PLAN_FIELD: Record<string, string> = {
  baseline: 'base',
  minDetectableLift: 'lift',
  alpha: 'alpha',
  power: 'power',
  unit: 'unit',
  membersPerGroup: 'm',
  icc: 'icc',
  intakePerMonth: 'intake',
};
const RESULT_FIELD: Record<string, string> = { 'control.n': 'cn', 'control.x': 'cx', 'treatment.n': 'tn', 'treatment.x': 'tx', alpha: 'alpha', unit: 'unit', membersPerGroup: 'm', icc: 'icc' };

/** One group name per non-blank line. */
const namesOf = (text: string) => text.split('\n').map((s) => s.trim()).filter((s) => s !== '');

/** A new seed from the browser's random source (a person never picks it). */
const drawSeed = () => String(crypto.getRandomValues(new Uint32Array(1))[0]);

export default function ExperimentCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].experiment;
  const c = ui[locale].common;
  const fields = useMemo(() => experimentFields(locale), [locale]);
  const calc = useCalculator('experiment', fields);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const unit = () => calc.values.unit?.ok ? (calc.values.unit.value as 'member' | 'group') : 'group';

  const plan = compute(
    only(calc.values, ['base', 'lift', 'alpha', 'power', 'unit', 'm', 'icc', 'intake']),
    (v) =>
      planExperiment({
        baseline: v.base as number,
        minDetectableLift: v.lift as number,
        alpha: v.alpha as number,
        power: v.power as number,
        unit: v.unit as 'member' | 'group',
        membersPerGroup: v.m as number,
        icc: v.icc as number,
        intakePerMonth: v.intake as number,
      }),
    (path) => PLAN_FIELD[path.split('.')[0] ?? ''],
  );
  const analysis = compute(
    only(calc.values, ['cn', 'cx', 'tn', 'tx', 'alpha', 'unit', 'm', 'icc']),
    (v) => {
      const designEffect = clusterDesignEffect({ unit: v.unit as 'member' | 'group', membersPerGroup: v.m as number, icc: v.icc as number });
      return {
        designEffect,
        result: analyzeExperiment({
          control: { n: v.cn as number, x: v.cx as number },
          treatment: { n: v.tn as number, x: v.tx as number },
          alpha: v.alpha as number,
          designEffect,
        }),
      };
    },
    (path) => RESULT_FIELD[path] ?? RESULT_FIELD[path.split('.')[0] ?? ''],
  );
  const names = namesOf(calc.state.groups ?? '');
  const assignment = compute(only(calc.values, ['seed']), (v) => assignGroups({ names, seed: v.seed as number }), (path) =>
    path.startsWith('names') ? 'groups' : 'seed',
  );
  const groupsIssue = assignment.errors.groups;
  // Too few names reads as "fill this in"; the hint below says how many and what is duplicated.
  if (groupsIssue?.code === 'too_few_points') assignment.errors.groups = { path: 'groups', code: 'required' };
  const errors = { ...plan.errors, ...analysis.errors, ...assignment.errors };
  const field = fieldsFor('experiment', fields, t.fields, calc.state, errors, locale, calc.setField);
  const groupsMessage = groupsIssue
    ? groupsIssue.code === 'duplicate_id'
      ? fill(t.duplicateGroup, { name: names[Number(groupsIssue.path.split('.')[1])] ?? '' })
      : t.tooFewGroups
    : undefined;

  const rows = plan.result ? exportRows(locale, calc.state, fields, plan.result, analysis.result?.result ?? null, assignment.result) : null;
  const num = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const summary = plan.result
    ? joinClauses([`${t.membersNeeded} ${num(plan.result.membersNeeded)}`, ...(plan.result.groupsPerArm !== null ? [`${t.groupsPerArm} ${num(plan.result.groupsPerArm)}`] : [])], locale)
    : null;

  return (
    <div class="calc not-content" ref={root} data-calc="experiment">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <h2 class="calc-section-title" id="experiment-plan">{t.sections.plan}</h2>
      <div class="calc-grid">
        <form class="calc-inputs" aria-labelledby="experiment-plan" onSubmit={(e) => e.preventDefault()}>
          {field('base')}
          {field('lift')}
          {field('alpha')}
          {field('power')}
          {field('unit', { options: t.units })}
          {field('m')}
          {field('icc', { hint: t.iccHelp })}
          {field('intake')}
        </form>
        <Results locale={locale} summary={summary} errors={!plan.result} label={`${c.results} · ${t.sections.plan}`}>
          {plan.result ? <PlanResults plan={plan.result} locale={locale} unit={unit()} values={calc.values} /> : null}
        </Results>
      </div>
      <p class="calc-hint calc-assumption-note">
        <span class="calc-badge">{c.assumptions}</span> {t.iccTypical}
      </p>

      <h2 class="calc-section-title" id="experiment-analyse">{t.sections.analyse}</h2>
      <div class="calc-grid">
        <form class="calc-inputs" aria-labelledby="experiment-analyse" onSubmit={(e) => e.preventDefault()}>
          {field('cn')}
          {field('cx')}
          {field('tn')}
          {field('tx')}
        </form>
        <AnalysisResults locale={locale} analysis={analysis.result} plan={plan.result} values={calc.values} />
      </div>

      <h2 class="calc-section-title" id="experiment-assign">{t.sections.assign}</h2>
      <div class="calc-grid">
        <form class="calc-inputs calc-inputs--wide" aria-labelledby="experiment-assign" onSubmit={(e) => e.preventDefault()}>
          {field('groups', groupsMessage ? { hint: groupsMessage } : {})}
          {field('seed')}
          <div>
            <button type="button" onClick={() => calc.setField('seed', drawSeed())}>
              {t.newSeed}
            </button>
          </div>
        </form>
        <section class="calc-results" aria-label={t.sections.assign} aria-live="polite">
          {assignment.result ? <AssignmentTable locale={locale} assignment={assignment.result} seed={calc.state.seed ?? ''} /> : <p class="calc-fix">{groupsMessage ?? c.fixFields}</p>}
        </section>
      </div>
      <Actions locale={locale} calc="experiment" state={calc.state} rows={rows} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

type Values = ReturnType<typeof useCalculator>['values'];
const valueOf = (values: Values, k: string) => (values[k]?.ok ? values[k].value : null) as number | null;

function PlanResults({ plan, locale, unit, values }: { plan: ExperimentPlan; locale: Locale; unit: 'member' | 'group'; values: Values }) {
  const t = ui[locale].experiment;
  const num = (x: number | null, digits = 0) => formatNumber(x, locale, { maximumFractionDigits: digits });
  const pct = (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 2 });
  const v = (k: string) => valueOf(values, k);
  return (
    <>
      <dl class="calc-stats">
        <Stat label={t.membersPerArm} value={num(plan.membersPerArmNeeded)} note={fill(t.nNote, { n: num(plan.membersPerArm, 2) })} />
        {unit === 'group' ? <Stat label={t.designEffect} value={num(plan.designEffect, 2)} /> : null}
        {plan.groupsPerArm !== null ? <Stat label={t.groupsPerArm} value={num(plan.groupsPerArm)} /> : null}
        <Stat label={t.membersNeeded} value={num(plan.membersNeeded)} />
        {plan.groupsPerArm !== null ? <Stat label={t.membersEnrolled} value={num(plan.membersEnrolled)} /> : null}
        <Stat label={t.duration} value={plan.monthsToEnrol === null ? ui[locale].common.noValue : formatMonths(plan.monthsToEnrol, locale)} note={plan.monthsToEnrol === null ? t.noIntake : undefined} />
      </dl>
      {unit === 'member' ? <p class="calc-hint">{t.memberUnitNote}</p> : null}
      <Formula
        locale={locale}
        assumptions={t.assumptions}
        lines={[
          fill(t.formula.n, {
            p1: pct(plan.rates.control),
            p2: pct(plan.rates.treatment),
            za: num(plan.zAlpha, 4),
            zb: num(plan.zPower, 4),
            n: num(plan.membersPerArm, 2),
          }),
          ...(unit === 'group'
            ? [
                fill(t.formula.de, { m: num(v('m')), icc: num(v('icc'), 4), de: num(plan.designEffect, 2) }),
                fill(t.formula.groups, { n: num(plan.membersPerArm, 2), de: num(plan.designEffect, 2), m: num(v('m')), groups: num(plan.groupsPerArm) }),
              ]
            : []),
          fill(t.formula.needed, { needed: num(plan.membersNeeded) }),
          ...(plan.monthsToEnrol !== null
            ? [fill(t.formula.months, { enrolled: num(plan.membersEnrolled), intake: num(v('intake')), months: formatMonths(plan.monthsToEnrol, locale) })]
            : []),
        ]}
      />
    </>
  );
}

function AnalysisResults({
  locale,
  analysis,
  plan,
  values,
}: {
  locale: Locale;
  analysis: { designEffect: number; result: ExperimentResult } | null;
  plan: ExperimentPlan | null;
  values: Values;
}) {
  const t = ui[locale].experiment;
  const c = ui[locale].common;
  const pct = (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 2 });
  const r = analysis?.result ?? null;
  const p = (x: number) => (x < 0.0001 ? '< 0.0001' : formatNumber(x, locale, { maximumFractionDigits: 4 }));
  const alpha = valueOf(values, 'alpha');
  const verdict = r ? (r.significant ? (r.difference > 0 ? 'up' : 'down') : 'none') : null;
  const need = plan?.membersPerArmNeeded ?? 0;
  const small = r !== null && ((valueOf(values, 'cn') ?? 0) < need || (valueOf(values, 'tn') ?? 0) < need);
  const summary = r && verdict ? fill(t.verdicts[verdict], { alpha: pct(alpha), p: p(r.pValue), lo: pct(r.ci[0]), hi: pct(r.ci[1]) }) : null;
  return (
    <Results locale={locale} summary={summary} errors={!r} label={`${ui[locale].common.results} · ${t.sections.analyse}`}>
      {r && analysis ? (
        <>
          <dl class="calc-stats">
            <Stat label={t.rates} value={`${pct(r.rates.control)} / ${pct(r.rates.treatment)}`} />
            <Stat label={t.difference} value={pct(r.difference)} />
            <Stat label={fill(t.interval, { level: formatPercent(r.confidence, locale, { maximumFractionDigits: 1 }) })} value={`${pct(r.ci[0])} – ${pct(r.ci[1])}`} />
            <Stat label={t.pValue} value={p(r.pValue)} verdict={r.significant ? 'ok' : 'warn'} />
          </dl>
          <p class="calc-verdict" data-verdict={verdict}>
            {summary}
          </p>
          {small ? <p class="calc-hint">{fill(t.underpowered, { n: formatNumber(need, locale) })}</p> : null}
          <p class="calc-hint">{fill(t.designEffectUsed, { de: formatNumber(analysis.designEffect, locale) })}</p>
          <Formula locale={locale} assumptions={t.assumptions} lines={[t.formula.ci, fill(t.formula.z, { z: formatNumber(r.z, locale, { maximumFractionDigits: 4 }) })]} />
        </>
      ) : null}
    </Results>
  );
}

function AssignmentTable({ locale, assignment, seed }: { locale: Locale; assignment: GroupAssignment; seed: string }) {
  const t = ui[locale].experiment;
  const rows = Math.max(assignment.treatment.length, assignment.control.length);
  return (
    <>
      <p class="calc-hint">{fill(t.assignNote, { seed })}</p>
      <div class="calc-table-wrap" tabIndex={0}>
        <table class="calc-data-table calc-assignment">
          <caption class="sr-only">{t.sections.assign}</caption>
          <thead>
            <tr>
              <th scope="col">{t.treatment}</th>
              <th scope="col">{t.control}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <td>{assignment.treatment[i] ?? ''}</td>
                <td>{assignment.control[i] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function exportRows(
  locale: Locale,
  state: Record<string, string>,
  fields: FieldDef[],
  plan: ExperimentPlan,
  result: ExperimentResult | null,
  assignment: GroupAssignment | null,
): ExportRow[] {
  const t = ui[locale].experiment;
  const c = ui[locale].common;
  const inputs: ExportRow[] = fields.map((f) => {
    const [label = f.key, unit = ''] = t.fields[f.key as keyof typeof t.fields] ?? [];
    return [c.inputs, label, (state[f.key] ?? f.default).replace(/\n/g, ' | '), unit];
  });
  const out: ExportRow[] = [
    ...inputs,
    [c.results, t.membersPerArm, plan.membersPerArm, c.people],
    [c.results, t.designEffect, plan.designEffect, ''],
    [c.results, t.groupsPerArm, plan.groupsPerArm, ''],
    [c.results, t.membersNeeded, plan.membersNeeded, c.people],
    [c.results, t.membersEnrolled, plan.membersEnrolled, c.people],
    [c.results, t.duration, plan.monthsToEnrol, c.months],
  ];
  if (result) {
    out.push(
      [c.results, `${t.rates} · ${t.control}`, result.rates.control, c.fraction],
      [c.results, `${t.rates} · ${t.treatment}`, result.rates.treatment, c.fraction],
      [c.results, t.difference, result.difference, c.fraction],
      [c.results, t.ciLow, result.ci[0], c.fraction],
      [c.results, t.ciHigh, result.ci[1], c.fraction],
      [c.results, 'z', result.z, ''],
      [c.results, t.pValue, result.pValue, ''],
    );
  }
  if (assignment) {
    for (const name of assignment.treatment) out.push([t.sections.assign, name, t.treatment, '']);
    for (const name of assignment.control) out.push([t.sections.assign, name, t.control, '']);
  }
  return out;
}
