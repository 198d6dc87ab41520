/** LTV/CAC: lifetime value, ratio and verdict, simple and churn-adjusted payback; optional second segment. */
import { percentText, type FieldDef, type FieldResult } from '../../lib/calc-state';
import { formatCurrency, formatMonths, formatNumber, formatPercent, joinClauses, parenthetical, type Locale } from '../../lib/format';
import { defaultLtvInput, ltvCac, type LtvResult } from '../../lib/ltv';
import { fill } from '../../i18n/fill';
import { provideStrings, ui, type CalcStrings } from './strings';
import { ChartBlock } from './ChartBlock';
import { inputRows, SHOWN, type ExportRow } from './export';
import { Actions, fieldsFor, Formula, labelsOf, NoticeBar, Results, Stat, usePrintOpensDetails, useRootRef } from './parts';
import { compute, only, useCalculator } from './useCalculator';
import './calculators.css';

const d = defaultLtvInput;
export const LTV_FIELDS: FieldDef[] = [
  { key: 'arpu', kind: 'number', default: String(d.arpuMonthly) },
  { key: 'margin', kind: 'percent', default: percentText(d.grossMargin) },
  { key: 'churn', kind: 'percent', default: percentText(d.monthlyChurn) },
  { key: 'discount', kind: 'percent', default: percentText(d.annualDiscountRate) },
  { key: 'horizon', kind: 'number', default: '', optional: true },
  { key: 'cacMode', kind: 'select', default: 'direct', options: ['direct', 'spend'] },
  { key: 'cac', kind: 'number', default: String(d.cac) },
  { key: 'spend', kind: 'number', default: '40000' },
  { key: 'customers', kind: 'number', default: '100' },
  { key: 'compare', kind: 'select', default: 'off', options: ['off', 'on'] },
  { key: 'arpuB', kind: 'number', default: '100' },
  { key: 'marginB', kind: 'percent', default: '60' },
  { key: 'churnB', kind: 'percent', default: '8' },
  { key: 'cacB', kind: 'number', default: '250' },
];

const FIELD_OF: Record<string, string> = {
  arpuMonthly: 'arpu',
  grossMargin: 'margin',
  monthlyChurn: 'churn',
  annualDiscountRate: 'discount',
  horizonMonths: 'horizon',
  cac: 'cac',
  acquisitionSpend: 'spend',
  newCustomers: 'customers',
};
const FIELD_OF_B: Record<string, string> = { arpuMonthly: 'arpuB', grossMargin: 'marginB', monthlyChurn: 'churnB', cac: 'cacB', annualDiscountRate: 'discount', horizonMonths: 'horizon' };


/** Months the chart shows: the horizon, else enough to see payback with some room, at least two years. */
const CHART_MONTHS = { min: 24, max: 120, after: 6 };

