/**
 * 工作量与排班 / Workload and rota, on the staffing page: operators from the hours the work and the opening
 * window need, beside the member ratio, and a 7-day rota for that many people (CSV and .ics downloads).
 */
import { Fragment } from 'preact';
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatNumber, formatPercent, type Locale } from '../../lib/format';
import { defaultStaffingInput, planStaffing } from '../../lib/staffing';
import { TASKS, defaultWorkloadInput, planWorkload, recommendOperators, type OperatorRecommendation, type WorkloadPlan } from '../../lib/workload';
import { buildRota, clock, operatorName, rotaOperatorsNeeded, rotaToIcs, type Rota } from '../../lib/rota';
import { fill } from '../../i18n/fill';
import { saveFile } from '../browser';
import { provideStrings, ui, type CalcStrings } from './strings';
import { saveCsv, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, usePrintOpensDetails, useRootRef } from './parts';
import { WorkloadFigures } from './WorkloadFigures';
import { compute, only, useCalculator } from './useCalculator';
import './calculators.css';

const d = defaultWorkloadInput;
const s = defaultStaffingInput;
export const WORKLOAD_FIELDS: FieldDef[] = [
  { key: 'members', kind: 'number', default: String(s.members) },
  { key: 'ratio', kind: 'number', default: String(s.membersPerOperator) },
  { key: 'groups', kind: 'number', default: String(d.groups) },
  { key: 'newPerMonth', kind: 'number', default: String(d.newMembersPerMonth) },
  { key: 'welcome', kind: 'number', default: String(d.welcomeMinutes) },
  { key: 'posts', kind: 'number', default: String(d.postsPerGroupPerDay) },
  { key: 'postMin', kind: 'number', default: String(d.minutesPerPost) },
  { key: 'care', kind: 'number', default: String(d.careContactsPerDay) },
  { key: 'careMin', kind: 'number', default: String(d.minutesPerContact) },
  { key: 'moderation', kind: 'number', default: String(d.moderationMinutesPerGroupPerDay) },
  { key: 'events', kind: 'number', default: String(d.eventsPerMonth) },
  { key: 'eventHours', kind: 'number', default: String(d.hoursPerEvent) },
  { key: 'reporting', kind: 'number', default: String(d.reportingHoursPerWeek) },
  { key: 'start', kind: 'number', default: String(d.coverage.startHour) },
  { key: 'end', kind: 'number', default: String(d.coverage.endHour) },
  { key: 'days', kind: 'number', default: String(d.coverage.daysPerWeek) },
  { key: 'onDuty', kind: 'number', default: String(d.minOnDuty) },
  { key: 'fteHours', kind: 'number', default: String(d.hoursPerFteWeek) },
  { key: 'productive', kind: 'percent', default: percentText(d.productiveShare) },
  { key: 'rotaOps', kind: 'number', default: '', optional: true },
  { key: 'names', kind: 'text', multiline: true, default: '' },
  { key: 'weekStart', kind: 'date', default: '2027-01-04' },
];

const WORK_KEYS = ['members', 'ratio', 'groups', 'newPerMonth', 'welcome', 'posts', 'postMin', 'care', 'careMin', 'moderation', 'events', 'eventHours', 'reporting', 'start', 'end', 'days', 'onDuty', 'fteHours', 'productive'];
const FIELD_OF: Record<string, string> = {
  members: 'members',
  membersPerOperator: 'ratio',
  groups: 'groups',
  newMembersPerMonth: 'newPerMonth',
  welcomeMinutes: 'welcome',
  postsPerGroupPerDay: 'posts',
  minutesPerPost: 'postMin',
  careContactsPerDay: 'care',
  minutesPerContact: 'careMin',
  moderationMinutesPerGroupPerDay: 'moderation',
  eventsPerMonth: 'events',
  hoursPerEvent: 'eventHours',
  reportingHoursPerWeek: 'reporting',
  'coverage.startHour': 'start',
  'coverage.endHour': 'end',
  'coverage.daysPerWeek': 'days',
  minOnDuty: 'onDuty',
  hoursPerFteWeek: 'fteHours',
  weeklyHours: 'fteHours',
  productiveShare: 'productive',
  operators: 'rotaOps',
};

