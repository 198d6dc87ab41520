/**
 * The committed sample summary (public/samples/warehouse-summary-sample.csv, written by
 * scripts/generate-warehouse-summary.mjs: the warehouse page's DuckDB SQL run over the health check's sample)
 * gives the health check the same figures as the raw sample read the way the page's worker reads it.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyzeActivity } from '../../src/lib/activity';
import { EventCollector } from '../../src/lib/event-rows';
import { averageRetention, memberTiers, tierProfile } from '../../src/lib/health';
import { isSummaryHead, summaryView } from '../../src/lib/warehouse';

describe('the sample warehouse summary', () => {
  it('is recognised, and maps to the figures of the raw sample (members, MAU, DAU, cohorts, tiers, at risk, retention)', () => {
    const summary = readFileSync('public/samples/warehouse-summary-sample.csv', 'utf8');
    expect(isSummaryHead(summary.slice(0, 200))).toBe(true);
    const view = summaryView(summary);

    // The raw sample as the worker reads it: header skipped, member column 2, date column 1, UTC+8.
    const raw = readFileSync('public/samples/health-check-sample.csv', 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(raw, { skipEmptyLines: true }).data.slice(1);
    const collector = new EventCollector({ member: 1, date: 0, offsetMinutes: 480, today: '2099-12-31' });
    rows.forEach((row, i) => collector.add(row, i + 2));
    expect(collector.badTotal).toBe(3);
    const { tierOf, atRisk, ...report } = analyzeActivity(collector.events, { inactiveDays: 3 });
    const { lifecycle: _, ...health } = view.all;
    expect(health).toEqual({ report, atRisk, profile: tierProfile(memberTiers(collector.events, { asOf: report.asOf, tierOf })), retention: averageRetention(report) });
    expect(view).toMatchObject({ asOf: '2026-10-31', inactiveDays: 3, zone: 'UTC', rows: 667 });
    expect(view.groups.map((g) => g.group)).toEqual(['城市会员群（上海）', '城市会员群（成都）', '新品体验一群', '新品体验二群']);
    expect(view.groups.reduce((n, g) => n + g.members, 0)).toBe(report.members);
  });
});
