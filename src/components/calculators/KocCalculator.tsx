/**
 * KOC 激励计划 / KOC programme: how many KOCs sit on each rung of an editable reward ladder and what the
 * programme costs a month (rewards, gifts, replacing those who leave). The count can arrive from staffing's
 * KOC range; the monthly cost goes on to the budget's incentives line.
 */
import { useMemo, useRef } from 'preact/hooks';
import { percentText, type FieldDef } from '../../lib/calc-state';
import { formatCurrency, formatNumber, formatPercent, joinClauses, type Locale } from '../../lib/format';
import { DEFAULT_KOC_LADDER, MAX_KOC_RUNGS, defaultKocProgrammeInput, planKocProgramme, type KocProgramme } from '../../lib/koc';
import {
  KOC_CELLS,
  decodeKocLadder,
  emptyKocRung,
  encodeKocLadder,
  kocBudgetHandOff,
  kocFieldKey,
  kocLadderText,
  readKocLadder,
  type KocCell,
  type KocLadderReading,
  type KocRungText,
} from '../../lib/koc-ladder';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import { inputRows, SHOWN, type ExportRow } from './export';
import { Actions, Field, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, only, useCalculator } from './useCalculator';
import './calculators.css';

const d = defaultKocProgrammeInput;
export function kocFields(locale: Locale): FieldDef[] {
  return [
    { key: 'kocs', kind: 'number', default: String(d.kocs) },
    { key: 'attrition', kind: 'percent', default: percentText(d.monthlyAttrition) },
    { key: 'recruit', kind: 'number', default: String(d.recruitmentCost) },
    { key: 'ladder', kind: 'text', default: encodeKocLadder(kocLadderText(DEFAULT_KOC_LADDER, ui[locale].koc.defaultNames)) },
    // The KOC target range when staffing handed it over (shown, not computed with).
    { key: 'kmin', kind: 'number', default: '', optional: true },
    { key: 'kmax', kind: 'number', default: '', optional: true },
  ];
}
const SCALARS = ['kocs', 'attrition', 'recruit'] as const;

/** A rung cell as a field of its own: its error, examples and id work like every other field's. */
const cellDef = (i: number, cell: KocCell): FieldDef => ({ key: `r${i}${cell}`, kind: cell === 'name' ? 'text' : cell === 'share' ? 'percent' : 'number', default: '' });

