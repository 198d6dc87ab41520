/**
 * Tiers by presence (the Orbit Model's milestones), shown next to the ranked 5/20/75 tiers: absolute
 * thresholds, so a fading community does not keep a "top 5%" by construction. Counts and shares from
 * `summarizeChat` (`presenceTiers` in src/lib/health).
 */
import { formatNumber, formatPercent, type Locale } from '../../lib/format';
import type { ChatSummary } from '../../lib/health/chat-summary';
import { PRESENCE_TIERS } from '../../lib/health/presence';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';
import './chat-analytics.css';

export function ChatPresence({ locale, chat }: { locale: Locale; chat: ChatSummary }) {
  const h = ui[locale].health;
  const t = h.chatAnalytics;
  const p = chat.presence;
  if (p.asOf === null) return null;
  return (
    <>
      <h3 id="health-presence-title">{t.presenceTitle}</h3>
      <div class="health-scroll" tabIndex={0} role="region" aria-labelledby="health-presence-title">
        <table class="health-figures" data-testid="health-presence">
          <caption>{fill(t.presenceCaption, { asOf: p.asOf })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.presenceCols.tier}</th>
              <th scope="col">{t.presenceCols.rule}</th>
              <th scope="col">{t.presenceCols.members}</th>
            </tr>
          </thead>
          <tbody>
            {PRESENCE_TIERS.map((k) => (
              <tr key={k}>
                <th scope="row">{t.presenceNames[k]}</th>
                <td class="is-text">{t.presenceRules[k]}</td>
                <td>{fill(h.countShare, { n: formatNumber(p.counts[k], locale, { maximumFractionDigits: 0 }), share: formatPercent(p.shares[k], locale, { maximumFractionDigits: 0 }) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
