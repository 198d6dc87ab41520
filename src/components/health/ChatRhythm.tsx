/**
 * When the community talks: messages by weekday × hour at the chosen time zone, as a table whose cells are
 * shaded by class (the page's CSP allows no inline style), and the busiest hours named in a sentence.
 * Counts, shading steps and the busiest hours come from `summarizeChat` (`rhythm` in src/lib/health).
 */
import { enumerate, formatNumber, type Locale } from '../../lib/format';
import type { ChatSummary } from '../../lib/health/chat-summary';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';
import './chat-analytics.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function ChatRhythm({ locale, chat }: { locale: Locale; chat: ChatSummary }) {
  const h = ui[locale].health;
  const t = h.chatAnalytics;
  const r = chat.rhythm;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const zone = h.offsets[String(r.offsetMinutes) as keyof typeof h.offsets] ?? String(r.offsetMinutes);
  return (
    <>
      <h3 id="health-rhythm-title">{t.rhythmTitle}</h3>
      <p data-testid="health-rhythm-busiest">
        {r.busiest.length === 0
          ? t.rhythmEmpty
          : fill(t.rhythmBusiest, { slots: enumerate(r.busiest.map((s) => fill(t.slot, { day: t.weekdays[s.weekday]!, hour: s.hour, n: n(s.messages) })), locale) })}
      </p>
      {/* Outside the table: a caption would be as wide as the 24 hours and scroll away on a phone. */}
      <p class="calc-hint" id="health-rhythm-caption" data-testid="health-rhythm-caption">
        {fill(t.rhythmCaption, { zone, total: n(r.total) })}
      </p>
      <div class="health-scroll" tabIndex={0} role="region" aria-labelledby="health-rhythm-title">
        <table class="health-rhythm" data-testid="health-rhythm" aria-describedby="health-rhythm-caption">
          <thead>
            <tr>
              <th scope="col">{t.weekdayCol}</th>
              {HOURS.map((hour) => (
                <th scope="col" key={hour}>
                  {hour}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.cells.map((row, w) => (
              <tr key={w}>
                <th scope="row">{t.weekdays[w]}</th>
                {row.map((x, hour) => (
                  <td key={hour} class={`rhythm-${r.levels[w]?.[hour] ?? 0}`}>
                    {x > 0 ? n(x) : <span class="sr-only">{n(0)}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