interface Computed {
  workload: WorkloadPlan;
  recommendation: OperatorRecommendation;
  rota: Rota;
  rotaOperators: number;
  needed: number | null;
  weeklyHours: number;
}

export default function WorkloadCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].workload;
  const c = ui[locale].common;
  const calc = useCalculator('workload', WORKLOAD_FIELDS);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const { result, errors } = compute(
    only(calc.values, [...WORK_KEYS, 'rotaOps']),
    (v) => {
      const coverage = { startHour: v.start as number, endHour: v.end as number, daysPerWeek: v.days as number };
      const workload = planWorkload({
        groups: v.groups as number,
        newMembersPerMonth: v.newPerMonth as number,
        welcomeMinutes: v.welcome as number,
        postsPerGroupPerDay: v.posts as number,
        minutesPerPost: v.postMin as number,
        careContactsPerDay: v.care as number,
        minutesPerContact: v.careMin as number,
        moderationMinutesPerGroupPerDay: v.moderation as number,
        eventsPerMonth: v.events as number,
        hoursPerEvent: v.eventHours as number,
        reportingHoursPerWeek: v.reporting as number,
        coverage,
        minOnDuty: v.onDuty as number,
        hoursPerFteWeek: v.fteHours as number,
        productiveShare: v.productive as number,
      });
      const ratioOperators = planStaffing({ members: v.members as number, membersPerOperator: v.ratio as number }).operators;
      const recommendation = recommendOperators(ratioOperators, workload);
      const rotaOperators = (v.rotaOps as number | null) ?? recommendation.operators;
      const rotaInput = { coverage, minOnDuty: v.onDuty as number, weeklyHours: v.fteHours as number };
      return {
        workload,
        recommendation,
        rota: buildRota({ ...rotaInput, operators: rotaOperators }),
        rotaOperators,
        needed: rotaOperatorsNeeded(rotaInput),
        weeklyHours: v.fteHours as number,
      } satisfies Computed;
    },
    (path) => FIELD_OF[path] ?? FIELD_OF[path.split('.')[0] ?? ''],
  );
  const field = fieldsFor('workload', WORKLOAD_FIELDS, t.fields, calc.state, errors, locale, calc.setField);
  const names = (calc.state.names ?? '').split('\n');
  const nameOf = (i: number) => operatorName(i, names, t.fallbackName);
  const summary = result ? `${t.recommended} ${formatNumber(result.recommendation.operators, locale)}` : null;
  const rows = result ? exportRows(locale, calc.state, result) : null;
  const weekStart = calc.values.weekStart?.ok ? (calc.values.weekStart.value as string) : null;

  const downloadRotaCsv = () => {
    if (!result) return;
    const data = result.rota.shifts.map((sh) => [t.days[sh.day] ?? '', clock(sh.start), clock(sh.end), sh.onDuty.map(nameOf).join(' / '), sh.missing]);
    void saveCsv(`${c.exportFileName}-rota.csv`, [...t.rotaCsvHead], data);
  };
  const downloadIcs = () => {
    if (!result || !weekStart) return;
    const ics = rotaToIcs(result.rota, { weekStart, names, fallbackName: t.fallbackName, title: t.sections.rota });
    saveFile(`${c.exportFileName}-rota.ics`, 'text/calendar;charset=utf-8', ics);
  };

  return (
    <div class="calc not-content" ref={root} data-calc="workload">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <h2 class="calc-section-title" id="workload-work">{t.sections.work}</h2>
      <div class="calc-grid">
        <form class="calc-inputs" aria-labelledby="workload-work" onSubmit={(e) => e.preventDefault()}>
          {field('members')}
          {field('ratio', { source: 'membersPerOperatorLaunch' })}
          {field('groups')}
          {field('newPerMonth')}
          {field('welcome')}
          {field('posts')}
          {field('postMin')}
          {field('care')}
          {field('careMin')}
          {field('moderation')}
          {field('events')}
          {field('eventHours')}
          {field('reporting')}
          {field('start')}
          {field('end')}
          {field('days')}
          {field('onDuty')}
          {field('fteHours')}
          {field('productive')}
        </form>
        <Results locale={locale} summary={summary} errors={!result} label={`${c.results} · ${t.sections.work}`}>
          {result ? <WorkResults r={result} locale={locale} values={calc.values} /> : null}
        </Results>
      </div>

      <h2 class="calc-section-title" id="workload-rota">{t.sections.rota}</h2>
      <form class="calc-inputs" aria-labelledby="workload-rota" onSubmit={(e) => e.preventDefault()}>
        {field('rotaOps')}
        {field('names')}
        {field('weekStart')}
      </form>
      {result ? (
        <RotaView r={result} locale={locale} nameOf={nameOf} />
      ) : (
        <p class="calc-fix">{c.fixFields}</p>
      )}
      <div class="calc-actions" role="group" aria-label={t.sections.rota}>
        <button type="button" disabled={!result} onClick={downloadRotaCsv}>
          {t.exportRotaCsv}
        </button>
        <button type="button" disabled={!result || !weekStart} onClick={downloadIcs}>
          {t.exportIcs}
        </button>
      </div>
      <Actions locale={locale} calc="workload" state={calc.state} rows={rows} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

type Values = ReturnType<typeof useCalculator>['values'];

function WorkResults({ r, locale, values }: { r: Computed; locale: Locale; values: Values }) {
  const t = ui[locale].workload;
  const h = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 1 });
  const n = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const x2 = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 2 });
  const v = (k: string) => (values[k]?.ok ? values[k].value : null) as number | null;
  const w = r.workload;
  const rec = r.recommendation;
  return (
    <>
      <WorkloadFigures workload={w} recommendation={rec} membersPerOperator={v('ratio')} productiveShare={v('productive')} locale={locale} />
      <Formula
        locale={locale}
        assumptions={t.assumptions}
        lines={[
          fill(t.formula.welcome, { n: n(v('newPerMonth')), min: h(v('welcome')), h: h(w.taskHours.welcome) }),
          fill(t.formula.posting, { groups: n(v('groups')), posts: h(v('posts')), min: h(v('postMin')), h: h(w.taskHours.posting) }),
          fill(t.formula.care, { n: n(v('care')), min: h(v('careMin')), h: h(w.taskHours.care) }),
          fill(t.formula.moderation, { groups: n(v('groups')), min: h(v('moderation')), h: h(w.taskHours.moderation) }),
          fill(t.formula.events, { n: h(v('events')), hours: h(v('eventHours')), h: h(w.taskHours.events) }),
          fill(t.formula.workloadFte, { total: h(w.taskHours.total), fte: h(v('fteHours')), share: formatPercent(v('productive'), locale), x: x2(w.workloadFte), n: n(rec.byRule.workload) }),
          fill(t.formula.coverageFte, { end: h(v('end')), start: h(v('start')), days: n(v('days')), onDuty: n(v('onDuty')), hours: h(w.coverageHours), fte: h(v('fteHours')), x: x2(w.coverageFte), n: n(rec.byRule.coverage) }),
        ]}
      />
    </>
  );
}