export default function KocCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].koc;
  const c = ui[locale].common;
  const fields = useMemo(() => kocFields(locale), [locale]);
  const calc = useCalculator('koc', fields);
  const root = useRootRef();
  const addButton = useRef<HTMLButtonElement>(null);
  usePrintOpensDetails(root);

  const ladderText = calc.state.ladder ?? '';
  const decoded = decodeKocLadder(ladderText);
  const fallback = decodeKocLadder(fields.find((f) => f.key === 'ladder')!.default)!;
  const rows: KocRungText[] = decoded ?? fallback;
  const setRows = (next: KocRungText[]) => calc.setField('ladder', encodeKocLadder(next));
  const setCell = (i: number, cell: KocCell, text: string) => setRows(rows.map((r, k) => (k === i ? { ...r, [cell]: text } : r)));
  const addRung = () => rows.length < MAX_KOC_RUNGS && setRows([...rows, emptyKocRung(fill(t.newRung, { n: rows.length + 1 }))]);
  const removeRung = (i: number) => {
    if (rows.length <= 1) return;
    setRows(rows.filter((_, k) => k !== i));
    addButton.current?.focus();
  };

  const reading = readKocLadder(rows);
  const run = compute(
    only(calc.values, SCALARS),
    (v) => planKocProgramme({ kocs: v.kocs as number, monthlyAttrition: v.attrition as number, recruitmentCost: v.recruit as number, ladder: reading.ladder }),
    kocFieldKey,
  );
  // A cell that does not read as a number keeps its own message ("无法识别为数字"), not the library's NaN one.
  const errors = { ...run.errors, ...reading.errors };
  const result = Object.keys(reading.errors).length > 0 ? null : run.result;
  const field = fieldsFor('koc', fields, t.fields, calc.state, errors, locale, calc.setField);
  const v = (k: string) => (calc.values[k]?.ok ? calc.values[k].value : null) as number | null;
  const range = v('kmin') !== null && v('kmax') !== null ? fill(t.fromStaffing, { min: formatNumber(v('kmin'), locale), max: formatNumber(v('kmax'), locale) }) : undefined;
  const sumBad = errors.ladder?.code === 'shares_must_sum_to_one';
  const ladderMessage = sumBad ? fill(t.shareSum, { sum: formatPercent(reading.shareSum, locale, { maximumFractionDigits: 2 }) }) : undefined;

  const money = (x: number | null) => formatCurrency(x, locale);
  const summary = result ? joinClauses([`${t.monthlyTotal} ${money(result.monthlyTotal)}`, `${t.annualTotal} ${money(result.annualTotal)}`], locale) : null;
  const budgetHref = result ? `${locale === 'en' ? '/en' : ''}/calculators/budget/${kocBudgetHandOff(result)}` : undefined;
  const rows4export = result ? exportRows(result, locale) : null;
  const inputs = [...inputRows(locale, fields, calc.state, t.fields, SCALARS), ...ladderInputRows(locale, rows, reading)];

  return (
    <div class="calc not-content" ref={root} data-calc="koc">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      {decoded === null ? (
        <div class="calc-notice calc-notice--saved" role="status">
          <p>{t.ladderBroken}</p>
        </div>
      ) : null}
      {/* Stacked: four cells per rung need the full width, and so does the per-rung table. */}
      <div class="calc-grid calc-grid--stack">
        <div>
          <h2 class="calc-section-title" id="koc-programme">{t.sections.programme}</h2>
          <form class="calc-inputs" aria-labelledby="koc-programme" onSubmit={(e) => e.preventDefault()}>
            {field('kocs', { hint: range ?? t.staffingLink })}
            {field('attrition')}
            {field('recruit')}
          </form>
          <h2 class="calc-section-title" id="koc-ladder">{t.sections.ladder}</h2>
          <form class="calc-ladder" aria-labelledby="koc-ladder" aria-describedby="koc-ladder-sum" onSubmit={(e) => e.preventDefault()}>
            {rows.map((row, i) => (
              <fieldset class="calc-rung" key={i}>
                <legend>
                  {fill(t.rungLabel, { n: i + 1 })}
                  {row.name.trim() ? ` · ${row.name.trim()}` : ''}
                </legend>
                <div class="calc-rung-cells">
                  {KOC_CELLS.map((cell) => (
                    <Field
                      key={cell}
                      calc="koc"
                      def={cellDef(i, cell)}
                      label={t.cells[cell]}
                      unit={t.cellUnits[cell]}
                      text={row[cell]}
                      error={errors[`${i}.${cell}`]}
                      locale={locale}
                      onInput={(_, text) => setCell(i, cell, text)}
                    />
                  ))}
                </div>
                <button type="button" class="calc-rung-remove" disabled={rows.length <= 1} onClick={() => removeRung(i)}>
                  {fill(t.removeRung, { n: i + 1, name: row.name.trim() || '—' })}
                </button>
              </fieldset>
            ))}
            <p id="koc-ladder-sum" class={sumBad ? 'calc-error calc-ladder-sum' : 'calc-hint calc-ladder-sum'} role={sumBad ? 'alert' : undefined}>
              {ladderMessage ?? (reading.shareSum !== null && !errors.ladder ? t.shareSumOk : '')}
            </p>
            <div class="calc-ladder-add">
              <button type="button" ref={addButton} disabled={rows.length >= MAX_KOC_RUNGS} onClick={addRung}>
                {t.addRung}
              </button>
              {rows.length >= MAX_KOC_RUNGS ? <span class="calc-hint"> {fill(t.maxRungs, { n: MAX_KOC_RUNGS })}</span> : null}
            </div>
          </form>
        </div>
        <Results locale={locale} summary={summary} errors={!result}>
          {result ? <KocResults plan={result} locale={locale} rows={rows} values={calc.values} budgetHref={budgetHref!} /> : null}
        </Results>
      </div>
      <Actions locale={locale} calc="koc" state={calc.state} rows={rows4export} inputs={inputs} linkUrl={calc.linkUrl} onReset={calc.reset} />
    </div>
  );
}

type Values = ReturnType<typeof useCalculator>['values'];

