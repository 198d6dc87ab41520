/**
 * 留存目标 / Retention targets: forward projection, the backward solve for a target, steady state,
 * stickiness, the 5/20/75 pyramid, and a cohort tab that fits the sBG model to a pasted curve.
 */
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatNumber, formatPercent, joinClauses, type Locale } from '../../lib/format';
import { SOURCE_DEFAULTS, STICKINESS_TARGET } from '../../lib/defaults';
import { defaultProjectMembersInput, projectMembers, requiredNewPerMonth, steadyState } from '../../lib/growth';
import { fitSbg, sbgSurvival } from '../../lib/sbg';
import { stickiness } from '../../lib/retention';
import { forecastTiers } from '../../lib/tiers';
import { parseSeries } from '../../lib/series';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import { ChartBlock } from './ChartBlock';
import { inputRows, SHOWN, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, only, useCalculator } from './useCalculator';
import type { InputIssue } from '../../lib/errors';
import './calculators.css';

const d = defaultProjectMembersInput;
/** Projection length for the cohort chart. */
const COHORT_MONTHS = 24;
export const RETENTION_FIELDS: FieldDef[] = [
  { key: 'tab', kind: 'select', default: 'members', options: ['members', 'cohort'] },
  { key: 'start', kind: 'number', default: String(d.start) },
  { key: 'newPerMonth', kind: 'number', default: String(d.newPerMonth) },
  { key: 'churn', kind: 'percent', default: percentText(d.monthlyChurn) },
  { key: 'months', kind: 'number', default: String(d.months) },
  { key: 'target', kind: 'number', default: '5000' },
  { key: 'dau', kind: 'number', default: '400' },
  { key: 'mau', kind: 'number', default: '1000' },
  // Example curve: the "regular" customers of Fader & Hardie (2007), years 0–7.
  { key: 'survival', kind: 'text', multiline: true, default: '100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1' },
];

const sameKey = (key: string) => () => key;
/** α and β are shown to 3 decimals. */
const ALPHA_BETA_DIGITS = 3;

