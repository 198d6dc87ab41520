import { describe, expect, it } from 'vitest';
import { buildPlan, DRIVERS, rankRows, sensitivity, sensitivityRow, tornadoRows } from '../../src/lib';

// The plan builder computes the tornado one row per task; the pieces must add up to sensitivity().
describe('sensitivity, row by row', () => {
  it('rows computed one at a time and ranked equal sensitivity()', () => {
    const plan = buildPlan({ currentMembers: 3000 });
    const rows = DRIVERS.map((d) => sensitivityRow(plan.input, d));
    expect(rankRows(plan, rows)).toEqual(sensitivity(plan.input).rows);
  });

  it('a row moves only its driver: +20% tools spend raises the annual cost by 20% of the tools line', () => {
    const plan = buildPlan({});
    const row = sensitivityRow(plan.input, 'toolsAnnual', 0.2);
    expect(row.driver).toBe('toolsAnnual');
    expect(row.high.annualizedCost - plan.totals.annualizedCost).toBeCloseTo(plan.totals.annualizedCost - row.low.annualizedCost, 6);
    expect(row.high.ltvCac).toBeLessThanOrEqual(plan.totals.ltvCac ?? Infinity);
  });
});

describe('tornadoRows (what the sensitivity chart plots)', () => {
  it('plots LTV/CAC as well as cost: ARPU and margin rows have bars (issue #14: they were empty)', () => {
    const plan = buildPlan({});
    const rows = tornadoRows(plan, rankRows(plan, DRIVERS.map((d) => sensitivityRow(plan.input, d))));
    const byDriver = Object.fromEntries(rows.map((r) => [r.driver, r]));
    // LTV is proportional to ARPU and to margin; neither changes what the community costs.
    for (const d of ['arpuMonthly', 'grossMargin'] as const) {
      expect(byDriver[d]!.change.ltvCac.low).toBeCloseTo(-0.2, 9);
      expect(byDriver[d]!.change.ltvCac.high).toBeCloseTo(0.2, 9);
      expect(byDriver[d]!.change.annualizedCost).toEqual({ low: 0, high: 0 });
    }
    // Tools move the cost both ways and LTV/CAC not at all.
    expect(byDriver.toolsAnnual!.change.annualizedCost.high).toBeGreaterThan(0);
    expect(byDriver.toolsAnnual!.change.annualizedCost.low).toBeLessThan(0);
    expect(byDriver.toolsAnnual!.change.ltvCac).toEqual({ low: 0, high: 0 });
    // The same order as rankRows, and the changes are those of the rows' own values.
    expect(rows.map((r) => r.driver)).toEqual(rankRows(plan, DRIVERS.map((d) => sensitivityRow(plan.input, d))).map((r) => r.driver));
    const spend = byDriver.acquisitionMonthly!;
    expect(spend.change.annualizedCost.high).toBeCloseTo(spend.high.annualizedCost / plan.totals.annualizedCost - 1, 12);
  });

  it('leaves out drivers that move neither output, and has no LTV/CAC change without acquisition spend', () => {
    const plan = buildPlan({ phases: buildPlan({}).input.phases.map((p) => ({ ...p, acquisitionMonthly: 0 })) });
    expect(plan.totals.ltvCac).toBeNull();
    const rows = tornadoRows(plan, DRIVERS.map((d) => sensitivityRow(plan.input, d)));
    const drivers = rows.map((r) => r.driver);
    expect(drivers).not.toContain('arpuMonthly');
    expect(drivers).not.toContain('grossMargin');
    expect(drivers).toContain('operatorAnnualSalary');
    expect(rows.every((r) => r.change.ltvCac.low === null && r.change.ltvCac.high === null)).toBe(true);
  });
});
