/**
 * Leavers and newcomers of groups whose roster (WeCom `groupchat/get`) was read twice: the older file against
 * the newer one, as `readChatFiles` compared them. IDs with the roster's name (unless names are hidden).
 */
import { formatNumber, type Locale } from '../../lib/format';
import type { RosterEntry } from '../../lib/health/chat';
import type { RosterComparison } from '../../lib/health/readers/read-files';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';

export function RosterChanges({ locale, rosters, hideNames }: { locale: Locale; rosters: readonly RosterComparison[]; hideNames: boolean }) {
  const t = ui[locale].health;
  if (rosters.length === 0) return null;
  const n = (x: number) => formatNumber(x, locale, { maximumFractionDigits: 0 });
  const list = (entries: readonly RosterEntry[]) =>
    entries.length === 0 ? t.rosterNone : entries.map((e) => (e.name && !hideNames ? `${e.name} · ${e.member}` : e.member)).join(locale === 'zh-CN' ? '、' : ', ');
  return (
    <section aria-labelledby="health-roster-title" data-testid="health-rosters">
      <h3 id="health-roster-title">{t.rosterTitle}</h3>
      {rosters.map((r) => (
        <div key={r.group}>
          <p>{fill(t.rosterIntro, { group: r.groupName ? `${r.groupName} · ${r.group}` : r.group, before: r.before, after: r.after, left: n(r.left.length), arrived: n(r.arrived.length) })}</p>
          <dl class="health-roster">
            <dt>{t.rosterLeft}</dt>
            <dd data-testid="health-roster-left">{list(r.left)}</dd>
            <dt>{t.rosterArrived}</dt>
            <dd>{list(r.arrived)}</dd>
          </dl>
        </div>
      ))}
    </section>
  );
}