export default function RetentionCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].retention;
  const c = ui[locale].common;
  const calc = useCalculator('retention', RETENTION_FIELDS);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const tab = calc.state.tab === 'cohort' ? 'cohort' : 'members';
  const num = (x: number | null) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const val = (k: string) => {
    const r = calc.values[k];
    return r?.ok ? (r.value as number) : null;
  };
  const pct = (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 1 });

  const growthKeys = ['start', 'newPerMonth', 'churn', 'months'];
  const projection = compute(only(calc.values, growthKeys), (v) =>
    projectMembers({ start: v.start as number, newPerMonth: v.newPerMonth as number, monthlyChurn: v.churn as number, months: v.months as number }),
  );
  const required = compute(
    only(calc.values, ['start', 'target', 'churn', 'months']),
    (v) => requiredNewPerMonth({ start: v.start as number, target: v.target as number, monthlyChurn: v.churn as number, months: v.months as number }),
  );
  const steady = compute(only(calc.values, ['newPerMonth', 'churn']), (v) =>
    steadyState({ newPerMonth: v.newPerMonth as number, monthlyChurn: v.churn as number }),
  );
  const end = projection.result ? projection.result[projection.result.length - 1]! : null;
  // The pyramid splits the forecast end membership (what the page projects), not the target. A forecast
  // past 10⁹ people (huge intake, tiny churn) is flagged on the intake that drives it.
  const pyramid = end === null ? { result: null, errors: {} } : compute({}, () => forecastTiers(end), sameKey('newPerMonth'));
  const stick = compute(only(calc.values, ['dau', 'mau']), (v) => stickiness(v.dau as number, v.mau as number), (p) => (p.includes('mau') ? 'mau' : 'dau'));

  const series = parseSeries(calc.state.survival ?? '');
  const cohortError: InputIssue | undefined = series.ok ? undefined : { path: 'survival', code: series.error };
  const fit = series.ok
    ? compute({ survival: { ok: true, value: 0 } }, () => fitSbg(series.values), sameKey('survival'))
    : { result: null, errors: { survival: cohortError! } };

  const errors = { ...projection.errors, ...required.errors, ...steady.errors, ...stick.errors, ...pyramid.errors, ...fit.errors };
  const field = fieldsFor('retention', RETENTION_FIELDS, t.fields, calc.state, errors, locale, calc.setField);
  const membersOk = projection.result && required.result && steady.result !== null && stick.result !== null && pyramid.result;
  const modelled = fit.result ? sbgSurvival(fit.result.alpha, fit.result.beta, COHORT_MONTHS) : null;
  const summary =
    tab === 'members'
      ? membersOk
        ? joinClauses([`${t.projected} ${num(end)}`, `${t.required} ${num(required.result!.newPerMonth)}`], locale)
        : null
      : fit.result
        ? joinClauses([`α ${formatNumber(fit.result.alpha, locale, { maximumFractionDigits: 3 })}`, `β ${formatNumber(fit.result.beta, locale, { maximumFractionDigits: 3 })}`], locale)
        : null;

  const select = (next: 'members' | 'cohort') => calc.setField('tab', next);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next = tab === 'members' ? 'cohort' : 'members';
      select(e.key === 'Home' ? 'members' : e.key === 'End' ? 'cohort' : next);
      root.current?.querySelector<HTMLElement>(`#retention-tab-${e.key === 'Home' ? 'members' : e.key === 'End' ? 'cohort' : next}`)?.focus();
    }
  };

  const rows: ExportRow[] | null =
    tab === 'members' && membersOk
      ? [
          [c.results, t.projected, end, c.people, SHOWN.people],
          [c.results, t.required, required.result!.newPerMonth, c.people, SHOWN.people],
          [c.results, t.steady, steady.result, c.people, SHOWN.people],
          [c.results, t.stickiness, stick.result, c.fraction, SHOWN.number],
          [c.results, `${t.tiers}: ${t.tierNames.core}`, pyramid.result!.core, c.people, SHOWN.people],
          [c.results, `${t.tiers}: ${t.tierNames.active}`, pyramid.result!.active, c.people, SHOWN.people],
          [c.results, `${t.tiers}: ${t.tierNames.silent}`, pyramid.result!.silent, c.people, SHOWN.people],
          ...projection.result!.map((m, i): ExportRow => [t.projectionLabel, fill(c.monthN, { n: i }), m, c.people, SHOWN.people]),
        ]
      : tab === 'cohort' && fit.result && modelled
        ? [
            [t.fit, 'alpha', fit.result.alpha, '', ALPHA_BETA_DIGITS],
            [t.fit, 'beta', fit.result.beta, '', ALPHA_BETA_DIGITS],
            ...modelled.map((s, i): ExportRow => [t.modelled, fill(c.monthN, { n: i }), s, c.fraction, SHOWN.share]),
          ]
        : null;

  return (
    <div class="calc not-content" ref={root} data-calc="retention">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <div role="tablist" aria-label={t.tabsLabel} class="calc-tabs">
        {(['members', 'cohort'] as const).map((id) => (
          <button
            type="button"
            role="tab"
            id={`retention-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`retention-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => select(id)}
            onKeyDown={onTabKey}
            key={id}
          >
            {t.tabs[id]}
          </button>
        ))}
      </div>
      {tab === 'members' ? (
        <div role="tabpanel" id="retention-panel-members" aria-labelledby="retention-tab-members" class="calc-grid">
          <form class="calc-inputs" aria-label={c.inputs} onSubmit={(e) => e.preventDefault()}>
            {field('start')}
            {field('newPerMonth')}
            {field('churn')}
            {field('months')}
            {field('target')}
            {field('dau')}
            {field('mau', { source: 'stickinessTarget' })}
          </form>
          <Results locale={locale} summary={summary} errors={!membersOk}>
            {membersOk ? (
              <>
                <dl class="calc-stats">
                  <Stat label={t.projected} value={num(end)} />
                  <Stat label={t.required} value={required.result!.alreadyReached ? t.alreadyReached : num(required.result!.newPerMonth)} />
                  <Stat label={t.steady} value={num(steady.result)} />
                  <Stat
                    label={t.stickiness}
                    value={formatNumber(stick.result, locale, { maximumFractionDigits: 2 })}
                    verdict={stick.result! >= STICKINESS_TARGET ? 'ok' : 'bad'}
                    note={`${stick.result! >= STICKINESS_TARGET ? c.ok : c.notOk} · ${fill(t.stickinessCheck, { target: formatNumber(STICKINESS_TARGET, locale) })}`}
                  />
                </dl>
                <ChartBlock
                  kind="line"
                  locale={locale}
                  label={t.projectionLabel}
                  table={{ head: [t.monthAxis, t.membersAxis], rows: projection.result!.map((m, i) => [String(i), num(m)]) }}
                  build={(col) => ({
                    type: 'line',
                    data: {
                      labels: projection.result!.map((_, i) => String(i)),
                      datasets: [
                        { label: t.membersAxis, data: projection.result!, borderColor: col.series[0]!, backgroundColor: col.series[0]!, pointRadius: 2, tension: 0.2 },
                        { label: t.fields.target[0]!, data: projection.result!.map(() => val('target')), borderColor: col.series[1]!, borderDash: [6, 4], pointRadius: 0 },
                      ],
                    },
                    options: {
                      scales: {
                        x: { title: { display: true, text: t.monthAxis, color: col.text }, ticks: { color: col.text }, grid: { color: col.grid } },
                        y: { beginAtZero: true, ticks: { color: col.text, callback: (v) => formatNumber(Number(v), locale, { compact: true }) }, grid: { color: col.grid } },
                      },
                      plugins: { legend: { position: 'bottom', labels: { color: col.text } } },
                    },
                  })}
                />
                {/* The pyramid as meters, not a second chart: one Chart.js build per page keeps it light. */}
                <figure class="calc-chart">
                  <ul class="calc-bars">
                    {(['core', 'active', 'silent'] as const).map((k) => (
                      <li key={k}>
                        <span class="calc-bars-label" id={`retention-tier-${k}`}>
                          {t.tierNames[k]}
                        </span>
                        <meter min={0} max={end ?? 0} value={pyramid.result![k]} aria-labelledby={`retention-tier-${k}`} />
                        <span class="calc-bars-value">{num(pyramid.result![k])}</span>
                      </li>
                    ))}
                  </ul>
                  <figcaption>{fill(t.tierLabel, { months: calc.state.months ?? '', end: num(end) })}</figcaption>
                  <p class="calc-default">
                    <span class="calc-badge">{c.sourceDefault}</span> {SOURCE_DEFAULTS.tierShares.note[locale]}
                  </p>
                </figure>
                <Formula
                  locale={locale}
                  assumptions={t.assumptions}
                  lines={[
                    fill(t.formula.projection, { churn: pct(val('churn')), newPerMonth: num(val('newPerMonth')), months: calc.state.months ?? '', end: num(end) }),
                    fill(t.formula.required, {
                      target: num(val('target')),
                      start: num(val('start')),
                      churn: pct(val('churn')),
                      months: calc.state.months ?? '',
                      n: formatNumber(required.result!.newPerMonth, locale),
                    }),
                    fill(t.formula.steady, { newPerMonth: num(val('newPerMonth')), churn: pct(val('churn')), steady: num(steady.result) }),
                    fill(t.formula.stickiness, { dau: num(val('dau')), mau: num(val('mau')), value: formatNumber(stick.result, locale) }),
                  ]}
                />
              </>
            ) : null}
          </Results>
        </div>
      ) : (
        <div role="tabpanel" id="retention-panel-cohort" aria-labelledby="retention-tab-cohort" class="calc-grid">
          <form class="calc-inputs calc-inputs--wide" aria-label={c.inputs} onSubmit={(e) => e.preventDefault()}>
            {field('survival')}
          </form>
          <Results locale={locale} summary={summary} errors={!fit.result}>
            {fit.result && modelled && series.ok ? (
              <>
                <dl class="calc-stats">
                  <Stat label={t.alpha} value={formatNumber(fit.result.alpha, locale, { maximumFractionDigits: 3 })} />
                  <Stat label={t.beta} value={formatNumber(fit.result.beta, locale, { maximumFractionDigits: 3 })} />
                  <Stat label={t.month12} value={pct(modelled[12] ?? null)} />
                  <Stat label={t.month24} value={pct(modelled[24] ?? null)} verdict={fit.result.atBound ? 'warn' : undefined} note={fit.result.atBound ? t.atBound : t.fitNote} />
                </dl>
                <ChartBlock
                  kind="line"
                  locale={locale}
                  label={t.cohortLabel}
                  table={{ head: [t.monthAxis, t.observed, t.modelled], rows: modelled.map((s, i) => [String(i), pct(series.values[i] ?? null), pct(s)]) }}
                  build={(col) => ({
                    type: 'line',
                    data: {
                      labels: modelled.map((_, i) => String(i)),
                      datasets: [
                        { label: t.observed, data: modelled.map((_, i) => series.values[i] ?? null), borderColor: col.series[1]!, backgroundColor: col.series[1]!, pointRadius: 4, showLine: false },
                        { label: t.modelled, data: modelled, borderColor: col.series[0]!, backgroundColor: col.series[0]!, pointRadius: 0, tension: 0.2 },
                      ],
                    },
                    options: {
                      scales: {
                        x: { title: { display: true, text: t.monthAxis, color: col.text }, ticks: { color: col.text }, grid: { color: col.grid } },
                        y: { min: 0, max: 1, ticks: { color: col.text, callback: (v) => formatPercent(Number(v), locale, { maximumFractionDigits: 0 }) }, grid: { color: col.grid } },
                      },
                      plugins: { legend: { position: 'bottom', labels: { color: col.text } } },
                    },
                  })}
                />
                <Formula
                  locale={locale}
                  assumptions={t.assumptions}
                  lines={[fill(t.formula.sbg, { alpha: formatNumber(fit.result.alpha, locale, { maximumFractionDigits: 4 }), beta: formatNumber(fit.result.beta, locale, { maximumFractionDigits: 4 }) }), t.fitNote]}
                />
              </>
            ) : null}
          </Results>
        </div>
      )}
      <Actions
        locale={locale}
        calc="retention"
        state={calc.state}
        rows={rows}
        inputs={inputRows(locale, RETENTION_FIELDS, calc.state, t.fields, tab === 'members' ? ['start', 'newPerMonth', 'churn', 'months', 'target', 'dau', 'mau'] : ['survival'])}
        linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}