function KocResults({ plan, locale, rows, values, budgetHref }: { plan: KocProgramme; locale: Locale; rows: KocRungText[]; values: Values; budgetHref: string }) {
  const t = ui[locale].koc;
  const money = (x: number | null) => formatCurrency(x, locale);
  const num = (x: number | null, digits = 0) => formatNumber(x, locale, { maximumFractionDigits: digits });
  const v = (k: string) => (values[k]?.ok ? values[k].value : null) as number | null;
  const ladder = readKocLadder(rows).ladder;
  return (
    <>
      <dl class="calc-stats">
        <Stat label={t.monthlyTotal} value={money(plan.monthlyTotal)} />
        <Stat label={t.annualTotal} value={money(plan.annualTotal)} />
        <Stat label={t.perKoc} value={plan.costPerKocMonthly === null ? ui[locale].common.noValue : money(plan.costPerKocMonthly)} />
        <Stat label={t.rewards} value={money(plan.rewardsMonthly)} />
        <Stat label={t.replacements} value={num(plan.replacementsPerMonth, 2)} />
        <Stat label={t.recruitment} value={money(plan.recruitmentMonthly)} />
      </dl>
      <p>
        <a class="calc-handoff" href={budgetHref}>
          {t.toBudget} →
        </a>
      </p>
      <h3 class="calc-rota-subtitle">{t.sections.rungs}</h3>
      <div class="calc-table-wrap" tabIndex={0}>
        <table class="calc-data-table calc-koc-rungs">
          <caption class="sr-only">{t.sections.rungs}</caption>
          <thead>
            <tr>
              <th scope="col">{t.cells.name}</th>
              <th scope="col">{t.cells.share}</th>
              <th scope="col">{t.count}</th>
              <th scope="col">{t.rungCost}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rungs.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.name}</th>
                <td>{formatPercent(ladder[i]?.share ?? null, locale, { maximumFractionDigits: 2 })}</td>
                <td>{num(r.count)}</td>
                <td>{money(r.monthlyCost)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.rewards}</th>
              <td />
              <td>{num(v('kocs'))}</td>
              <td>{money(plan.rewardsMonthly)}</td>
            </tr>
            <tr>
              <th scope="row">{t.recruitment}</th>
              <td />
              <td>{num(plan.replacementsPerMonth, 2)}</td>
              <td>{money(plan.recruitmentMonthly)}</td>
            </tr>
            <tr>
              <th scope="row">{t.total}</th>
              <td />
              <td />
              <td>{money(plan.monthlyTotal)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Formula
        locale={locale}
        assumptions={t.assumptions}
        lines={[
          fill(t.formula.counts, { kocs: num(v('kocs')), counts: plan.rungs.map((r) => `${r.name} ${num(r.count)}`).join(' / ') }),
          ...plan.rungs.map((r, i) =>
            fill(t.formula.rung, { name: r.name, count: num(r.count), reward: money(ladder[i]?.monthlyReward ?? null), gift: money(ladder[i]?.annualGift ?? null), cost: money(r.monthlyCost) }),
          ),
          fill(t.formula.rewards, { rewards: money(plan.rewardsMonthly) }),
          fill(t.formula.recruitment, {
            kocs: num(v('kocs')),
            attrition: formatPercent(v('attrition'), locale, { maximumFractionDigits: 2 }),
            replacements: num(plan.replacementsPerMonth, 2),
            cost: money(v('recruit')),
            recruitment: money(plan.recruitmentMonthly),
          }),
          fill(t.formula.total, { rewards: money(plan.rewardsMonthly), recruitment: money(plan.recruitmentMonthly), total: money(plan.monthlyTotal), annual: money(plan.annualTotal) }),
        ]}
      />
    </>
  );
}

/** Each rung's four cells as input rows of the CSV: numbers as read (1.2千 → 1200), shares as the percentage typed. */
function ladderInputRows(locale: Locale, rows: KocRungText[], reading: KocLadderReading): ExportRow[] {
  const t = ui[locale].koc;
  const section = ui[locale].common.inputs;
  return rows.flatMap((row, i): ExportRow[] => {
    const label = `${fill(t.rungLabel, { n: i + 1 })} · `;
    const r = reading.ladder[i]!;
    const read = (x: number, text: string, asPercent = false) => (Number.isFinite(x) ? (asPercent ? Number(percentText(x)) : x) : text);
    return [
      [section, label + t.cells.name, row.name, ''],
      [section, label + t.cells.share, read(r.share, row.share, true), '%'],
      [section, label + t.cells.reward, read(r.monthlyReward, row.reward), t.cellUnits.reward],
      [section, label + t.cells.gift, read(r.annualGift, row.gift), t.cellUnits.gift],
    ];
  });
}

function exportRows(plan: KocProgramme, locale: Locale): ExportRow[] {
  const t = ui[locale].koc;
  const c = ui[locale].common;
  const m = `${c.yuan}/${c.perMonth}`;
  return [
    ...plan.rungs.flatMap((r): ExportRow[] => [
      [c.results, `${r.name} · ${t.count}`, r.count, c.people, SHOWN.people],
      [c.results, `${r.name} · ${t.rungCost}`, r.monthlyCost, m, SHOWN.money],
    ]),
    [c.results, t.rewards, plan.rewardsMonthly, m, SHOWN.money],
    [c.results, t.replacements, plan.replacementsPerMonth, c.people, SHOWN.number],
    [c.results, t.recruitment, plan.recruitmentMonthly, m, SHOWN.money],
    [c.results, t.monthlyTotal, plan.monthlyTotal, m, SHOWN.money],
    [c.results, t.annualTotal, plan.annualTotal, `${c.yuan}/${c.perYear}`, SHOWN.money],
    [c.results, t.perKoc, plan.costPerKocMonthly, m, SHOWN.money],
  ];
}