export default function LtvCacCalculator({ locale, strings }: { locale: Locale; strings: CalcStrings }) {
  provideStrings(locale, strings);
  const t = ui[locale].ltv;
  const c = ui[locale].common;
  const calc = useCalculator('ltv-cac', LTV_FIELDS);
  const root = useRootRef();
  usePrintOpensDetails(root);
  const spendMode = calc.state.cacMode === 'spend';
  const comparing = calc.state.compare === 'on';
  const keysA = ['arpu', 'margin', 'churn', 'discount', 'horizon', ...(spendMode ? ['spend', 'customers'] : ['cac'])];
  const a = compute(
    only(calc.values, keysA),
    (v) =>
      ltvCac({
        arpuMonthly: v.arpu as number,
        grossMargin: v.margin as number,
        monthlyChurn: v.churn as number,
        annualDiscountRate: v.discount as number,
        horizonMonths: v.horizon as number | null,
        ...(spendMode ? { acquisitionSpend: v.spend as number, newCustomers: v.customers as number } : { cac: v.cac as number }),
      }),
    (p) => FIELD_OF[p.split('.')[0] ?? ''],
  );
  const b = comparing
    ? compute(
        only(calc.values, ['arpuB', 'marginB', 'churnB', 'cacB', 'discount', 'horizon']),
        (v) =>
          ltvCac({
            arpuMonthly: v.arpuB as number,
            grossMargin: v.marginB as number,
            monthlyChurn: v.churnB as number,
            annualDiscountRate: v.discount as number,
            horizonMonths: v.horizon as number | null,
            cac: v.cacB as number,
          }),
        (p) => FIELD_OF_B[p.split('.')[0] ?? ''],
      )
    : { result: null, errors: {} };
  const errors = { ...b.errors, ...a.errors };
  const ok = a.result !== null && (!comparing || b.result !== null);
  const field = fieldsFor('ltv-cac', LTV_FIELDS, t.fields, calc.state, errors, locale, calc.setField);
  const money = (x: number | null) => formatCurrency(x, locale);
  const months = (x: number | null) => (x === null ? t.noPayback : formatMonths(x, locale));
  const ratio = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 2 });
  const summary = a.result ? joinClauses([`LTV ${money(a.result.ltv)}`, `LTV/CAC ${ratio(a.result.ratio)}`, t.verdicts[a.result.verdict]], locale) : null;

  return (
    <div class="calc not-content" ref={root} data-calc="ltv-cac">
      <NoticeBar notice={calc.notice} locale={locale} labels={labelsOf(t.fields)} onDismiss={calc.dismissNotice} />
      <div class="calc-grid">
        <form class="calc-inputs" aria-label={c.inputs} onSubmit={(e) => e.preventDefault()}>
          {field('arpu')}
          {field('margin')}
          {field('churn')}
          {field('discount')}
          {field('horizon')}
          {field('cacMode', { options: t.cacModes })}
          {spendMode ? (
            <>
              {field('spend')}
              {field('customers')}
            </>
          ) : (
            field('cac')
          )}
          {field('compare', { options: t.compareOptions })}
          {comparing ? (
            <>
              {field('arpuB')}
              {field('marginB')}
              {field('churnB')}
              {field('cacB')}
            </>
          ) : null}
        </form>
        <Results locale={locale} summary={summary} errors={!ok}>
          {ok && a.result ? (
            <>
              {comparing && b.result ? (
                <CompareTable a={a.result} b={b.result} locale={locale} />
              ) : (
                <dl class="calc-stats">
                  <Stat label={t.ltvLabel} value={money(a.result.ltv)} />
                  <Stat label={t.cacValue} value={money(a.result.cac)} />
                  <Stat
                    label={t.ratio}
                    value={ratio(a.result.ratio)}
                    verdict={a.result.verdict === 'healthy' ? 'ok' : a.result.verdict === 'marginal' ? 'warn' : 'bad'}
                    note={`${t.verdicts[a.result.verdict]} · ${c.sourceDefault}`}
                  />
                  <Stat label={t.simplePayback} value={months(a.result.simplePaybackMonths)} />
                  <Stat label={t.payback} value={months(a.result.paybackMonths)} />
                </dl>
              )}
              <PaybackChart a={a.result} b={comparing ? b.result : null} locale={locale} />
              <Formula
                locale={locale}
                assumptions={t.assumptions}
                lines={formulaLines(a.result, calc.values, spendMode, locale)}
              />
            </>
          ) : null}
        </Results>
      </div>
      <Actions
        locale={locale}
        calc="ltv-cac"
        state={calc.state}
        rows={ok && a.result ? exportRows(a.result, comparing ? b.result : null, locale) : null}
        inputs={inputRows(locale, LTV_FIELDS, calc.state, t.fields, [...keysA.slice(0, 5), 'cacMode', ...keysA.slice(5), 'compare', ...(comparing ? ['arpuB', 'marginB', 'churnB', 'cacB'] : [])], { cacMode: t.cacModes, compare: t.compareOptions })}
        linkUrl={calc.linkUrl}
        onReset={calc.reset}
      />
    </div>
  );
}

