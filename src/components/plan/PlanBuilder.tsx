/**
 * 方案生成器 / Plan builder: one plan state entered in three steps, computed by `buildPlan`, compared across
 * scenarios, stress-tested by a sensitivity tornado, and exported as a printable document, Markdown or JSON.
 * The state (every input as typed) lives in localStorage `playbook:plan` in the plan file format of
 * `src/lib/plan-state.ts` (versions and migration are documented there); it never leaves the browser.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InputIssue } from '../../lib/errors';
import { InputError } from '../../lib/errors';
import { formatCurrency, formatPercent, joinClauses, parenthetical, type Locale } from '../../lib/format';
import { buildPlan, type Plan } from '../../lib/plan';
import { applyScenario, DRIVERS, rankRows, sensitivityRow, SCENARIO_PRESETS, tornadoRows, type SensitivityRow } from '../../lib/plan-analysis';
import { defaultPlanState, readPlanFile, readPlanState, statePathOf, writePlanFile, type PlanState } from '../../lib/plan-state';
import { fill } from '../../i18n/fill';
import { browserStorage, saveFile } from '../browser';
import { ChartBlock, DataTable, printWithCharts } from '../calculators/ChartBlock';
import { issueText, Stat, usePrintOpensDetails } from '../calculators/parts';
import { provideStrings, ui, type CalcStrings } from '../calculators/strings';
import { planDocument, planFormatters, planMarkdown, type PlanStrings } from './planText';
import '../calculators/calculators.css';
import './plan.css';

const STORAGE_KEY = 'playbook:plan';
type Errors = Record<string, InputIssue>;

function compute(state: PlanState): { plan: Plan | null; errors: Errors } {
  const { input, draft, errors: parse } = readPlanState(state);
  const errors: Errors = Object.fromEntries(Object.entries(parse).map(([k, code]) => [k, { path: k, code }]));
  // The library judges every field that parsed even while another does not (parse errors stay first).
  try {
    const plan = buildPlan(draft);
    return { plan: input ? plan : null, errors };
  } catch (e) {
    if (!(e instanceof InputError)) {
      if (!input) return { plan: null, errors };
      throw e;
    }
    for (const issue of e.issues) errors[statePathOf(issue.path)] ??= issue;
    return { plan: null, errors };
  }
}

export default function PlanBuilder({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].plan;
  const c = ui[locale].common;
  const fresh = () => defaultPlanState(t.phaseNames);
  const [state, setState] = useState<PlanState>(fresh);
  const [touched, setTouched] = useState(false);
  // `undo` holds the plan a reset replaced, until the notice is dismissed or the plan changes again.
  const [notice, setNotice] = useState<{ kind: 'ok' | 'warn'; text: string; problems?: string[]; undo?: PlanState } | null>(null);
  const [askReset, setAskReset] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const resetYes = useRef<HTMLButtonElement>(null);
  useEffect(() => (askReset ? resetYes.current?.focus() : undefined), [askReset]);
  useEffect(() => void (notice?.undo && undoButton.current?.focus()), [notice]);
  const root = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  usePrintOpensDetails(root);

  useEffect(() => {
    const saved = browserStorage()?.getItem(STORAGE_KEY) ?? null;
    if (saved === null) return;
    const r = readPlanFile(saved);
    if (r.ok) setState(r.state);
    else setNotice({ kind: 'warn', text: t.savedBroken });
  }, []);
  useEffect(() => {
    if (touched) browserStorage()?.setItem(STORAGE_KEY, writePlanFile(state, new Date().toISOString()));
  }, [state, touched]);

  const update = (fn: (s: PlanState) => PlanState) => {
    setTouched(true);
    setNotice((n) => (n?.undo ? null : n));
    setState((s) => fn(structuredClone(s)));
  };
  const { plan, errors } = useMemo(() => compute(state), [state]);
  // Scenarios and the tornado rebuild the plan seventeen times. The first time, with the code still cold,
  // that is the longest task of hydrating on a phone (Lighthouse's Total Blocking Time), so it runs after
  // hydration, one rebuild per task, while those sections (below the fold) show their headings only. From
  // then on it is fast and computed with the plan, as any other figure, so it is never stale.
  const [warm, setWarm] = useState<{ plan: Plan | null; analysis: Analysis | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const first = plan;
    void analyzeInTasks(first, () => cancelled).then((a) => !cancelled && setWarm({ plan: first, analysis: a }));
    return () => {
      cancelled = true;
    };
  }, []);
  const analysis = useMemo(() => (!warm || !plan ? null : warm.plan === plan ? warm.analysis : analyze(plan)), [plan, warm]);

  const field = (path: string, label: readonly string[], value: string, set: (s: PlanState, v: string) => void, opts: { type?: string; wide?: boolean } = {}) => {
    const id = `plan-${path.replace(/\./g, '-')}`;
    const err = errors[path];
    return (
      <div class={`calc-field${err ? ' calc-field--invalid' : ''}${opts.wide ? ' calc-field--wide' : ''}`} key={path}>
        <label for={id}>
          {label[0]}
          {label[1] ? <span class="calc-unit">{parenthetical(label[1], locale)}</span> : null}
        </label>
        <input
          id={id}
          type={opts.type ?? 'text'}
          inputMode={opts.type ? undefined : 'decimal'}
          autoComplete="off"
          value={value}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={err ? `${id}-err` : undefined}
          onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            update((s) => (set(s, v), s));
          }}
        />
        {err ? (
          <p class="calc-error" id={`${id}-err`}>
            {issueText(err, locale, label[1] === '%' ? 'percent' : 'number')}
          </p>
        ) : null}
      </div>
    );
  };
  const b = t.basics;
  const P = t.phase;
  const T = t.team;

  const importFile = async (file: File) => {
    const r = readPlanFile(await file.text());
    if (!r.ok) {
      // A file that is not this page's plan file gets a sentence; a plan file with wrong fields, the list.
      const why = { 'not-json': t.importNotJson, 'not-plan': t.importNotPlan, newer: t.importNewer, invalid: t.importFailed }[r.reason];
      setNotice({ kind: 'warn', text: fill(why, { button: t.exportJson }), ...(r.reason === 'invalid' ? { problems: r.problems } : {}) });
      return;
    }
    setTouched(true);
    setState(r.state);
    setNotice({ kind: 'ok', text: r.migratedFrom === null ? t.imported : fill(t.importedMigrated, { from: `v${r.migratedFrom}` }) });
  };
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <div class="calc plan not-content" ref={root}>
      {notice ? (
        <div class={`calc-notice plan-notice--${notice.kind}`} role={notice.kind === 'warn' ? 'alert' : 'status'}>
          <div>
            <p>{notice.text}</p>
            {notice.problems ? (
              <ul class="plan-problems">
                {notice.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <div class="plan-notice-actions">
            {notice.undo ? (
              <button
                type="button"
                ref={undoButton}
                onClick={() => {
                  setTouched(true);
                  setState(notice.undo!);
                  setNotice({ kind: 'ok', text: t.undone });
                }}
              >
                {t.undo}
              </button>
            ) : null}
            <button type="button" onClick={() => setNotice(null)}>
              {c.dismiss}
            </button>
          </div>
        </div>
      ) : null}

      <form class="plan-form" onSubmit={(e) => e.preventDefault()} aria-label={c.inputs}>
        <fieldset class="plan-step">
          <legend>{t.steps.basics}</legend>
          <div class="calc-inputs">
            {field('basics.name', b.name, state.basics.name, (s, v) => (s.basics.name = v), { type: 'text' })}
            {field('basics.sector', b.sector, state.basics.sector, (s, v) => (s.basics.sector = v), { type: 'text' })}
            {field('basics.start', b.start, state.basics.start, (s, v) => (s.basics.start = v), { type: 'date' })}
            {field('basics.members', b.members, state.basics.members, (s, v) => (s.basics.members = v))}
            {field('basics.revenue', b.revenue, state.basics.revenue, (s, v) => (s.basics.revenue = v))}
            {field('basics.arpu', b.arpu, state.basics.arpu, (s, v) => (s.basics.arpu = v))}
            {field('basics.margin', b.margin, state.basics.margin, (s, v) => (s.basics.margin = v))}
            {field('basics.active', b.active, state.basics.active, (s, v) => (s.basics.active = v))}
            {field('basics.stickiness', b.stickiness, state.basics.stickiness, (s, v) => (s.basics.stickiness = v))}
          </div>
        </fieldset>

        <fieldset class="plan-step">
          <legend>{t.steps.phases}</legend>
          {errors.phases ? <p class="calc-error">{issueText(errors.phases, locale)}</p> : null}
          {state.phases.map((p, i) => (
            <fieldset class="plan-phase" key={i}>
              <legend>{fill(t.phaseN, { n: i + 1 })}</legend>
              <div class="calc-inputs">
                {(['name', 'months', 'newPerMonth', 'churn', 'ratio', 'events', 'content', 'incentives', 'acquisition'] as const).map((k) =>
                  field(`phases.${i}.${k}`, P[k], p[k], (s, v) => (s.phases[i]![k] = v), k === 'name' ? { type: 'text' } : {}),
                )}
              </div>
              <button type="button" class="calc-reset" disabled={state.phases.length === 1} onClick={() => update((s) => (s.phases.splice(i, 1), s))}>
                {t.removePhase}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            disabled={state.phases.length >= 12}
            onClick={() => update((s) => (s.phases.push({ ...s.phases[s.phases.length - 1]!, name: fill(t.phaseN, { n: s.phases.length + 1 }) }), s))}
          >
            {t.addPhase}
          </button>
        </fieldset>

        <fieldset class="plan-step">
          <legend>{t.steps.team}</legend>
          {state.team.roles.map((r, i) => (
            <div class="plan-role" key={i}>
              {field(`team.roles.${i}.role`, [`${fill(t.roleN, { n: i + 1 })}`], t.roleNames[r.role as keyof typeof t.roleNames] ?? r.role, (s, v) => (s.team.roles[i]!.role = v), { type: 'text' })}
              {field(`team.roles.${i}.count`, T.count, r.count, (s, v) => (s.team.roles[i]!.count = v))}
              {field(`team.roles.${i}.salary`, T.salary, r.salary, (s, v) => (s.team.roles[i]!.salary = v))}
              <button type="button" class="calc-reset" onClick={() => update((s) => (s.team.roles.splice(i, 1), s))}>
                {t.removeRole}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => update((s) => (s.team.roles.push({ role: fill(t.roleN, { n: s.team.roles.length + 1 }), count: '1', salary: '150000' }), s))}>
            {t.addRole}
          </button>
          <div class="calc-inputs">
            {(['operatorSalary', 'overhead', 'tools', 'eventCost', 'contingency', 'groupCap'] as const).map((k) => field(`team.${k}`, T[k], state.team[k], (s, v) => (s.team[k] = v)))}
          </div>
          <div class="plan-koc-toggle">
            <label>
              <input
                type="checkbox"
                id="plan-team-koc"
                checked={state.team.koc !== 'off'}
                aria-describedby="plan-team-koc-hint"
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  update((s) => ((s.team.koc = on ? 'on' : 'off'), s));
                }}
              />{' '}
              {t.kocToggle}
            </label>
            <p class="calc-hint" id="plan-team-koc-hint">
              {t.kocToggleHint}
            </p>
          </div>
        </fieldset>
      </form>

      <div class="calc-actions plan-actions" role="group" aria-label={c.actions}>
        <button type="button" disabled={!plan} onClick={() => plan && saveFile(`${c.exportFileName}-plan-${stamp}.md`, 'text/markdown;charset=utf-8', planMarkdown(plan, t, locale))}>
          {t.exportMd}
        </button>
        <button type="button" onClick={() => saveFile(`${c.exportFileName}-plan-${stamp}.json`, 'application/json', writePlanFile(state, new Date().toISOString()))}>
          {t.exportJson}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t.importJson}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="sr-only"
          tabIndex={-1}
          aria-label={t.importJson}
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void importFile(f);
            (e.target as HTMLInputElement).value = '';
          }}
        />
        <button type="button" onClick={() => void printWithCharts()}>
          {t.print}
        </button>
        <button type="button" class="calc-reset" aria-expanded={askReset} aria-controls="plan-reset-ask" onClick={() => setAskReset(true)}>
          {t.reset}
        </button>
      </div>
      {askReset ? (
        // The example plan replaces the reader's own only after this confirmation, and can be undone.
        <div class="calc-notice plan-reset-ask" id="plan-reset-ask" role="group" aria-labelledby="plan-reset-ask-text">
          <p id="plan-reset-ask-text">{t.resetAsk}</p>
          <div class="plan-notice-actions">
            <button
              type="button"
              ref={resetYes}
              onClick={() => {
                const before = state;
                setAskReset(false);
                setTouched(true);
                setState(fresh());
                setNotice({ kind: 'ok', text: t.resetDone, undo: before });
              }}
            >
              {t.resetYes}
            </button>
            <button type="button" onClick={() => setAskReset(false)}>
              {t.resetNo}
            </button>
          </div>
        </div>
      ) : null}

      <section class="calc-results plan-results" aria-label={t.results}>
        <h2>{t.results}</h2>
        <p class="sr-only" aria-live="polite">
          {plan ? joinClauses([`${t.membersEnd} ${planFormatters(locale).people(plan.totals.membersEnd)}`, `${t.annualCost} ${planFormatters(locale).money(plan.totals.annualizedCost)}`], locale) : t.fix}
        </p>
        {plan ? <PlanResults plan={plan} analysis={analysis} t={t} locale={locale} /> : <p class="calc-fix">{t.fix}</p>}
      </section>
    </div>
  );
}

type Analysis = { scenarios: { id: 'cautious' | 'base' | 'ambitious'; plan: Plan }[]; tornado: SensitivityRow[] };
const SCENARIOS = ['cautious', 'base', 'ambitious'] as const;

function analyze(plan: Plan): Analysis {
  const scenarios = SCENARIOS.map((id) => ({ id, plan: buildPlan(applyScenario(plan.input, SCENARIO_PRESETS[id])) }));
  return { scenarios, tornado: rankRows(plan, DRIVERS.map((d) => sensitivityRow(plan.input, d))) };
}

/** The same as analyze(), one plan rebuild (or tornado row) per task; null when cancelled or no plan. */
async function analyzeInTasks(plan: Plan | null, cancelled: () => boolean): Promise<Analysis | null> {
  const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (!plan) return null;
  const scenarios: Analysis['scenarios'] = [];
  for (const id of SCENARIOS) {
    await nextTask();
    if (cancelled()) return null;
    scenarios.push({ id, plan: buildPlan(applyScenario(plan.input, SCENARIO_PRESETS[id])) });
  }
  const rows: SensitivityRow[] = [];
  for (const driver of DRIVERS) {
    await nextTask();
    if (cancelled()) return null;
    rows.push(sensitivityRow(plan.input, driver));
  }
  return { scenarios, tornado: rankRows(plan, rows) };
}

