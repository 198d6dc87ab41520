/**
 * "Our staff / bot": the most active senders of the chat exports (before any exclusion, from `topSenders`),
 * each with a checkbox. Ticking one asks the page to analyse again without them; the exporting account and
 * platform-marked bots are already left out and shown so, not tickable. Also the "hide names" switch, which
 * hides every name on the page (IDs stay) for screenshots.
 */
import { formatNumber, type Locale } from '../../lib/format';
import type { Sender } from '../../lib/health/merge';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';

export function StaffPicker({
  locale,
  senders,
  staff,
  onToggle,
  onClear,
  hideNames,
  onHideNames,
  busy,
}: {
  locale: Locale;
  senders: readonly Sender[];
  staff: ReadonlySet<string>;
  onToggle: (member: string, on: boolean) => void;
  onClear: () => void;
  hideNames: boolean;
  onHideNames: (hide: boolean) => void;
  busy: boolean;
}) {
  const t = ui[locale].health;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const who = (s: Sender) => (s.name && !hideNames ? `${s.name} · ${s.member}` : s.member);
  return (
    <section class="health-people" aria-labelledby="health-people-title" data-testid="health-people">
      <h3 id="health-people-title">{t.peopleTitle}</h3>
      <div class="calc-field health-check-field">
        <label>
          <input type="checkbox" checked={hideNames} aria-describedby="health-hide-names-hint" onChange={(e) => onHideNames((e.target as HTMLInputElement).checked)} /> {t.hideNames}
        </label>
        <p class="calc-hint" id="health-hide-names-hint">
          {t.hideNamesHint}
        </p>
      </div>
      <p class="calc-hint">{t.peopleIntro}</p>
      {staff.size > 0 ? (
        <p class="calc-hint" data-testid="health-staff-remembered">
          {fill(t.remembered, { n: n(staff.size) })}{' '}
          <button type="button" onClick={onClear} disabled={busy}>
            {t.clearStaff}
          </button>
        </p>
      ) : null}
      <div class="health-scroll" tabIndex={0} role="region" aria-label={fill(t.peopleCaption, { n: n(senders.length) })}>
        <table class="health-senders" data-testid="health-senders">
          <caption>{fill(t.peopleCaption, { n: n(senders.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.peopleCols.staff}</th>
              <th scope="col">{t.peopleCols.member}</th>
              <th scope="col">{t.peopleCols.messages}</th>
            </tr>
          </thead>
          <tbody>
            {senders.map((s) => {
              const fixed = s.self || s.bot;
              return (
                <tr key={s.member}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={fill(t.staffLabel, { who: who(s) })}
                      checked={fixed || staff.has(s.member)}
                      disabled={fixed || busy}
                      onChange={(e) => onToggle(s.member, (e.target as HTMLInputElement).checked)}
                    />
                  </td>
                  <th scope="row">
                    {s.name && !hideNames ? (
                      <>
                        <span class="health-name" data-name>
                          {s.name}
                        </span>{' '}
                        <span class="health-id">{s.member}</span>
                      </>
                    ) : (
                      s.member
                    )}
                    {fixed ? <span class="calc-hint health-fixed"> · {s.self ? t.selfNote : t.botNote}</span> : null}
                  </th>
                  <td>{n(s.messages)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