function CompareTable({ a, b, locale }: { a: LtvResult; b: LtvResult; locale: Locale }) {
  const t = ui[locale].ltv;
  const c = ui[locale].common;
  const money = (x: number | null) => formatCurrency(x, locale);
  const months = (x: number | null) => (x === null ? t.noPayback : formatMonths(x, locale));
  const rows: [string, string, string][] = [
    [t.ltvLabel, money(a.ltv), money(b.ltv)],
    [t.cacValue, money(a.cac), money(b.cac)],
    [t.ratio, formatNumber(a.ratio, locale), formatNumber(b.ratio, locale)],
    [t.verdict, t.verdicts[a.verdict], t.verdicts[b.verdict]],
    [t.simplePayback, months(a.simplePaybackMonths), months(b.simplePaybackMonths)],
    [t.payback, months(a.paybackMonths), months(b.paybackMonths)],
  ];
  return (
    <div class="calc-table-wrap" tabIndex={0}>
      <table class="calc-compare">
        <thead>
          <tr>
            <th scope="col">{c.item}</th>
            <th scope="col">{t.segmentA}</th>
            <th scope="col">{t.segmentB}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, x, y]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{x}</td>
              <td>{y}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function chartLength(results: LtvResult[]): number {
  const longest = Math.max(...results.map((r) => r.cumulative.length));
  const payback = Math.max(...results.map((r) => r.paybackMonths ?? CHART_MONTHS.min));
  return Math.min(longest, CHART_MONTHS.max, Math.max(CHART_MONTHS.min, payback + CHART_MONTHS.after));
}

function PaybackChart({ a, b, locale }: { a: LtvResult; b: LtvResult | null; locale: Locale }) {
  const t = ui[locale].ltv;
  const segments = b ? [a, b] : [a];
  const n = chartLength(segments);
  const labels = Array.from({ length: n }, (_, i) => String(i + 1));
  const names = b ? [t.segmentA, t.segmentB] : [''];
  const money = (x: number | null) => formatCurrency(x, locale);
  const suffix = (i: number) => (b ? parenthetical(names[i]!, locale) : '');
  return (
    <ChartBlock
      kind="line"
      locale={locale}
      label={t.chartLabel}
      table={{
        head: [t.monthAxis, ...segments.flatMap((_, i) => [`${t.cumulative}${suffix(i)}`])],
        rows: labels.map((m, j) => [m, ...segments.map((s) => money(s.cumulative[j] ?? null))]),
      }}
      build={(col) => ({
        type: 'line',
        data: {
          labels,
          datasets: segments.flatMap((s, i) => [
            {
              label: `${t.cumulative}${suffix(i)}`,
              data: s.cumulative.slice(0, n),
              borderColor: col.series[i * 2]!,
              backgroundColor: col.series[i * 2]!,
              // The payback month is drawn as a large point.
              pointRadius: s.cumulative.slice(0, n).map((_, j) => (s.paybackMonths === j + 1 ? 6 : 0)),
              tension: 0.2,
            },
            {
              label: `${t.cacLine}${suffix(i)}`,
              data: labels.map(() => s.cac),
              borderColor: col.series[i * 2 + 1]!,
              borderDash: [6, 4],
              pointRadius: 0,
            },
          ]),
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { title: { display: true, text: t.monthAxis, color: col.text }, ticks: { color: col.text, maxTicksLimit: 12 }, grid: { color: col.grid } },
            y: { beginAtZero: true, ticks: { color: col.text, callback: (v) => formatCurrency(Number(v), locale, { compact: true }) }, grid: { color: col.grid } },
          },
          plugins: {
            legend: { position: 'bottom', labels: { color: col.text } },
            tooltip: { callbacks: { title: (items) => fill(t.month, { n: items[0]?.label ?? '' }), label: (ctx) => `${ctx.dataset.label}: ${money(ctx.parsed.y)}` } },
          },
        },
      })}
    />
  );
}

function formulaLines(r: LtvResult, values: Record<string, FieldResult>, spendMode: boolean, locale: Locale): string[] {
  const t = ui[locale].ltv;
  const v = (k: string) => (values[k]?.ok ? values[k].value : null) as number | null;
  const money = (x: number | null) => formatCurrency(x, locale);
  const pct = (x: number | null) => formatPercent(x, locale, { maximumFractionDigits: 3 });
  const months = (x: number | null) => (x === null ? t.noPayback : formatMonths(x, locale));
  return [
    fill(t.formula.margin, { arpu: money(v('arpu')), margin: pct(v('margin')), m: money(r.marginMonthly) }),
    fill(t.formula.discount, { annual: pct(v('discount')), d: pct(r.monthlyDiscountRate) }),
    v('horizon') === null
      ? fill(t.formula.ltvInfinite, { m: money(r.marginMonthly), churn: pct(v('churn')), d: pct(r.monthlyDiscountRate), ltv: money(r.ltv) })
      : fill(t.formula.ltvHorizon, { h: formatNumber(v('horizon'), locale), ltv: money(r.ltv) }),
    ...(spendMode ? [fill(t.formula.cac, { spend: money(v('spend')), customers: formatNumber(v('customers'), locale), cac: money(r.cac) })] : []),
    fill(t.formula.ratio, { ltv: money(r.ltv), cac: money(r.cac), ratio: formatNumber(r.ratio, locale) }),
    fill(t.formula.simple, { cac: money(r.cac), m: money(r.marginMonthly), months: months(r.simplePaybackMonths) }),
    fill(t.formula.payback, { months: months(r.paybackMonths) }),
  ];
}

function exportRows(a: LtvResult, b: LtvResult | null, locale: Locale): ExportRow[] {
  const t = ui[locale].ltv;
  const c = ui[locale].common;
  const rows = (r: LtvResult, section: string): ExportRow[] => [
    [section, t.ltvLabel, r.ltv, c.yuan, SHOWN.money],
    [section, t.cacValue, r.cac, c.yuan, SHOWN.money],
    [section, t.ratio, r.ratio, '', SHOWN.number],
    [section, t.verdict, t.verdicts[r.verdict], ''],
    [section, t.simplePayback, r.simplePaybackMonths, c.months, SHOWN.months],
    [section, t.payback, r.paybackMonths, c.months, SHOWN.months],
  ];
  return b ? [...rows(a, t.segmentA), ...rows(b, t.segmentB)] : rows(a, c.results);
}
