/**
 * What the health check found: headline figures, the cohort heatmap, tiers against the 5/20/75 benchmark,
 * the at-risk list (with a CSV download), the rows that were skipped, and the sBG fit handed on to the
 * retention and LTV/CAC calculators. Every figure comes from the worker's analysis or from `src/lib`.
 */
import { useState } from 'preact/hooks';
import { daysBetween } from '../../lib/activity';
import { STICKINESS_TARGET } from '../../lib/defaults';
import { InputError, type InputIssue } from '../../lib/errors';
import { formatNumber, formatPercent, type Locale } from '../../lib/format';
import { handOffQueries, tierShares } from '../../lib/health';
import { fitSbg, sbgSurvival, type SbgFit } from '../../lib/sbg';
import { fill } from '../../i18n/fill';
import { saveCsv } from '../calculators/export';
import { Formula, issueText, Stat } from '../calculators/parts';
import { ui } from '../calculators/strings';
import { ChatFacts } from './ChatFacts';
import { ChatLifecycle } from './ChatLifecycle';
import { ChatPresence } from './ChatPresence';
import { ChatResponse } from './ChatResponse';
import { ChatRhythm } from './ChatRhythm';
import { formatLabel } from './FileList';
import { RosterChanges } from './RosterChanges';
import { WarehouseGroups } from './WarehouseGroups';
import type { Analysis } from './protocol';
import { fromColumns } from '../../lib/health/member-columns';

/** Months shown in the heatmap; older cohorts scroll sideways. */
const HEAT_MONTHS = 25;
/** At-risk members listed on the page; the download has all of them. */
const AT_RISK_SHOWN = 20;
const TIERS = ['core', 'active', 'silent'] as const;
const BENCHMARK = { core: 0.05, active: 0.2, silent: 0.75 } as const;

/** Ten colour steps, chosen in CSS (a class, not an inline style, so the page's CSP needs no exception). */
const heatClass = (x: number) => `heat heat-${Math.min(10, Math.max(0, Math.floor(x * 10)))}`;

/**
 * `fileName`: what the summary line calls the file(s). `hideNames`: the screenshot switch; names are then left
 * off the page but kept in the downloaded CSVs.
 */
