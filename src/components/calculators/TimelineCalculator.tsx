/**
 * 阶段时间线 / Phase timeline: a preset from the source plans or custom phases (add, remove, reorder, up to 12),
 * calendar dates from a start date, a Gantt-style chart and an .ics download.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { FieldDef } from '../../lib/calc-state';
import { formatNumber, joinClauses, type Locale } from '../../lib/format';
// Straight from each module, not the index: the index re-exports every module, and some build schemas at
// load time, which the bundler cannot drop.
import { TIMELINE_LIMITS, planTimeline, type Timeline, type TimelinePhaseInput } from '../../lib/timeline';
import { addMonthsIso } from '../../lib/dates';
import { presetPhases, type TimelinePresetId } from '../../lib/presets';
import { timelineToIcs } from '../../lib/ics';
import { decodeDrafts, draftOf, encodeDrafts, encodePhases, kpisToText, readDrafts, type PhaseDraft } from '../../lib/phase-list';
import type { InputIssue } from '../../lib/errors';
import { fill } from '../../i18n/fill';
import { saveFile } from '../browser';
import { provideStrings, ui, type CalcStrings } from './strings';
import { ChartBlock } from './ChartBlock';
import { inputRows, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, issueText, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, only, useCalculator } from './useCalculator';
import './calculators.css';

const PRESETS: TimelinePresetId[] = ['launch-growth-mature', 'three-step', 'four-stage'];

/** The first day of next month, in the reader's calendar: a sensible start for a new plan. */
function nextMonthStart(): string {
  const now = new Date();
  const first = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
  return addMonthsIso(first, 1);
}

export function timelineFields(locale: Locale): FieldDef[] {
  return [
    { key: 'preset', kind: 'select', default: 'launch-growth-mature', options: [...PRESETS, 'custom'] },
    { key: 'start', kind: 'date', default: nextMonthStart() },
    { key: 'phases', kind: 'text', default: encodePhases(presetPhases('launch-growth-mature', locale)) },
  ];
}

