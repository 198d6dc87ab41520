/**
 * Members month by month: new, returning, resurrecting and dormant (PostHog's lifecycle buckets), as a table.
 * Every number comes from `summarizeChat` (`lifecycle` in src/lib/health) for a chat export, or from a
 * warehouse summary; `caption` is the sentence that says what "active" meant there.
 */
import { formatNumber, type Locale } from '../../lib/format';
import type { LifecycleMonth } from '../../lib/health/lifecycle';
import { ui } from '../calculators/strings';
import './chat-analytics.css';

const COLS = ['active', 'new', 'returning', 'resurrecting', 'dormant'] as const;

export function ChatLifecycle({ locale, lifecycle, caption }: { locale: Locale; lifecycle: readonly LifecycleMonth[]; caption: string }) {
  const t = ui[locale].health.chatAnalytics;
  if (lifecycle.length === 0) return null;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  return (
    <>
      <h3 id="health-lifecycle-title">{t.lifecycleTitle}</h3>
      <div class="health-scroll" tabIndex={0} role="region" aria-labelledby="health-lifecycle-title">
        <table class="health-figures" data-testid="health-lifecycle">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.lifecycleCols.month}</th>
              {COLS.map((k) => (
                <th scope="col" key={k}>
                  {t.lifecycleCols[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lifecycle.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {COLS.map((k) => (
                  <td key={k}>{n(m[k])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