export function HealthResults({ locale, fileName, analysis, hideNames = false }: { locale: Locale; fileName: string; analysis: Analysis; hideNames?: boolean }) {
  const t = ui[locale].health;
  const c = ui[locale].common;
  // A warehouse summary: computed in the warehouse, with no per-member tiers (said, not shown empty).
  const wh = analysis.warehouse;
  const [fit, setFit] = useState<{ ok: true; fit: SbgFit } | { ok: false; issue: InputIssue } | null>(null);
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const pct = (x: number | null, digits = 0) => formatPercent(x, locale, { maximumFractionDigits: digits });
  const h = analysis.health;
  const badTotal = analysis.badCounts.missing_member + analysis.badCounts.bad_date + analysis.badCounts.future_date;
  // Rows of several files read as one sheet are named with their file: each file numbers its rows from 1.
  const withFiles = analysis.bad.some((b) => b.file !== undefined);

  const badRows =
    badTotal > 0 ? (
      <details class="health-bad" open={h === null}>
        <summary>{fill(t.badSummary, { n: n(badTotal) })}</summary>
        <ul>
          {(['missing_member', 'bad_date', 'future_date'] as const)
            .filter((k) => analysis.badCounts[k] > 0)
            .map((k) => (
              <li key={k}>{fill(t.badReasonCount, { reason: t.badReasons[k], n: n(analysis.badCounts[k]) })}</li>
            ))}
        </ul>
        <div class="health-scroll" tabIndex={0} role="region" aria-label={t.badTable}>
          <table>
            <caption>{analysis.bad.length < badTotal ? fill(t.badListedFirst, { n: n(analysis.bad.length) }) : t.badTable}</caption>
            <thead>
              <tr>
                {withFiles ? <th scope="col">{t.fileCols.name}</th> : null}
                <th scope="col">{t.row}</th>
                <th scope="col">{t.reason}</th>
                <th scope="col">{t.cell}</th>
              </tr>
            </thead>
            <tbody>
              {analysis.bad.map((b) => (
                <tr key={`${b.file ?? ''}\u0000${b.line}`}>
                  {withFiles ? <td>{b.file}</td> : null}
                  <th scope="row">{b.line}</th>
                  <td>{t.badReasons[b.reason]}</td>
                  <td>{b.value === '' ? t.emptyCell : b.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    ) : null;

  if (h === null) {
    return (
      <section class="calc-results health-results" aria-labelledby="health-results-title">
        <h2 id="health-results-title">{t.resultsTitle}</h2>
        <p class="calc-error" role="alert">
          {t.noEvents}
        </p>
        {badRows}
      </section>
    );
  }

  const r = h.report;
  const shares = tierShares(h.profile);
  const months = Math.min(HEAT_MONTHS, Math.max(...r.cohorts.map((co) => co.retention.length)));
  const sticky = r.stickiness !== null && r.stickiness >= STICKINESS_TARGET;
  const base = locale === 'en' ? '/en' : '';
  const handOff = fit?.ok ? handOffQueries(h.retention.curve, fit.fit) : null;
  const modelled = fit?.ok ? sbgSurvival(fit.fit.alpha, fit.fit.beta, 12) : null;

  const runFit = () => {
    try {
      setFit({ ok: true, fit: fitSbg(h.retention.curve) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      setFit({ ok: false, issue: e.issues[0] ?? { path: '', code: 'invalid_value' } });
    }
  };

  // Chat exports carry names: the CSVs get a name column beside the ID (the page may hide them, the file not).
  const names = analysis.people?.names;
  const nameCell = (id: string) => (names ? [names[id] ?? ''] : []);
  const shownName = (id: string) => (names && !hideNames ? names[id] : undefined);
  const downloadAtRisk = () =>
    saveCsv(
      fill(t.atRiskFile, { date: r.asOf }),
      [t.member, ...(names ? [t.nameCol] : []), t.lastEvent, t.daysQuiet, ...(wh ? [] : [t.tier])],
      h.atRisk.map((a) => [a.member, ...nameCell(a.member), a.lastEvent, daysBetween(a.lastEvent, r.asOf), ...(a.tier ? [t.tierNames[a.tier]] : [])]),
    );
  const downloadTiers = () =>
    saveCsv(
      fill(t.tiersFile, { date: r.asOf }),
      [t.member, ...(names ? [t.nameCol] : []), t.tier, t.events90, t.lastEvent],
      fromColumns(h.members).map((m) => [m.member, ...nameCell(m.member), t.tierNames[m.tier], m.events90, m.lastEvent ?? t.neverPosted]),
    );

  return (
    <section class="calc-results health-results" aria-labelledby="health-results-title">
      <h2 id="health-results-title">{t.resultsTitle}</h2>
      <p class="health-file-facts" data-testid="health-summary">
        {wh
          ? fill(t.summaryImport.summary, { name: fileName, rows: n(analysis.rows), asOf: r.asOf })
          : analysis.chat
          ? fill(t.chatSummary, {
              name: fileName,
              format: analysis.chat.format.map((f) => formatLabel(f, locale)).join(locale === 'zh-CN' ? '、' : ', '),
              records: n(analysis.rows),
              messages: n(analysis.chat.messages),
              speakers: n(analysis.chat.speakers),
              asOf: r.asOf,
              seconds: formatNumber(analysis.seconds, locale, { maximumFractionDigits: 1 }),
            })
          : fill(t.summary, {
              name: fileName,
              rows: n(analysis.rows),
              events: n(analysis.events),
              bad: n(badTotal),
              asOf: r.asOf,
              seconds: formatNumber(analysis.seconds, locale, { maximumFractionDigits: 1 }),
            })}
      </p>
      <dl class="calc-stats">
        <Stat label={t.members} value={n(r.members)} />
        <Stat label={t.mau} value={n(r.mau)} />
        <Stat label={t.avgDau} value={formatNumber(r.avgDau, locale, { maximumFractionDigits: 1 })} />
        <Stat
          label={t.stickiness}
          value={r.stickiness === null ? c.noValue : formatNumber(r.stickiness, locale, { maximumFractionDigits: 2 })}
          verdict={r.stickiness === null ? undefined : sticky ? 'ok' : 'bad'}
          note={r.stickiness === null ? t.noMau : `${sticky ? c.ok : c.notOk} · ${fill(t.stickinessTarget, { target: formatNumber(STICKINESS_TARGET, locale) })}`}
        />
      </dl>
      {wh ? <WarehouseGroups locale={locale} groups={wh.groups} asOf={r.asOf} /> : null}
      {analysis.chat ? <ChatFacts locale={locale} chat={analysis.chat} asOf={r.asOf} future={analysis.people?.future} /> : null}
      {analysis.people ? <RosterChanges locale={locale} rosters={analysis.people.rosters} hideNames={hideNames} /> : null}
      {analysis.chat ? <ChatRhythm locale={locale} chat={analysis.chat} /> : null}
      {analysis.chat ? <ChatResponse locale={locale} chat={analysis.chat} /> : null}

      <h3>{t.cohortTitle}</h3>
      <p class="calc-hint">{t.cohortHint}</p>
      <div class="health-scroll" tabIndex={0} role="region" aria-label={t.cohortTitle}>
        <table class="health-heatmap" data-testid="health-heatmap">
          <caption class="sr-only">{t.cohortTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.cohort}</th>
              <th scope="col">{t.cohortSize}</th>
              {Array.from({ length: months }, (_, k) => (
                <th scope="col" key={k}>
                  {fill(t.monthK, { k })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.cohorts.map((co) => (
              <tr key={co.month}>
                <th scope="row">{co.month}</th>
                <td>{n(co.size)}</td>
                {Array.from({ length: months }, (_, k) =>
                  co.retention[k] === undefined ? (
                    <td key={k} class="heat-none" />
                  ) : (
                    <td key={k} class={heatClass(co.retention[k]!)}>
                      {pct(co.retention[k]!)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {analysis.chat ? <ChatLifecycle locale={locale} lifecycle={analysis.chat.lifecycle} caption={fill(t.chatAnalytics.lifecycleCaption, { asOf: r.asOf })} /> : null}
      {wh ? <ChatLifecycle locale={locale} lifecycle={wh.lifecycle} caption={fill(t.summaryImport.lifecycleCaption, { asOf: r.asOf })} /> : null}

      <h3>{t.tiersTitle}</h3>
      <div class="health-scroll" tabIndex={0} role="region" aria-label={t.tiersTitle}>
        <table class="health-tiers" data-testid="health-tiers">
          <thead>
            <tr>
              <th scope="col">{t.tier}</th>
              <th scope="col">{t.tierMembers}</th>
              <th scope="col">{t.benchmark}</th>
              <th scope="col">{t.active90}</th>
              <th scope="col">{t.eventShare}</th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((k) => (
              <tr key={k}>
                <th scope="row">{t.tierNames[k]}</th>
                <td>{fill(t.countShare, { n: n(h.profile[k].members), share: pct(shares.tiers[k].memberShare, 1) })}</td>
                <td>{pct(BENCHMARK[k])}</td>
                <td>{fill(t.countShare, { n: n(h.profile[k].active90), share: pct(shares.tiers[k].activeShare) })}</td>
                <td>{pct(shares.tiers[k].eventShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class={`health-verdict health-verdict--${shares.engagedShare >= BENCHMARK.core + BENCHMARK.active ? 'ok' : 'bad'}`}>
        {fill(t.tiersVerdict, { engaged: pct(shares.engagedShare), top: pct(shares.topQuarterEventShare) })}
      </p>
      {wh ? (
        <p data-testid="health-no-tier-list">{t.summaryImport.tiersNoList}</p>
      ) : (
        <button type="button" onClick={downloadTiers}>
          {t.downloadTiers}
        </button>
      )}
      {analysis.chat ? <ChatPresence locale={locale} chat={analysis.chat} /> : null}

      <h3>{t.atRiskTitle}</h3>
      <p>
        {wh
          ? fill(t.summaryImport.atRiskIntro, { n: n(h.atRisk.length), days: n(analysis.inactiveDays) })
          : fill(t.atRiskIntro, { n: n(h.atRisk.length), days: n(analysis.inactiveDays), core: n(h.atRisk.filter((a) => a.tier === 'core').length) })}
      </p>
      {h.atRisk.length > 0 ? (
        <>
          <div class="health-scroll" tabIndex={0} role="region" aria-label={t.atRiskTitle}>
            <table class="health-at-risk" data-testid="health-at-risk">
              <caption>{h.atRisk.length > AT_RISK_SHOWN ? fill(t.atRiskShown, { n: AT_RISK_SHOWN }) : t.atRiskTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.member}</th>
                  {names && !hideNames ? <th scope="col">{t.nameCol}</th> : null}
                  <th scope="col">{t.lastEvent}</th>
                  <th scope="col">{t.daysQuiet}</th>
                  {wh ? null : <th scope="col">{t.tier}</th>}
                </tr>
              </thead>
              <tbody>
                {h.atRisk.slice(0, AT_RISK_SHOWN).map((a) => (
                  <tr key={a.member}>
                    <th scope="row">{a.member}</th>
                    {names && !hideNames ? <td class="health-name-cell">{shownName(a.member) ?? ''}</td> : null}
                    <td>{a.lastEvent}</td>
                    <td>{n(daysBetween(a.lastEvent, r.asOf))}</td>
                    {a.tier ? <td>{t.tierNames[a.tier]}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={downloadAtRisk}>
            {t.downloadAtRisk}
          </button>
        </>
      ) : null}

      {badRows}

      <h3>{t.fitTitle}</h3>
      <p>{fill(t.fitIntro, { months: n(Math.max(0, h.retention.curve.length - 1)), members: n(h.retention.members) })}</p>
      <button type="button" onClick={runFit} disabled={fit?.ok === true}>
        {t.fit}
      </button>
      <div aria-live="polite">
        {fit && !fit.ok ? (
          <p class="calc-error" data-testid="health-fit-error">
            {fit.issue.code === 'too_few_points' ? t.fitTooShort : fit.issue.code === 'no_churn_observed' ? t.fitNoChurn : issueText(fit.issue, locale)}
          </p>
        ) : null}
        {fit?.ok && handOff && modelled ? (
          <div data-testid="health-fit">
            <dl class="calc-stats">
              <Stat label="α" value={formatNumber(fit.fit.alpha, locale, { maximumFractionDigits: 3 })} />
              <Stat label="β" value={formatNumber(fit.fit.beta, locale, { maximumFractionDigits: 3 })} />
              <Stat label={t.month12} value={pct(modelled[12]!, 1)} verdict={fit.fit.atBound ? 'warn' : undefined} note={fit.fit.atBound ? t.atBound : undefined} />
              <Stat label={t.equivalentChurn} value={pct(handOff.churn, 1)} note={t.equivalentChurnNote} />
            </dl>
            <p class="health-links">
              <a href={`${base}/calculators/retention/${handOff.retention}`}>{t.toRetention}</a>
              <a href={`${base}/calculators/ltv-cac/${handOff.ltvCac}`}>{t.toLtv}</a>
            </p>
          </div>
        ) : null}
      </div>

      <Formula
        locale={locale}
        lines={analysis.chat ? [...t.formulas, ...t.chatAnalytics.formulas.map((l) => fill(l, { days: analysis.chat!.response.withinDays }))] : t.formulas}
        assumptions={analysis.chat ? [...t.assumptions, ...t.chatAnalytics.assumptions] : t.assumptions}
      />
    </section>
  );
}
