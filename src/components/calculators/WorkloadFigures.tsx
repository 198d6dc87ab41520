/**
 * The workload check's figures as the workload page shows them: the recommended operators and what each rule
 * calls for, task and duty hours, the sentence that says which rule sets the number, and the hours by task.
 * Shared by the workload page and the staffing page's "check against the workload" section.
 */
import { formatNumber, formatPercent, type Locale } from '../../lib/format';
import { TASKS, type OperatorRecommendation, type WorkloadPlan } from '../../lib/workload';
import { fill } from '../../i18n/fill';
import { ui } from './strings';
import { Stat } from './parts';

export const hoursText = (x: number | null, locale: Locale) => formatNumber(x, locale, { maximumFractionDigits: 1 });
export const peopleText = (x: number | null, locale: Locale) => formatNumber(x, locale, { maximumFractionDigits: 0 });
export const fteText = (x: number | null, locale: Locale) => formatNumber(x, locale, { maximumFractionDigits: 2 });

export function WorkloadFigures({
  workload: w,
  recommendation: rec,
  membersPerOperator,
  productiveShare,
  locale,
}: {
  workload: WorkloadPlan;
  recommendation: OperatorRecommendation;
  membersPerOperator: number | null;
  productiveShare: number | null;
  locale: Locale;
}) {
  const t = ui[locale].workload;
  const h = (x: number | null) => hoursText(x, locale);
  const n = (x: number | null) => peopleText(x, locale);
  const x2 = (x: number | null) => fteText(x, locale);
  return (
    <>
      <dl class="calc-stats">
        <Stat label={t.recommended} value={n(rec.operators)} verdict="ok" />
        <Stat label={t.byRule.ratio} value={n(rec.byRule.ratio)} />
        <Stat label={t.byRule.workload} value={n(rec.byRule.workload)} note={`${x2(w.workloadFte)} ${t.fte}`} />
        <Stat label={t.byRule.coverage} value={n(rec.byRule.coverage)} note={`${x2(w.coverageFte)} ${t.fte}`} />
        <Stat label={t.taskHours} value={h(w.taskHours.total)} note={t.hoursUnit} />
        <Stat label={t.coverageHours} value={h(w.coverageHours)} note={t.hoursUnit} />
      </dl>
      <p class="calc-verdict" data-reason={rec.reason}>
        {fill(t.reasons[rec.reason], {
          operators: n(rec.operators),
          workload: n(rec.byRule.workload),
          coverage: n(rec.byRule.coverage),
          ratio: n(membersPerOperator),
          hours: h(rec.reason === 'coverage' ? w.coverageHours : w.taskHours.total),
          productive: formatPercent(productiveShare, locale),
        })}
      </p>
      <div class="calc-table-wrap" tabIndex={0}>
        <table class="calc-data-table">
          <caption class="sr-only">{t.taskHours}</caption>
          <thead>
            <tr>
              <th scope="col">{ui[locale].common.item}</th>
              <th scope="col">{t.hoursUnit}</th>
            </tr>
          </thead>
          <tbody>
            {[...TASKS, 'total' as const].map((k) => (
              <tr key={k}>
                <th scope="row">{t.tasks[k]}</th>
                <td>{h(w.taskHours[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