function RotaView({ r, locale, nameOf }: { r: Computed; locale: Locale; nameOf: (i: number) => string }) {
  const t = ui[locale].workload;
  const n = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const h = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 1 });
  const rota = r.rota;
  const days = [...new Set(rota.shifts.map((s) => s.day))];
  const slots = [...new Map(rota.shifts.map((s) => [`${s.start}-${s.end}`, s])).values()];
  return (
    <section class="calc-results calc-rota" aria-labelledby="workload-rota">
      <p class="calc-hint" aria-live="polite">
        {fill(t.rotaFor, { n: n(r.rotaOperators) })} ·{' '}
        {r.needed === null ? t.rotaNeverCovers : fill(t.rotaNeeds, { n: n(r.needed), hours: h(r.weeklyHours) })}
      </p>
      <div class="calc-table-wrap" tabIndex={0}>
        <table class="calc-data-table calc-rota-table">
          <caption class="sr-only">{fill(t.rotaFor, { n: n(r.rotaOperators) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.shift}</th>
              {days.map((d) => (
                <th scope="col" key={d}>
                  {t.days[d]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot, i) => (
              <Fragment key={slot.start}>
                {i > 0 ? (
                  <tr class="calc-rota-handover" key={`h${slot.start}`}>
                    <th scope="row">{fill(t.handover, { time: clock(slot.start) })}</th>
                    {days.map((d) => {
                      const ho = rota.handovers.find((x) => x.day === d && x.at === slot.start);
                      return <td key={d}>{ho ? `${ho.from.map(nameOf).join('、') || t.unstaffed} → ${ho.to.map(nameOf).join('、') || t.unstaffed}` : ''}</td>;
                    })}
                  </tr>
                ) : null}
                <tr key={`s${slot.start}`}>
                  <th scope="row">
                    {clock(slot.start)}–{clock(slot.end)}
                  </th>
                  {days.map((d) => {
                    const sh = rota.shifts.find((x) => x.day === d && x.start === slot.start);
                    return (
                      <td key={d} class={sh && sh.missing > 0 ? 'calc-rota-gap' : undefined}>
                        {sh ? [...sh.onDuty.map(nameOf), ...(sh.missing > 0 ? [`${t.unstaffed} ×${sh.missing}`] : [])].join('、') : ''}
                      </td>
                    );
                  })}
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <h3 class="calc-rota-subtitle">{t.uncoveredTitle}</h3>
      {rota.gaps.length === 0 ? (
        <p>{fill(t.allCovered, { n: n(rota.shifts[0] ? rota.shifts[0].onDuty.length : 0) })}</p>
      ) : (
        <>
          <ul class="calc-rota-gaps">
            {rota.gaps.map((g) => (
              <li key={`${g.day}-${g.start}`}>{fill(t.uncoveredItem, { day: t.days[g.day] ?? '', from: clock(g.start), to: clock(g.end), n: n(g.missing) })}</li>
            ))}
          </ul>
          <p>{fill(t.uncoveredTotal, { hours: h(rota.uncoveredHours) })}</p>
        </>
      )}
      <h3 class="calc-rota-subtitle">{t.perOperator}</h3>
      <div class="calc-table-wrap" tabIndex={0}>
        <table class="calc-data-table">
          <thead>
            <tr>
              <th scope="col">{t.operator}</th>
              <th scope="col">{t.hours}</th>
              <th scope="col">{t.daysWorked}</th>
            </tr>
          </thead>
          <tbody>
            {rota.perOperator.map((p, i) => (
              <tr key={i}>
                <th scope="row">{nameOf(i)}</th>
                <td>{h(p.hours)}</td>
                <td>{n(p.days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function exportRows(locale: Locale, state: Record<string, string>, r: Computed): ExportRow[] {
  const t = ui[locale].workload;
  const c = ui[locale].common;
  const inputs: ExportRow[] = WORKLOAD_FIELDS.map((f) => {
    const [label = f.key, unit = ''] = t.fields[f.key as keyof typeof t.fields] ?? [];
    return [c.inputs, label, (state[f.key] ?? f.default).replace(/\n/g, ' | '), unit];
  });
  return [
    ...inputs,
    ...[...TASKS, 'total' as const].map((k): ExportRow => [c.results, t.tasks[k], r.workload.taskHours[k], t.hoursUnit]),
    [c.results, t.coverageHours, r.workload.coverageHours, t.hoursUnit],
    [c.results, t.byRule.ratio, r.recommendation.byRule.ratio, c.people],
    [c.results, t.byRule.workload, r.recommendation.byRule.workload, c.people],
    [c.results, t.byRule.coverage, r.recommendation.byRule.coverage, c.people],
    [c.results, t.recommended, r.recommendation.operators, c.people],
    [c.results, t.uncoveredTitle, r.rota.uncoveredHours, t.hoursUnit],
  ];
}
