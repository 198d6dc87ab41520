/**
 * A warehouse summary's groups (scope `group`): each group's headline figures as one table. Every number
 * comes from `summaryView` (src/lib/warehouse/to-health.ts); this file only formats them.
 */
import { formatNumber, type Locale } from '../../lib/format';
import type { SummaryGroup } from '../../lib/warehouse/to-health';
import { fill } from '../../i18n/fill';
import { ui } from '../calculators/strings';

const COLS = ['members', 'mau', 'avgDau', 'stickiness', 'atRisk'] as const;

export function WarehouseGroups({ locale, groups, asOf }: { locale: Locale; groups: readonly SummaryGroup[]; asOf: string }) {
  const t = ui[locale].health.summaryImport;
  if (groups.length === 0) return null;
  const cell = (g: SummaryGroup, k: (typeof COLS)[number]) =>
    k === 'stickiness'
      ? g.stickiness === null
        ? ui[locale].health.noStickiness
        : formatNumber(g.stickiness, locale, { maximumFractionDigits: 2 })
      : formatNumber(g[k], locale, { maximumFractionDigits: k === 'avgDau' ? 1 : 0 });
  return (
    <>
      <h3 id="health-wh-groups-title">{t.groupsTitle}</h3>
      <div class="health-scroll" tabIndex={0} role="region" aria-labelledby="health-wh-groups-title">
        <table class="health-figures" data-testid="health-warehouse-groups">
          <caption>{fill(t.groupsCaption, { asOf })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.groupCols.group}</th>
              {COLS.map((k) => (
                <th scope="col" key={k}>
                  {t.groupCols[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group === '' ? t.noGroup : g.group}</th>
                {COLS.map((k) => (
                  <td key={k}>{cell(g, k)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
