/**
 * What the health check says about a chat export beyond the usual figures: what was left out of every
 * figure and why, that a chat log sees only people who posted, and the per-group table (where the dead
 * groups are). Every number comes from `summarizeChat` in the worker.
 */
import { formatNumber, type Locale } from '../../lib/format';
import type { ChatSummary } from '../../lib/health/chat-summary';
import { ALL_GROUPS } from '../../lib/health/groups';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';

export function ChatFacts({ locale, chat, asOf, future = 0 }: { locale: Locale; chat: ChatSummary; asOf: string; future?: number }) {
  const t = ui[locale].health;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  return (
    <>
      <p class="calc-hint" data-testid="health-chat-left">
        {fill(t.chatLeft, { self: n(chat.left.self), bots: n(chat.left.bots), staff: n(chat.left.staff), system: n(chat.left.notMessages) })}
      </p>
      {chat.time ? (
        <p class="calc-hint" data-testid="health-chat-time">
          {fill(t.chatTime[chat.time.kind], { field: chat.time.field })}
        </p>
      ) : null}
      <p class="calc-hint" data-testid="health-chat-note">
        {t.chatNote}
        {chat.silentMembers > 0 ? ` ${fill(t.chatSilent, { n: n(chat.silentMembers) })}` : ''}
      </p>
      {future > 0 ? (
        <p class="calc-hint" data-testid="health-chat-future">
          {fill(t.chatFuture, { n: n(future) })}
        </p>
      ) : null}
      <h3 id="health-groups-title">{t.groupsTitle}</h3>
      <div class="health-scroll" tabIndex={0} role="region" aria-labelledby="health-groups-title">
        <table class="health-groups" data-testid="health-groups">
          <caption>{fill(t.groupsCaption, { asOf })}</caption>
          <thead>
            <tr>
              {(['group', 'members', 'speakers', 'messages', 'messages30', 'stickiness'] as const).map((k) => (
                <th scope="col" key={k}>
                  {t.groupCols[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chat.groups.map((g) => (
              <tr key={g.group} class={g.group === ALL_GROUPS ? 'is-total' : undefined}>
                <th scope="row">{g.group === ALL_GROUPS ? t.allGroups : g.name ? `${g.name} · ${g.group}` : g.group}</th>
                <td>{n(g.members)}</td>
                <td>{n(g.speakers)}</td>
                <td>{n(g.messages)}</td>
                <td>{n(g.messages30)}</td>
                <td>{g.stickiness === null ? t.noStickiness : formatNumber(g.stickiness, locale, { maximumFractionDigits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