function PlanResults({ plan, analysis, t, locale }: { plan: Plan; analysis: Analysis | null; t: PlanStrings; locale: Locale }) {
  const f = planFormatters(locale);
  const c = ui[locale].common;
  const doc = planDocument(plan, t, locale);
  const prefix = locale === 'en' ? '/en' : '';
  const lines = ['personnel', 'tools', 'activities', 'content', 'incentives', 'contingency', 'acquisition'] as const;
  // The KOC programme rides in the incentives bar (seven colours are all the checked palette has).
  const lineNames = { ...ui[locale].budget?.lines, ...(plan.input.kocProgramme ? { incentives: t.doc.incentivesWithKoc } : {}), acquisition: t.phase.acquisition[0] } as Record<(typeof lines)[number], string>;
  return (
    <>
      <dl class="calc-stats">
        <Stat label={t.membersEnd} value={f.people(plan.totals.membersEnd)} />
        <Stat label={t.totalCost} value={f.money(plan.totals.cost)} />
        <Stat label={t.annualCost} value={f.money(plan.totals.annualizedCost)} />
        <Stat label={t.ltvCac} value={f.ratio(plan.totals.ltvCac)} />
        <Stat label={t.revenueShare} value={plan.totals.revenueShare === null ? '—' : f.share(plan.totals.revenueShare)} />
      </dl>

      <h3>{t.checksTitle}</h3>
      <ul class="plan-checks">
        {doc.checks.map((ch) => (
          <li key={ch.text} class={ch.ok ? 'plan-check--ok' : 'plan-check--bad'}>
            <span aria-hidden="true">{ch.ok ? '✓' : '⚠'}</span> {ch.ok ? c.ok : c.notOk}: {ch.text}
            {ch.ok ? null : (
              <>
                {' '}
                <a href={`${prefix}${ch.chapter}`}>{t.readMore}</a>
              </>
            )}
          </li>
        ))}
      </ul>

      <ChartBlock
        kind="bar"
        locale={locale}
        label={t.chartCost}
        tall
        table={{ head: [t.doc.table.month, ...lines.map((l) => lineNames[l])], rows: plan.months.map((m) => [m.date.slice(0, 7), ...lines.map((l) => f.money(m.cost[l]))]) }}
        build={(col) => ({
          type: 'bar',
          data: {
            labels: plan.months.map((m) => m.date.slice(0, 7)),
            datasets: lines.map((l, i) => ({ label: lineNames[l], data: plan.months.map((m) => m.cost[l]), backgroundColor: col.series[i % col.series.length]! })),
          },
          options: {
            scales: {
              x: { stacked: true, ticks: { color: col.text }, grid: { display: false } },
              y: { stacked: true, ticks: { color: col.text, callback: (v) => formatCurrency(Number(v), locale, { compact: true }) }, grid: { color: col.grid } },
            },
            plugins: { legend: { position: 'bottom', labels: { color: col.text } } },
          },
        })}
      />

      <h3>{t.scenarios}</h3>
      <p class="calc-hint">{t.scenarioNote}</p>
      {analysis && (
        <>
          <div class="calc-table-wrap" tabIndex={0}>
            <table class="plan-scenarios">
              <thead>
                <tr>
                  <th scope="col">{c.item}</th>
                  {analysis.scenarios.map((s) => (
                    <th scope="col" key={s.id}>
                      {t.scenarioNames[s.id]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    [t.membersEnd, (p: Plan) => f.people(p.totals.membersEnd)],
                    [t.annualCost, (p: Plan) => f.money(p.totals.annualizedCost)],
                    [t.ltvCac, (p: Plan) => f.ratio(p.totals.ltvCac)],
                    [t.revenueShare, (p: Plan) => (p.totals.revenueShare === null ? '—' : f.share(p.totals.revenueShare))],
                  ] as const
                ).map(([label, get]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {analysis.scenarios.map((s) => (
                      <td key={s.id}>{get(s.plan)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChartBlock
            kind="bar"
            locale={locale}
            label={t.chartScenarios}
            table={{ head: [c.item, t.annualCost], rows: analysis.scenarios.map((s) => [t.scenarioNames[s.id], f.money(s.plan.totals.annualizedCost)]) }}
            build={(col) => ({
              type: 'bar',
              data: {
                labels: analysis.scenarios.map((s) => t.scenarioNames[s.id]),
                datasets: [{ label: t.annualCost, data: analysis.scenarios.map((s) => s.plan.totals.annualizedCost), backgroundColor: [col.series[1]!, col.series[0]!, col.series[2]!] }],
              },
              options: {
                scales: {
                  x: { ticks: { color: col.text }, grid: { display: false } },
                  y: { beginAtZero: true, ticks: { color: col.text, callback: (v) => formatCurrency(Number(v), locale, { compact: true }) }, grid: { color: col.grid } },
                },
                plugins: { legend: { display: false } },
              },
            })}
          />
        </>
      )}

      <h3>{t.sensitivity}</h3>
      <p class="calc-hint">{t.sensitivityNote}</p>
      {analysis && (
        <>
          {/* Both outputs the caption names, as a change from the base plan, so a ratio and yuan share one axis. */}
          <ChartBlock
            kind="bar"
            locale={locale}
            label={t.chartTornado}
            tall
            table={{
              head: [c.item, `${t.ltvCac} ${t.low}`, `${t.ltvCac} ${t.high}`, `${t.annualCost} ${t.low}`, `${t.annualCost} ${t.high}`],
              rows: tornadoRows(plan, analysis.tornado).map((r) => [
                t.drivers[r.driver],
                `${f.ratio(r.low.ltvCac)}${parenthetical(f.change(r.change.ltvCac.low), locale)}`,
                `${f.ratio(r.high.ltvCac)}${parenthetical(f.change(r.change.ltvCac.high), locale)}`,
                `${f.money(r.low.annualizedCost)}${parenthetical(f.change(r.change.annualizedCost.low), locale)}`,
                `${f.money(r.high.annualizedCost)}${parenthetical(f.change(r.change.annualizedCost.high), locale)}`,
              ]),
            }}
            build={(col) => {
              const rows = tornadoRows(plan, analysis.tornado);
              const bars = (label: string, stack: string, color: string, pick: (r: (typeof rows)[number]) => number | null) => ({ label, stack, backgroundColor: color, data: rows.map(pick) });
              return {
                type: 'bar',
                data: {
                  labels: rows.map((r) => t.drivers[r.driver]),
                  datasets: [
                    bars(`${t.ltvCac} ${t.low}`, 'ltvCac', col.series[2]!, (r) => r.change.ltvCac.low),
                    bars(`${t.ltvCac} ${t.high}`, 'ltvCac', col.series[1]!, (r) => r.change.ltvCac.high),
                    bars(`${t.annualCost} ${t.low}`, 'cost', col.series[4]!, (r) => r.change.annualizedCost.low),
                    bars(`${t.annualCost} ${t.high}`, 'cost', col.series[3]!, (r) => r.change.annualizedCost.high),
                  ],
                },
                options: {
                  indexAxis: 'y',
                  scales: {
                    x: { stacked: true, ticks: { color: col.text, callback: (v) => formatPercent(Number(v), locale, { maximumFractionDigits: 0, signed: true }) }, grid: { color: col.grid } },
                    y: { stacked: true, ticks: { color: col.text }, grid: { display: false } },
                  },
                  plugins: {
                    legend: { position: 'bottom', labels: { color: col.text } },
                    tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${f.change(ctx.parsed.x)}` } },
                  },
                },
              };
            }}
          />
        </>
      )}

      <PlanDocument plan={plan} t={t} locale={locale} />
    </>
  );
}

/** The plan as the document a planner hands in; on paper it is what the print stylesheet keeps. */
function PlanDocument({ plan, t, locale }: { plan: Plan; t: PlanStrings; locale: Locale }) {
  const d = t.doc;
  const doc = planDocument(plan, t, locale);
  return (
    <article class="plan-doc" aria-labelledby="plan-doc-title">
      <h2 id="plan-doc-title">{doc.title}</h2>
      <p class="calc-hint">{d.generated}</p>
      <h3>{d.background}</h3>
      <p>{doc.background}</p>
      <h3>{d.goals}</h3>
      <p>{d.goalsText}</p>
      <ul>
        {doc.checks.map((ch) => (
          <li key={ch.text}>
            {ch.ok ? '✓' : '⚠'} {ch.text}
          </li>
        ))}
      </ul>
      <h3>{d.phases}</h3>
      <DataTable head={doc.phaseHead} rows={doc.phaseRows} />
      <h3>{d.team}</h3>
      <p>{doc.team}</p>
      <p>{doc.workload}</p>
      <DataTable head={doc.workloadHead} rows={doc.workloadRows} />
      {doc.workloadGap ? <p class="plan-workload-gap">{doc.workloadGap}</p> : null}
      <h3>{d.budget}</h3>
      <p>{doc.budget}</p>
      <p class="plan-koc">{doc.koc}</p>
      {doc.kocRows.length ? <DataTable head={doc.kocHead} rows={doc.kocRows} /> : null}
      <h3>{d.unit}</h3>
      <p>{doc.unit}</p>
      <h3>{d.risks}</h3>
      <ul>
        {doc.risks.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>{d.evaluation}</h3>
      <ul>
        {doc.evaluation.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>{d.recommendations}</h3>
      <ul>
        {doc.recommendations.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>{d.assumptions}</h3>
      <ul>
        {doc.assumptions.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>{d.monthly}</h3>
      <DataTable head={doc.monthHead} rows={doc.monthRows} />
    </article>
  );
}