export default function TimelineCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].timeline;
  const c = ui[locale].common;
  const fields = useMemo(() => timelineFields(locale), [locale]);
  const calc = useCalculator('timeline', fields);
  const root = useRootRef();
  usePrintOpensDetails(root);

  // A link that names a template but carries no phases (e.g. from the onboarding exercises) means that template.
  useEffect(() => {
    if (!calc.ready) return;
    const params = new URLSearchParams(window.location.search);
    const preset = params.get('preset');
    if (preset && preset !== 'custom' && PRESETS.includes(preset as TimelinePresetId) && !params.has('phases')) {
      calc.setField('phases', encodePhases(presetPhases(preset as TimelinePresetId, locale)));
    }
  }, [calc.ready]);

  // The boxes show the drafts (text as typed); the library gets them read by parseNumber.
  const decoded = decodeDrafts(calc.state.phases ?? '');
  const drafts: PhaseDraft[] = decoded ?? presetPhases('launch-growth-mature', locale).map(draftOf);
  const read = readDrafts(drafts);
  const phases: TimelinePhaseInput[] = read.phases;
  const setPhases = (next: PhaseDraft[]) => {
    calc.setField('phases', encodeDrafts(next));
    if (calc.state.preset !== 'custom') calc.setField('preset', 'custom');
  };
  const applyPreset = (id: string) => {
    calc.setField('preset', id);
    if (id !== 'custom') calc.setField('phases', encodePhases(presetPhases(id as TimelinePresetId, locale)));
  };

  const phaseIssues: Record<string, InputIssue> = {};
  const { result, errors } = compute(
    only(calc.values, ['start']),
    (v) => planTimeline({ start: v.start as string, phases }),
    (path) => {
      const m = /^phases\.(\d+)\.(name|months|kpis)/.exec(path);
      if (m) return `phase-${m[1]}-${m[2]}`;
      return path.startsWith('phases') ? 'phases' : 'start';
    },
  );
  for (const [k, issue] of Object.entries(errors)) if (k.startsWith('phase')) phaseIssues[k] = issue;
  // A months box that does not read as a number says so, rather than the library's word for the NaN.
  for (const [i, code] of Object.entries(read.errors)) phaseIssues[`phase-${i}-months`] = { path: `phases.${i}.months`, code };
  const field = fieldsFor('timeline', fields, t.fields, calc.state, errors, locale, (key, text) => (key === 'preset' ? applyPreset(text) : calc.setField(key, text)));
  const months = (n: number) => formatNumber(n, locale);
  const summary = result ? joinClauses([`${t.planEnd} ${result.end}`, `${t.total} ${months(result.totalMonths)} ${c.months}`], locale) : null;
  const update = (i: number, patch: Partial<PhaseDraft>) => setPhases(drafts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const move = (i: number, by: number) => {
    const next = [...drafts];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    setPhases(next);
  };
  const downloadIcs = () => {
    if (!result) return;
    saveFile(`${c.exportFileName}-timeline.ics`, 'text/calendar;charset=utf-8', timelineToIcs(result, { title: t.icsTitle }));
  };

  return (
    <div class="calc not-content" ref={root} data-calc="timeline">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <div class="calc-grid calc-grid--stack">
        <form class="calc-inputs" aria-label={c.inputs} onSubmit={(e) => e.preventDefault()}>
          {field('preset', { options: t.presets, hint: t.presetNote })}
          {field('start')}
        </form>
        <fieldset class="calc-phases">
          <legend>{t.fields.phases[0]}</legend>
          <p class="calc-hint" id="timeline-kpi-hint">{t.kpiHint}</p>
          {decoded === null ? <p class="calc-error">{t.phasesBroken}</p> : null}
          <ol>
            {drafts.map((p, i) => {
              const id = `timeline-phase-${i}`;
              const err = (part: string) => phaseIssues[`phase-${i}-${part}`];
              return (
                <li class="calc-phase" key={`${i}-${phases.length}`}>
                  <p class="calc-phase-title">{fill(t.phaseN, { n: i + 1 })}</p>
                  <div class="calc-field">
                    <label for={`${id}-name`}>{t.phaseName}</label>
                    <input id={`${id}-name`} type="text" value={p.name} aria-invalid={err('name') ? 'true' : undefined} aria-describedby={err('name') ? `${id}-name-err` : undefined} onInput={(e) => update(i, { name: (e.target as HTMLInputElement).value })} />
                    {err('name') ? <p class="calc-error" id={`${id}-name-err`}>{issueText(err('name')!, locale)}</p> : null}
                  </div>
                  <div class="calc-field calc-field--short">
                    <label for={`${id}-months`}>{t.phaseMonths}</label>
                    <input id={`${id}-months`} type="text" inputMode="numeric" autoComplete="off" spellcheck={false} value={p.months} aria-invalid={err('months') ? 'true' : undefined} aria-describedby={err('months') ? `${id}-months-err` : undefined} onInput={(e) => update(i, { months: (e.target as HTMLInputElement).value })} />
                    {err('months') ? <p class="calc-error" id={`${id}-months-err`}>{issueText(err('months')!, locale)}</p> : null}
                  </div>
                  <div class="calc-field calc-field--wide">
                    <label for={`${id}-kpis`}>{t.phaseKpis}</label>
                    <input id={`${id}-kpis`} type="text" value={p.kpis} aria-invalid={err('kpis') ? 'true' : undefined} aria-describedby={err('kpis') ? `${id}-kpis-err timeline-kpi-hint` : 'timeline-kpi-hint'} onInput={(e) => update(i, { kpis: (e.target as HTMLInputElement).value })} />
                    {err('kpis') ? <p class="calc-error" id={`${id}-kpis-err`}>{issueText(err('kpis')!, locale)}</p> : null}
                  </div>
                  <div class="calc-phase-buttons">
                    <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t.up}: ${p.name}`}>↑</button>
                    <button type="button" disabled={i === drafts.length - 1} onClick={() => move(i, 1)} aria-label={`${t.down}: ${p.name}`}>↓</button>
                    <button type="button" disabled={drafts.length === 1} onClick={() => setPhases(drafts.filter((_, j) => j !== i))}>
                      {t.remove}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button type="button" disabled={phases.length >= TIMELINE_LIMITS.maxPhases} onClick={() => setPhases([...drafts, { name: fill(t.phaseN, { n: drafts.length + 1 }), months: '3', kpis: '' }])}>
            {t.add}
          </button>
          {phases.length >= TIMELINE_LIMITS.maxPhases ? <p class="calc-hint">{fill(t.maxPhases, { n: TIMELINE_LIMITS.maxPhases })}</p> : null}
          {phaseIssues.phases ? <p class="calc-error">{issueText(phaseIssues.phases, locale)}</p> : null}
        </fieldset>
        <Results locale={locale} summary={summary} errors={!result}>
          {result ? <TimelineResults timeline={result} locale={locale} onIcs={downloadIcs} /> : null}
        </Results>
      </div>
      <Actions locale={locale} calc="timeline" state={calc.state} rows={result ? exportRows(result, locale) : null} inputs={inputRows(locale, fields, calc.state, t.fields, ['preset', 'start'], { preset: t.presets })} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

function TimelineResults({ timeline, locale, onIcs }: { timeline: Timeline; locale: Locale; onIcs: () => void }) {
  const t = ui[locale].timeline;
  const c = ui[locale].common;
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <dl class="calc-stats">
        <Stat label={t.fields.start[0]!} value={timeline.start} />
        <Stat label={t.planEnd} value={timeline.end} />
        <Stat label={t.total} value={`${n(timeline.totalMonths)} ${c.months}`} />
      </dl>
      <div class="calc-table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.table.phase}</th>
              <th scope="col">{t.table.start}</th>
              <th scope="col">{t.table.end}</th>
              <th scope="col">{t.table.months}</th>
              <th scope="col">{t.table.kpis}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.phases.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.start}</td>
                <td>{p.end}</td>
                <td>{n(p.months)}</td>
                <td class="calc-kpis">{kpisToText(p.kpis)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" class="calc-ics" onClick={onIcs}>
          {t.downloadIcs}
        </button>
      </p>
      <ChartBlock
        kind="bar"
        locale={locale}
        label={t.chartLabel}
        tall={timeline.phases.length > 6}
        table={{ head: [t.table.phase, t.table.start, t.table.end], rows: timeline.phases.map((p) => [p.name, p.start, p.end]) }}
        build={(col) => ({
          type: 'bar',
          data: {
            labels: timeline.phases.map((p) => p.name),
            datasets: [
              {
                label: t.chartLabel,
                // Floating bars: each phase spans [offset, offset + months] months from the start.
                data: timeline.phases.map((p) => [p.offsetMonths, p.offsetMonths + p.months] as [number, number]),
                backgroundColor: timeline.phases.map((_, i) => col.series[i % col.series.length]!),
              },
            ],
          },
          options: {
            indexAxis: 'y',
            scales: {
              x: { min: 0, title: { display: true, text: t.monthAxis, color: col.text }, ticks: { color: col.text, stepSize: 3 }, grid: { color: col.grid } },
              y: { ticks: { color: col.text }, grid: { display: false } },
            },
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { label: (ctx) => { const p = timeline.phases[ctx.dataIndex]!; return fill(t.range, { start: p.start, end: p.end }); } } },
            },
          },
        })}
      />
      <Formula locale={locale} assumptions={t.assumptions} lines={[t.formula.rule, t.formula.clamp]} />
    </>
  );
}

function exportRows(tl: Timeline, locale: Locale): ExportRow[] {
  const t = ui[locale].timeline;
  return tl.phases.flatMap((p): ExportRow[] => [
    [p.name, t.table.start, p.start, ''],
    [p.name, t.table.end, p.end, ''],
    [p.name, t.table.months, p.months, ui[locale].common.months],
    [p.name, t.table.kpis, kpisToText(p.kpis), ''],
  ]);
}
